/**
 * How the app reaches an API (session/Api.ts), seen from the server's recording: the app's User-Agent, the
 * message language, the default lifetime, the `--verbose` trace (each exchange, secrets redacted) and the
 * endpoint it reports — against a real sandbox.
 */
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { Api } from "../../src/session/Api.ts"
import { version } from "../../src/version.ts"
import { demo, startTestSandbox } from "../helpers/sandbox.ts"

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>
beforeAll(async () => {
  sandbox = await startTestSandbox({ record: true })
})
afterAll(() => sandbox?.close())
beforeEach(() => sandbox.clearExchanges())

const signIn = (api: Api["Service"], tokenTimeoutSeconds?: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const request = yield* AuthRequest.fromInput({
        credentials: { kind: "authKey", authKeyId: demo.authKeyId, authKey: Redacted.make(demo.authKey) },
      })
      return yield* SoracomAuth.SoracomAuth.use((auth) => auth.auth(request))
    }).pipe(Effect.provide(api.auth(Endpoint.url(sandbox.endpoint), { tokenTimeoutSeconds }))),
  )

describe("Api", () => {
  it("signs in with the app's User-Agent, English messages and the service's default lifetime by default", async () => {
    await signIn(Api.make())
    const [exchange] = sandbox.exchanges()
    expect(exchange?.request.headers["user-agent"]).toBe(`soracom-auth/${version}`)
    expect(exchange?.request.headers["x-soracom-lang"]).toBe("en")
    expect(exchange?.request.body).toMatchObject({ tokenTimeoutSeconds: 86_400 })
  })

  it("the language and lifetime given are sent; the endpoint is reported as its API base", async () => {
    const endpoints: Array<string> = []
    await signIn(Api.make({ language: "ja", onEndpoint: (url) => endpoints.push(url) }), 900)
    const [exchange] = sandbox.exchanges()
    expect(exchange?.request.headers["x-soracom-lang"]).toBe("ja")
    expect(exchange?.request.body).toMatchObject({ tokenTimeoutSeconds: 900 })
    expect(endpoints).toEqual([sandbox.url])
  })

  it("--verbose: each exchange is traced as text, the AuthKey secret and the token redacted", async () => {
    const lines: Array<string> = []
    const session = await signIn(Api.make({ trace: (text) => lines.push(text) }))
    const text = lines.join("\n")
    expect(text).toContain("POST")
    expect(text).toContain("/v1/auth")
    expect(text).not.toContain(demo.authKey)
    expect(text).not.toContain(Redacted.value(session.token))
    expect(text).not.toContain(Redacted.value(session.apiKey))
  })

  it("the layer serves the same service", async () => {
    const api = await Effect.runPromise(Api.use((a) => Effect.succeed(a)).pipe(Effect.provide(Api.layer())))
    await signIn(api)
    expect(sandbox.exchanges()).toHaveLength(1)
  })
})
