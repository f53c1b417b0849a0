/**
 * A TypeScript consumer typechecks against the installed declarations with moduleResolution nodenext and
 * bundler, without skipLibCheck: the fixtures' typed.ts, session.mjs (checkJs) and the README's code block.
 */
import { execFile } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, inject, it } from "vitest"
import "../context.ts"
import { blocks, readme } from "../readme.ts"

const exec = promisify(execFile)
const { lib } = inject("consumer")

const tsc = (project: string) =>
  exec(process.execPath, [join(lib, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: lib }).then(
    () => "",
    (e: { stdout?: string; message: string }) => e.stdout ?? e.message,
  )

describe("TypeScript consumer", () => {
  // the README's example, verbatim
  const example = blocks(readme(), "Using it", "ts")
  it("the README has one TypeScript example", () => expect(example).toHaveLength(1))
  writeFileSync(join(lib, "readme.ts"), `${example[0] ?? ""}\nexport { Live }\n`)

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
})
