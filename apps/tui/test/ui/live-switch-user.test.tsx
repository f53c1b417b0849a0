/**
 * Switch user from the signed-in screen through the real live services (ui/effects/live.ts) against a recording
 * sandbox: the seed's demo-user trusts its operator's root account, so the switch is allowed, the sandbox records
 * POST /v1/auth/switch_user and the screen shows the switched user; a user whose trust policy does not list the
 * caller is refused with the error table's words.
 */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { type Layer, ManagedRuntime } from "effect"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { uiLayer } from "../../src/ui/effects/live.ts"
import type { UiRuntime } from "../../src/ui/effects/runtime-context.tsx"
import { keys, type Rendered, renderApp } from "./helpers.tsx"

let sandbox: Sandbox
let dir: string
let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof uiLayer>>, never>
let app: Rendered | undefined

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: false, hashCost: 1, rateLimit: false, record: true })
  dir = await mkdtemp(join(tmpdir(), "soracom-auth-switch-"))
  runtime = ManagedRuntime.make(uiLayer({ profileDir: dir }))
})
afterEach(() => app?.unmount())
afterAll(async () => {
  await runtime.dispose()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const live = (): UiRuntime => ({ runFork: (effect) => runtime.runFork(effect), now: () => Date.now() })

/** Signs in with the seed's root AuthKey through the form, then opens "Switch user…" and asks for `userName`. */
const switchTo = async (userName: string) => {
  const operator = sandbox.seed.operators[0]!
  const key = operator.authKeys![0]!
  const a = renderApp(
    { demo: { url: sandbox.url, credentials: [] }, initialScreen: "signIn", profileName: "switch-live" },
    live(),
    dir,
  )
  app = a
  await a.waitFor("How do you want to sign in?")
  await a.press(keys.enter)
  await a.waitFor("AuthKey ID:")
  await a.type(key.authKeyId)
  await a.waitFor("AuthKey secret:")
  await a.type(key.authKey)
  await a.waitFor("› Sign in")
  await a.press(keys.enter)
  await a.waitFor("Token expires")
  sandbox.clearExchanges()
  await a.press(keys.up, keys.up, keys.enter)
  await a.waitFor("Operator ID to switch to:")
  await a.type(operator.operatorId)
  await a.waitFor("SAM user name to switch to:")
  await a.type(userName)
  return { a, operatorId: operator.operatorId }
}

const switchRequests = () => sandbox.exchanges().filter((e) => e.request.path === "/v1/auth/switch_user")

describe("switch user from the signed-in screen (live, against the sandbox)", () => {
  it("demo-user trusts the root account: POST /v1/auth/switch_user, and the screen shows the switched user", async () => {
    const { a, operatorId } = await switchTo("demo-user")
    const frame = await a.waitFor(`✔ Switched to ${operatorId} / demo-user.`)
    expect(frame).toMatch(/User name\s+demo-user/)
    const requests = switchRequests()
    expect(requests).toHaveLength(1)
    expect(requests[0]?.request.method).toBe("POST")
    expect(requests[0]?.response?.status).toBe(200)
  })

  it("a user whose trust policy does not list the caller: the refusal in the error table's words, then back", async () => {
    const { a } = await switchTo("no-such-user")
    const frame = await a.waitFor("Could not switch user.")
    expect(frame).toContain("does not allow switching to that user")
    expect(switchRequests()[0]?.response?.status).toBe(400)
    await a.press(keys.down, keys.enter)
    const back = await a.waitFor("› Done")
    expect(back).not.toMatch(/User name\s+/)
  })
})
