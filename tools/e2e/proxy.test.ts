/**
 * Proxies for the library: `KyHttpClient` calls `globalThis.fetch`, so Node's built-in env proxy support
 * (`http.setGlobalProxyFromEnv`, Node ≥ 24.14, or `NODE_USE_ENV_PROXY=1`) routes every SORACOM call through
 * `HTTP_PROXY` / `HTTPS_PROXY`, and `NO_PROXY` bypasses it — as the http-ky README documents. Checked with a
 * loopback proxy that counts the requests it carries against the sandbox's own record of what it received.
 */
import { setGlobalProxyFromEnv } from "node:http"
import { AuthRequest, Endpoint, SoracomAuth, SwitchUser } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CountingProxy, startCountingProxy } from "../testing/counting-proxy.ts"

let sandbox: Sandbox
let proxy: CountingProxy

beforeAll(async () => {
  sandbox = await startSandbox({ hashCost: 1, rateLimit: false, log: false, record: true })
  proxy = await startCountingProxy()
})
afterAll(async () => {
  await proxy?.close()
  await sandbox?.close()
})

/** Sign in, renew, switch user and sign out: four requests of four operations. */
const everyKind = () =>
  Effect.gen(function* () {
    const auth = yield* SoracomAuth.SoracomAuth
    const session = yield* auth.auth(
      yield* AuthRequest.fromInput({
        credentials: { kind: "root", email: "demo@example.com", password: "demo-root-password" },
      }),
    )
    const renewed = yield* auth.renewToken(session)
    yield* auth.switchUser(
      renewed,
      yield* SwitchUser.fromInput({ operatorId: "OP0000000001", userName: "demo-user" }),
    )
    yield* auth.logout(renewed)
  }).pipe(
    Effect.provide(
      SoracomAuth.layer({ endpoint: Endpoint.url(sandbox.endpoint) }).pipe(
        Layer.provide(KyHttpClient.layer()),
      ),
    ),
  )

const withProxyEnv = async (env: Record<string, string>, run: () => Promise<void>) => {
  const restore = setGlobalProxyFromEnv(env)
  try {
    await run()
  } finally {
    restore()
  }
}

describe("HTTP_PROXY / NO_PROXY through Node's built-in proxy support", () => {
  it("every request goes through the proxy (counted), each one the sandbox received", async () => {
    sandbox.clearExchanges()
    await withProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }, () =>
      Effect.runPromise(everyKind()),
    )
    const received = sandbox.exchanges().map((e) => `${e.request.method} ${e.request.path}`)
    expect(received).toEqual([
      "POST /v1/auth",
      "POST /v1/operators/OP0000000001/token",
      "POST /v1/auth/switch_user",
      "POST /v1/auth/logout",
    ])
    expect(proxy.requests().map((r) => `${r.method} ${r.path}`)).toEqual(received)
    expect(new Set(proxy.requests().map((r) => r.target))).toEqual(new Set([`127.0.0.1:${sandbox.port}`]))
  })

  it("NO_PROXY=127.0.0.1 bypasses it: the sandbox gets the requests, the proxy none", async () => {
    const before = proxy.requests().length
    sandbox.clearExchanges()
    await withProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: "127.0.0.1" }, () =>
      Effect.runPromise(everyKind()),
    )
    expect(sandbox.exchanges()).toHaveLength(4)
    expect(proxy.requests()).toHaveLength(before)
  })
})
