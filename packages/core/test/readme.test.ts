/** The README's example, verbatim except that the HTTP client is the in-memory test client. */
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { AuthSession, Credentials, Endpoint, SoracomAuth } from "../src/index.ts"
import { okAuth, testHttp } from "./support.ts"

it.effect("README example", () =>
  Effect.gen(function* () {
    const http = testHttp(() => okAuth())
    const Live = AuthSession.layer({
      source: new Credentials.AuthKeyCredentials({
        authKeyId: "keyId-…",
        authKey: Redacted.make("secret-…"),
      }),
    }).pipe(
      Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.coverage("jp"), language: "en" })),
      Layer.provide(http.layer),
    )

    const program = Effect.gen(function* () {
      const session = yield* AuthSession.AuthSession
      const headers = yield* session.headers // { "X-Soracom-API-Key": …, "X-Soracom-Token": … }
      const { operatorId, expiresAt } = yield* session.get // cached until expiresAt − margin
      yield* Effect.log(operatorId, expiresAt, Object.keys(headers))
      return headers
    }).pipe(Effect.catchTag("AuthFailed", (e) => Effect.logError(e.message)))

    const headers = yield* program.pipe(Effect.provide(Live))
    assert.deepStrictEqual(headers, { "X-Soracom-API-Key": "api-key-1", "X-Soracom-Token": "token-1" })
    assert.strictEqual(http.requests.length, 1)
  }),
)
