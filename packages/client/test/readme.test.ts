/** The README's opening example, run verbatim in a fresh Node process against the sandbox. */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, expect, it } from "vitest"
import { demo, signIns, startTestSandbox } from "./helpers.ts"
import { runModule } from "./subprocess.ts"

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8")
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? ""
// Inside the package, so `@soracom-auth/client` resolves to this package (self-reference by name).
const file = join(import.meta.dirname, `readme-example-${process.pid}.ts`)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
  writeFileSync(file, example)
})
afterAll(async () => {
  rmSync(file, { force: true })
  await sandbox.close()
})

it("the README opens with a short example", () => {
  expect(readme.startsWith("# @soracom-auth/client\n\n```ts\n")).toBe(true)
  const lines = example.trimEnd().split("\n")
  expect(lines.length).toBeLessThanOrEqual(11)
  expect(example).toContain('from "@soracom-auth/client"')
})

it("prints the operator's record, signs in once, and the process ends by itself", async () => {
  const ended = await runModule(file, {
    SORACOM_ENDPOINT: sandbox.endpoint,
    SORACOM_AUTH_KEY_ID: demo.authKeyId,
    SORACOM_AUTH_KEY: demo.authKey,
  })
  expect(ended.stderr).toBe("")
  expect(ended).toMatchObject({ code: 0, hung: false })
  expect(ended.stdout).toContain(`operatorId: '${demo.operatorId}'`)
  expect(ended.stdout).toContain(`email: '${demo.email}'`)
  expect(signIns(sandbox)).toBe(1)
})

it("with a wrong key: one sentence on stderr, no secret, exit 0", async () => {
  const wrong = `${demo.authKey.slice(0, -1)}0`
  const ended = await runModule(file, {
    SORACOM_ENDPOINT: sandbox.endpoint,
    SORACOM_AUTH_KEY_ID: demo.authKeyId,
    SORACOM_AUTH_KEY: wrong,
  })
  expect(ended).toMatchObject({ code: 0, hung: false, stdout: "" })
  expect(ended.stderr.trim()).toBe(
    "SORACOM did not accept the credentials (SORACOM: AUM0002 Invalid username/password supplied.).",
  )
  expect(ended.stderr).not.toContain(wrong)
})
