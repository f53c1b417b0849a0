/**
 * A TypeScript consumer typechecks against the installed declarations with moduleResolution nodenext and
 * bundler: the fixtures' typed.ts, session.mjs and client.mjs (checkJs) and the README's code blocks, verbatim.
 * (skipLibCheck: effect's own declarations take ~40 s to check here; the "can fail" test shows ours are typed.)
 * The README's blocks then run on Node 24 against the sandbox.
 */
import { execFile } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, inject, it } from "vitest"
import "../context.ts"
import { blocks, readme } from "../readme.ts"

const exec = promisify(execFile)
const { lib, sandbox } = inject("consumer")

const tsc = (project: string) =>
  exec(process.execPath, [join(lib, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: lib }).then(
    () => "",
    (e: { stdout?: string; message: string }) => e.stdout ?? e.message,
  )

describe("TypeScript consumer", () => {
  // the README's examples, verbatim, one module each
  const examples = blocks(readme(), "Using it", "ts")
  it("the README has TypeScript examples", () => expect(examples.length).toBeGreaterThan(0))
  for (const [i, code] of examples.entries()) writeFileSync(join(lib, `readme-${i + 1}.ts`), code)

  it.each(["nodenext", "bundler"])("moduleResolution %s: no errors", async (mode) => {
    expect(await tsc(`tsconfig.${mode}.json`)).toBe("")
  })

  it("a type error in the consumer is reported (the check can fail)", async () => {
    writeFileSync(
      join(lib, "broken.ts"),
      'import { Endpoint } from "@soracom-auth/core"\nexport const e: Endpoint.Endpoint = Endpoint.coverage("us")\n',
    )
    try {
      expect(await tsc("tsconfig.nodenext.json")).toContain("broken.ts")
    } finally {
      writeFileSync(join(lib, "broken.ts"), "export {}\n")
    }
  })

  // `await using` in the Promise client's example: Node 24 (Node 22 cannot parse it; Bun and Deno can)
  it.each(examples.map((_, i) => `readme-${i + 1}.ts`))(
    "%s runs on Node 24 against the sandbox",
    async (file) => {
      const { stdout, stderr } = await exec(process.execPath, [file], {
        cwd: lib,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: lib,
          SORACOM_ENDPOINT: sandbox.endpoint,
          SORACOM_AUTH_KEY_ID: sandbox.authKeyId,
          SORACOM_AUTH_KEY: sandbox.authKey,
        },
      })
      expect(stdout).toContain(sandbox.operatorId)
      expect(stdout + stderr).not.toContain(sandbox.authKey)
    },
  )
})
