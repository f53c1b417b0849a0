/**
 * Sign-out through the real live adapter (ui/runtime/live.ts) against a recording sandbox: the server receives
 * POST /v1/auth/logout with the session's own API key and token, answers success, and the pair is dead afterwards.
 * (The screen tests use a fake UiAuth; this is the path the app really takes.)
 */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { type Layer, ManagedRuntime, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Sessions } from "../../src/session/Sessions.ts"
import { uiLayer } from "../../src/ui/effects/live.ts"
import { endpointChoices } from "../../src/ui/endpoints.ts"
import type { Session, SignInRequest } from "../../src/ui/model.ts"
import { signInAs } from "../../src/ui/sign-in/use-sign-in.ts"

let sandbox: Sandbox
let dir: string
let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof uiLayer>>, never>

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: false, hashCost: 1, rateLimit: false, record: true })
  dir = await mkdtemp(join(tmpdir(), "soracom-auth-sign-out-"))
  runtime = ManagedRuntime.make(uiLayer({ profileDir: dir }))
})
afterAll(async () => {
  await runtime.dispose()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const signedInSession = async (): Promise<Session> => {
  const endpoint = endpointChoices({ demo: { url: sandbox.url, credentials: [] } })[0]!
  const key = sandbox.seed.operators[0]!.authKeys![0]!
  const request: SignInRequest = {
    credentials: { kind: "authKey", authKeyId: key.authKeyId, authKey: Redacted.make(key.authKey) },
    tokenTimeoutSeconds: 600,
    endpoint,
  }
  return runtime.runPromise(signInAs("default", request))
}

/** What the sandbox says about a key/token pair now: a second logout succeeds only while the pair is live. */
const logoutStatus = (apiKey: string, token: string) =>
  fetch(`${sandbox.url}/auth/logout`, {
    method: "POST",
    headers: { "X-Soracom-API-Key": apiKey, "X-Soracom-Token": token },
  }).then(async (r) => {
    await r.arrayBuffer()
    return r.status
  })

describe("signing out from the app: the session service (live, against the sandbox)", () => {
  it("sends POST /v1/auth/logout with the session's key and token; the session is revoked", async () => {
    const session = await signedInSession()
    const apiKey = Redacted.value(session.cached.session.apiKey)
    const token = Redacted.value(session.cached.session.token)
    sandbox.clearExchanges()

    const result = await runtime.runPromise(Sessions.use((s) => s.signOut(session.profileName)))
    expect(result._tag).toBe("RevokedAndRemoved")

    const logouts = sandbox.exchanges().filter((e) => e.request.path === "/v1/auth/logout")
    expect(logouts).toHaveLength(1)
    const [logout] = logouts
    expect(logout?.request.method).toBe("POST")
    expect(logout?.request.headers["x-soracom-api-key"]).toBe(apiKey)
    expect(logout?.request.headers["x-soracom-token"]).toBe(token)
    expect(logout?.response?.status).toBeLessThan(300)
    // revoked: the same pair is refused now
    expect(await logoutStatus(apiKey, token)).toBe(401)
  })

  it("a session the server no longer knows is reported as such (nothing is pretended) and forgotten", async () => {
    const session = await signedInSession()
    const { apiKey, token } = session.cached.session
    expect(await logoutStatus(Redacted.value(apiKey), Redacted.value(token))).toBeLessThan(300)
    const result = await runtime.runPromise(Sessions.use((s) => s.signOut(session.profileName)))
    expect(result._tag).toBe("ServerRejectedRemoved")
    expect((await runtime.runPromise(Sessions.use((s) => s.current("default"))))._tag).toBe("None")
  })
})
