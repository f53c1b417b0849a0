/**
 * The root README's two "From code" examples — the Promise client, then the Effect layers with a ManagedRuntime —
 * run verbatim in fresh Node processes against the sandbox: each prints the operator's record after ONE sign-in.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest"
import { demo, signIns, startTestSandbox } from "./helpers.ts"
import { runModule } from "./subprocess.ts"

const readme = readFileSync(join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8")
const fromCode = readme.slice(readme.indexOf("From code"), readme.indexOf("From a terminal"))
const [promiseExample, effectExample] = [...fromCode.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "")

let sandbox: Sandbox
const files: Array<string> = []
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
beforeEach(() => sandbox.clearExchanges())
afterAll(async () => {
  for (const f of files) rmSync(f, { force: true })
  await sandbox.close()
})

const run = (name: string, code: string) => {
  // Inside this package, so its dependencies (and the package itself, by name) resolve.
  const file = join(import.meta.dirname, `root-readme-${name}-${process.pid}.ts`)
  files.push(file)
  writeFileSync(file, code)
  return runModule(file, {
    SORACOM_ENDPOINT: sandbox.endpoint,
    SORACOM_AUTH_KEY_ID: demo.authKeyId,
    SORACOM_AUTH_KEY: demo.authKey,
  })
}

it("the Promise client comes first, then the Effect layers with ManagedRuntime", () => {
  expect(promiseExample).toContain('from "@soracom-auth/client"')
  expect(effectExample).toContain("ManagedRuntime.make(Live)")
  expect(fromCode).toMatch(/Why one long-lived runtime/)
})

it("the Promise example prints 200 and the operator, with one sign-in", async () => {
  const ended = await run("promise", promiseExample!)
  expect(ended.stderr).toBe("")
  expect(ended).toMatchObject({ code: 0, hung: false })
  expect(ended.stdout).toMatch(new RegExp(`^200 \\{[\\s\\S]*operatorId: '${demo.operatorId}'`))
  expect(signIns(sandbox)).toBe(1)
})

it("the Effect example runs twice on one runtime: one sign-in for both", async () => {
  const ended = await run("effect", effectExample!)
  expect(ended.stderr).toBe("")
  expect(ended).toMatchObject({ code: 0, hung: false })
  expect(ended.stdout.match(new RegExp(`operatorId: '${demo.operatorId}'`, "g"))).toHaveLength(2)
  expect(signIns(sandbox)).toBe(1)
})
