/**
 * `SoracomAuth`'s options and what they put on the wire: the language from a locale (`ja`, `ja_JP.UTF-8`, `ja-JP`
 * are Japanese; anything else English), `SORACOM_LANG` before `LANG`, explicit options before both (an option
 * given as `undefined` is no option), the headers every request carries, and a renewal's path built from an
 * operator ID that is one path segment whatever the server sent.
 */
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, DateTime, Effect, Layer, Redacted } from "effect"
import { AuthRequest, AuthResponse, Credentials, Endpoint, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { json, okAuth, testHttp, text } from "./support.ts"

describe("SoracomAuth.languageFromLocale", () => {
  it("ja, ja_JP.UTF-8, ja-JP, JA_jp, ja.UTF-8 and a padded ja_JP: Japanese", () => {
    for (const locale of ["ja", "ja_JP.UTF-8", "ja-JP", "JA_jp", "ja.UTF-8", "  ja_JP.UTF-8 "])
      assert.strictEqual(SoracomAuth.languageFromLocale(locale), "ja", locale)
  })
  it("anything else, none or empty: English (also words that merely start with ja)", () => {
    for (const locale of [undefined, "", "en_US.UTF-8", "C", "POSIX", "jav_ID", "japanese", "en_JA", "x-ja"])
      assert.strictEqual(SoracomAuth.languageFromLocale(locale), "en", String(locale))
  })
})

describe("SoracomAuth.optionsConfig", () => {
  const read = (env: Record<string, string>, overrides: SoracomAuth.Options = {}) =>
    Effect.provide(
      SoracomAuth.optionsConfig(overrides),
      ConfigProvider.layer(ConfigProvider.fromEnvRecord(env)),
    )

  it.effect("SORACOM_LANG wins over LANG; LANG alone decides; neither is English", () =>
    Effect.gen(function* () {
      assert.strictEqual((yield* read({ SORACOM_LANG: "ja", LANG: "en_US.UTF-8" })).language, "ja")
      assert.strictEqual((yield* read({ SORACOM_LANG: "en", LANG: "ja_JP.UTF-8" })).language, "en")
      assert.strictEqual((yield* read({ LANG: "ja_JP.UTF-8" })).language, "ja")
      assert.strictEqual((yield* read({})).language, "en")
    }),
  )

  it.effect("explicit options win; an option given as undefined leaves the environment's value", () =>
    Effect.gen(function* () {
      const env = { SORACOM_LANG: "ja", SORACOM_ENDPOINT: "http://127.0.0.1:9000" }
      const given = yield* read(env, { language: "en", endpoint: Endpoint.coverage("g") })
      assert.strictEqual(given.language, "en")
      assert.deepStrictEqual(given.endpoint, Endpoint.coverage("g"))
      const blank = yield* read(env, { language: undefined, endpoint: undefined, userAgent: "ua/1" })
      assert.strictEqual(blank.language, "ja")
      assert.deepStrictEqual(blank.endpoint, Endpoint.url("http://127.0.0.1:9000"))
      assert.strictEqual(blank.userAgent, "ua/1")
    }),
  )
})

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("s3cret"),
})

describe("headers of every request", () => {
  const run = (options: SoracomAuth.Options) =>
    Effect.gen(function* () {
      const http = testHttp((r) => (r.path === "/v1/auth" ? okAuth() : text(204, "")))
      yield* Effect.gen(function* () {
        const auth = yield* SoracomAuth.SoracomAuth
        const session = yield* auth.auth(new AuthRequest.AuthRequest({ credentials }))
        yield* auth.logout(session)
      }).pipe(
        Effect.provide(
          SoracomAuth.layer({ retryPolicy: RetryPolicy.none, ...options }).pipe(Layer.provide(http.layer)),
        ),
      )
      return http.requests
    })

  it.effect("accept JSON and X-Soracom-Lang (default en); a User-Agent only when given", () =>
    Effect.gen(function* () {
      for (const r of yield* run({})) {
        assert.strictEqual(r.headers.accept, "application/json")
        assert.strictEqual(r.headers["x-soracom-lang"], "en")
        assert.notProperty(r.headers, "user-agent")
      }
      for (const r of yield* run({ userAgent: "my-tool/1.0", language: "ja" })) {
        assert.strictEqual(r.headers["user-agent"], "my-tool/1.0")
        assert.strictEqual(r.headers["x-soracom-lang"], "ja")
      }
    }),
  )

  it.effect("logout sends no body (and so no content type); sign-in sends JSON", () =>
    Effect.gen(function* () {
      const [signIn, logout] = yield* run({})
      assert.strictEqual(signIn?.headers["content-type"], "application/json")
      assert.strictEqual(logout?.body, undefined)
      assert.notProperty(logout?.headers ?? {}, "content-type")
    }),
  )
})

describe("SoracomAuth.renewToken", () => {
  const sessionOf = (operatorId: string, userName?: string) =>
    new AuthResponse.AuthResponse({
      apiKey: Redacted.make("api-key-1"),
      token: Redacted.make("token-1"),
      operatorId,
      ...(userName === undefined ? {} : { userName }),
      expiresAt: DateTime.makeUnsafe(86_400_000),
    })
  const renew = (session: AuthResponse.AuthResponse) =>
    Effect.gen(function* () {
      const http = testHttp(() => json(200, { token: "renewed" }))
      const renewed = yield* SoracomAuth.SoracomAuth.use((a) => a.renewToken(session, 600)).pipe(
        Effect.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))),
      )
      return { renewed, request: http.requests[0] }
    })

  it.effect("a SAM user's session stays that user's; the new session was issued when the answer came", () =>
    Effect.gen(function* () {
      const { renewed } = yield* renew(sessionOf("OP0012345678", "ada"))
      assert.strictEqual(renewed.userName, "ada")
      assert.strictEqual(DateTime.toEpochMillis(renewed.issuedAt!), 0)
      assert.strictEqual(DateTime.toEpochMillis(renewed.expiresAt), 600_000)
      const root = (yield* renew(sessionOf("OP0012345678"))).renewed
      assert.notProperty(root, "userName")
    }),
  )

  it.effect("an operator ID with / or ? stays one path segment", () =>
    Effect.gen(function* () {
      const { request } = yield* renew(sessionOf("../auth?x=1"))
      assert.strictEqual(request?.path, "/v1/operators/..%2Fauth%3Fx%3D1/token")
    }),
  )
})
