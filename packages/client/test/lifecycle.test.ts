/**
 * close() ends every timer, fiber and socket of the client: a Node process that used it ends by itself — also
 * when close() interrupts a request still waiting for its answer. The control (no close) shows the test can fail.
 */
import { join } from "node:path"
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest"
import { demo, startTestSandbox } from "./helpers.ts"
import { runModule } from "./subprocess.ts"

const fixture = join(import.meta.dirname, "fixtures", "use-then-close.ts")
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.faults.clear())

const env = (mode: string) => ({
  MODE: mode,
  KEY_ID: demo.authKeyId,
  KEY: demo.authKey,
  ENDPOINT: sandbox.endpoint,
  ADMIN: sandbox.adminUrl,
})

it("after session, fetch, ky and a re-sign-in, close() lets the process end by itself", async () => {
  const ended = await runModule(fixture, env("use"))
  expect(ended.stderr).toBe("")
  expect(ended).toMatchObject({ code: 0, hung: false })
  expect(ended.stdout).toBe(`used ${demo.operatorId}\nclosed\n`)
})

it("close() during a request interrupts it (rejected: the client is closed) and the process ends at once", async () => {
  // Once the request waits at the sandbox, the process must end long before the sandbox's 60 s answer would let it.
  const ended = await runModule(fixture, env("in-flight"), { hangAfter: { output: "waiting", ms: 20_000 } })
  expect(ended.stderr).toBe("")
  expect(ended).toMatchObject({ code: 0, hung: false })
  expect(ended.stdout).toBe(`used ${demo.operatorId}\nwaiting\nrejected InvalidRequest client\nclosed\n`)
})

it("control: without close() the waiting request keeps the process alive", async () => {
  // The window starts once the request waits at the sandbox (not at start-up, which a loaded machine stretches).
  const ended = await runModule(fixture, env("in-flight-open"), {
    hangAfter: { output: "waiting", ms: 5_000 },
  })
  expect(ended.stderr).toBe("")
  expect(ended.hung).toBe(true)
  expect(ended.stdout).toBe(`used ${demo.operatorId}\nwaiting\n`)
})
