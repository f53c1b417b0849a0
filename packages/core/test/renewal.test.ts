/**
 * Token renewal (`POST /operators/{id}/token`) and switch user (`POST /auth/switch_user`): the service calls,
 * and `AuthSession` renewing before expiry without asking the source again (so one MFA prompt per session).
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Exit, Layer, Option, Redacted } from "effect"
import { TestClock } from "effect/testing"
import {
  AuthRequest,
  AuthResponse,
  AuthSession,
  Credentials,
  RetryPolicy,
  SoracomAuth,
  SwitchUser,
} from "../src/index.ts"
import { type Handler, json, testHttp } from "./support.ts"

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

/** A fake SORACOM: sign-in, renewal and switch, each answer numbered; `renewal` decides the token route's answer. */
const fake =
  (renewal: (n: number) => Response | undefined = () => undefined): Handler =>
  (request, i) => {
    if (request.path === "/v1/auth")
      return json(200, { apiKey: `api-${i + 1}`, token: `signed-in-${i + 1}`, operatorId: "OP0012345678" })
    if (request.path === "/v1/auth/switch_user")
      return json(200, {
        apiKey: `api-switched-${i + 1}`,
        token: `switched-${i + 1}`,
        operatorId: (request.body as { operatorId: string }).operatorId,
        userName: (request.body as { userName: string }).userName,
      })
    return renewal(i) ?? json(200, { token: `renewed-${i + 1}` })
  }

const setup = (handler: Handler, source: AuthSession.Source, store?: AuthSession.Store) => {
  const http = testHttp(handler)
  const auth = SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))
  const session = AuthSession.layer({ source, ...(store === undefined ? {} : { store }) }).pipe(
    Layer.provide(auth),
  )
  const count = (path: string | RegExp) =>
    http.requests.filter((r) => (typeof path === "string" ? r.path === path : path.test(r.path))).length
  return { http, auth, session, count }
}

const tokenPath = /^\/v1\/operators\/[^/]+\/token$/
const token = (s: AuthResponse.AuthResponse) => Redacted.value(s.token)

describe("SoracomAuth.renewToken", () => {
  it.effect(
    "POSTs the session's key and token to /operators/{id}/token; same key, new token and expiry",
    () =>
      Effect.gen(function* () {
        const { http, auth } = setup(fake(), credentials)
        yield* Effect.gen(function* () {
          const service = yield* SoracomAuth.SoracomAuth
          const session = yield* service.auth(new AuthRequest.AuthRequest({ credentials }))
          yield* TestClock.adjust("1 hour")
          const renewed = yield* service.renewToken(session, 600)
          const request = http.requests[1]!
          assert.strictEqual(request.path, "/v1/operators/OP0012345678/token")
          assert.strictEqual(request.method, "POST")
          assert.strictEqual(request.headers["x-soracom-api-key"], "api-1")
          assert.strictEqual(request.headers["x-soracom-token"], "signed-in-1")
          assert.deepStrictEqual(request.body, { tokenTimeoutSeconds: 600 })
          assert.strictEqual(Redacted.value(renewed.apiKey), "api-1")
          assert.strictEqual(token(renewed), "renewed-2")
          assert.strictEqual(renewed.operatorId, "OP0012345678")
          assert.strictEqual(DateTime.toEpochMillis(renewed.expiresAt), 3_600_000 + 600_000)
          // Default lifetime: the service's.
          yield* service.renewToken(renewed)
          assert.deepStrictEqual(http.requests[2]!.body, { tokenTimeoutSeconds: 86_400 })
        }).pipe(Effect.provide(auth))
      }),
  )

  it.effect(
    "400 → RenewalRefused, 401 → AuthFailed, a body without token → UnexpectedResponse, bad lifetime → InvalidRequest unsent",
    () =>
      Effect.gen(function* () {
        const answers = [
          json(400, { code: "SBX0013", message: "The API token has expired." }),
          json(401, { code: "AUM0001", message: "Token is required in the request header" }),
          json(200, { token: "" }),
        ]
        const { http, auth } = setup(
          fake((i) => answers[i - 1]),
          credentials,
        )
        yield* Effect.gen(function* () {
          const service = yield* SoracomAuth.SoracomAuth
          const session = yield* service.auth(new AuthRequest.AuthRequest({ credentials }))
          const tags: Array<string> = []
          for (let n = 0; n < 3; n++) {
            const exit = yield* Effect.exit(service.renewToken(session))
            tags.push(
              Exit.isFailure(exit) ? String(Option.getOrUndefined(Exit.findErrorOption(exit))?._tag) : "ok",
            )
          }
          assert.deepStrictEqual(tags, ["RenewalRefused", "AuthFailed", "UnexpectedResponse"])
          const bad = yield* Effect.flip(service.renewToken(session, 179))
          assert.strictEqual(bad._tag, "InvalidRequest")
          assert.strictEqual(http.requests.length, 4)
        }).pipe(Effect.provide(auth))
      }),
  )
})

describe("SoracomAuth.switchUser", () => {
  it.effect(
    "POSTs { operatorId, userName, tokenTimeoutSeconds: 3600 } as the session; the switched session lasts that long",
    () =>
      Effect.gen(function* () {
        const { http, auth } = setup(fake(), credentials)
        yield* Effect.gen(function* () {
          const service = yield* SoracomAuth.SoracomAuth
          const session = yield* service.auth(new AuthRequest.AuthRequest({ credentials }))
          const request = yield* SwitchUser.fromInput({ operatorId: " OP0000000002 ", userName: "ops" })
          const switched = yield* service.switchUser(session, request)
          const sent = http.requests[1]!
          assert.strictEqual(sent.path, "/v1/auth/switch_user")
          assert.strictEqual(sent.headers["x-soracom-api-key"], "api-1")
          assert.deepStrictEqual(sent.body, {
            operatorId: "OP0000000002",
            userName: "ops",
            tokenTimeoutSeconds: 3600,
          })
          assert.strictEqual(switched.userName, "ops")
          assert.strictEqual(switched.operatorId, "OP0000000002")
          assert.strictEqual(DateTime.toEpochMillis(switched.expiresAt), 3_600_000)
        }).pipe(Effect.provide(auth))
      }),
  )

  it.effect("400 → SwitchUserNotAllowed; a lifetime over 3600 is rejected before sending", () =>
    Effect.gen(function* () {
      const { http, auth } = setup(
        (r, i) =>
          r.path === "/v1/auth/switch_user"
            ? json(400, { code: "SBX0015", message: "Switch user not allowed." })
            : fake()(r, i),
        credentials,
      )
      yield* Effect.gen(function* () {
        const service = yield* SoracomAuth.SoracomAuth
        const session = yield* service.auth(new AuthRequest.AuthRequest({ credentials }))
        const denied = yield* Effect.flip(
          service.switchUser(
            session,
            new SwitchUser.Request({ operatorId: "OP0000000002", userName: "ops" }),
          ),
        )
        assert.strictEqual(denied._tag, "SwitchUserNotAllowed")
        assert.include(denied.message, "trust policy")
        const tooLong = yield* Effect.flip(
          SwitchUser.fromInput({ operatorId: "OP0000000002", userName: "ops", tokenTimeoutSeconds: 3601 }),
        )
        assert.strictEqual(tooLong.field, "tokenTimeoutSeconds")
        const unchecked = new SwitchUser.Request(
          { operatorId: "OP1", userName: "ops", tokenTimeoutSeconds: 3601 },
          { disableChecks: true },
        )
        assert.strictEqual(
          (yield* Effect.flip(service.switchUser(session, unchecked)))._tag,
          "InvalidRequest",
        )
        assert.strictEqual(http.requests.length, 2)
      }).pipe(Effect.provide(auth))
    }),
  )
})

describe("AuthSession renewal", () => {
  it.effect("an MFA session is renewed 3 times under TestClock with exactly one MFA prompt", () =>
    Effect.gen(function* () {
      let prompts = 0
      const source = Effect.sync(() => {
        prompts++
        return new AuthRequest.AuthRequest({ credentials, mfaOtpCode: "123456", tokenTimeoutSeconds: 600 })
      })
      const { session, count, http } = setup(fake(), source)
      yield* Effect.gen(function* () {
        const s = yield* AuthSession.AuthSession
        assert.strictEqual(token(yield* s.get), "signed-in-1")
        // lifetime 600 s → margin 60 s: due for renewal at 540 s after each (re)newal.
        for (let n = 1; n <= 3; n++) {
          yield* TestClock.adjust(539_999)
          const before = yield* s.get
          assert.strictEqual(count(tokenPath), n - 1)
          yield* TestClock.adjust(1)
          const renewed = yield* s.get
          assert.notStrictEqual(token(renewed), token(before))
          assert.strictEqual(Redacted.value(renewed.apiKey), "api-1")
          assert.strictEqual(count(tokenPath), n)
        }
        assert.strictEqual(prompts, 1)
        assert.strictEqual(count("/v1/auth"), 1)
        // Each renewal asked for the session's lifetime and carried the latest token.
        const renewals = http.requests.filter((r) => tokenPath.test(r.path))
        assert.deepStrictEqual(
          renewals.map((r) => [
            r.headers["x-soracom-token"],
            (r.body as { tokenTimeoutSeconds: number }).tokenTimeoutSeconds,
          ]),
          [
            ["signed-in-1", 600],
            ["renewed-2", 600],
            ["renewed-3", 600],
          ],
        )
      }).pipe(Effect.provide(session))
    }),
  )

  it.effect("renewal refused (400, then 401) → a full sign-in from the source", () =>
    Effect.gen(function* () {
      let prompts = 0
      const source = Effect.sync(() => {
        prompts++
        return new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 600 })
      })
      const refusals: Record<number, Response> = {
        1: json(400, { code: "SBX0013", message: "The API token has expired." }),
        3: json(401, { code: "AUM0001", message: "Token is required in the request header" }),
      }
      const { session, count } = setup(
        fake((i) => refusals[i]),
        source,
      )
      yield* Effect.gen(function* () {
        const s = yield* AuthSession.AuthSession
        yield* s.get
        yield* TestClock.adjust(540_000)
        assert.strictEqual(token(yield* s.get), "signed-in-3")
        yield* TestClock.adjust(540_000)
        assert.strictEqual(token(yield* s.get), "signed-in-5")
        assert.strictEqual(count(tokenPath), 2)
        assert.strictEqual(count("/v1/auth"), 3)
        assert.strictEqual(prompts, 3)
      }).pipe(Effect.provide(session))
    }),
  )

  it.effect(
    "a renewal that fails otherwise (503) reaches the caller and keeps the session; the next call renews",
    () =>
      Effect.gen(function* () {
        const { session, count } = setup(
          fake((i) => (i === 1 ? json(503, { code: "X", message: "unavailable" }) : undefined)),
          new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 600 }),
        )
        yield* Effect.gen(function* () {
          const s = yield* AuthSession.AuthSession
          yield* s.get
          yield* TestClock.adjust(540_000)
          assert.strictEqual((yield* Effect.flip(s.get))._tag, "ServerError")
          assert.strictEqual(token(yield* s.get), "renewed-3")
          assert.strictEqual(count("/v1/auth"), 1)
        }).pipe(Effect.provide(session))
      }),
  )

  it.effect("an expired session signs in (no renewal of a dead token); renew: false never renews", () =>
    Effect.gen(function* () {
      const { session, count } = setup(
        fake(),
        new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 600 }),
      )
      yield* Effect.gen(function* () {
        const s = yield* AuthSession.AuthSession
        yield* s.get
        yield* TestClock.adjust(600_000)
        yield* s.get
        assert.strictEqual(count(tokenPath), 0)
        assert.strictEqual(count("/v1/auth"), 2)
      }).pipe(Effect.provide(session))
      const http = testHttp(fake())
      const noRenew = AuthSession.layer({
        source: new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 600 }),
        renew: false,
      }).pipe(Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })), Layer.provide(http.layer))
      yield* Effect.gen(function* () {
        const s = yield* AuthSession.AuthSession
        yield* s.get
        yield* TestClock.adjust(540_000)
        yield* s.get
        assert.deepStrictEqual(
          http.requests.map((r) => r.path),
          ["/v1/auth", "/v1/auth"],
        )
      }).pipe(Effect.provide(noRenew))
    }),
  )

  it.effect("a stored session due for renewal is renewed, not signed in again; the renewal is saved", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(10_000_000)
      const saved: Array<AuthResponse.AuthResponse> = []
      const store: AuthSession.Store = {
        load: Effect.succeed(
          Option.some(
            new AuthResponse.AuthResponse({
              apiKey: Redacted.make("stored-key"),
              token: Redacted.make("stored-token"),
              operatorId: "OP0012345678",
              expiresAt: DateTime.makeUnsafe(10_000_000 + 1_000),
            }),
          ),
        ),
        save: (s) => Effect.sync(() => void saved.push(s)),
      }
      const { session, http } = setup(fake(), credentials, store)
      const got = yield* AuthSession.AuthSession.use((s) => s.get).pipe(Effect.provide(session))
      assert.deepStrictEqual(
        http.requests.map((r) => [r.path, r.headers["x-soracom-token"]]),
        [["/v1/operators/OP0012345678/token", "stored-token"]],
      )
      assert.strictEqual(Redacted.value(got.apiKey), "stored-key")
      assert.deepStrictEqual(saved.map(token), ["renewed-1"])
    }),
  )

  it.effect(
    "switch-user source: signs in with the base, switches; renews the switched session (≤ 3600 s); 400 → SwitchUserNotAllowed",
    () =>
      Effect.gen(function* () {
        const request = new SwitchUser.Request({ operatorId: "OP0000000002", userName: "ops" })
        const { session, http } = setup(fake(), new SwitchUser.Source({ base: credentials, request }))
        yield* Effect.gen(function* () {
          const s = yield* AuthSession.AuthSession
          const switched = yield* s.get
          assert.strictEqual(switched.userName, "ops")
          assert.strictEqual(token(switched), "switched-2")
          yield* TestClock.adjust(3_600_000 - 300_000)
          const renewed = yield* s.get
          assert.strictEqual(Redacted.value(renewed.apiKey), "api-switched-2")
          assert.strictEqual(renewed.userName, "ops")
          assert.deepStrictEqual(
            http.requests.map((r) => [r.path, r.headers["x-soracom-token"] ?? null, r.body]),
            [
              [
                "/v1/auth",
                null,
                { authKeyId: "keyId-abc", authKey: "secret-xyz", tokenTimeoutSeconds: 86_400 },
              ],
              [
                "/v1/auth/switch_user",
                "signed-in-1",
                { operatorId: "OP0000000002", userName: "ops", tokenTimeoutSeconds: 3600 },
              ],
              ["/v1/operators/OP0000000002/token", "switched-2", { tokenTimeoutSeconds: 3600 }],
            ],
          )
        }).pipe(Effect.provide(session))
        const denied = setup(
          (r, i) =>
            r.path === "/v1/auth/switch_user"
              ? json(400, { code: "SBX0015", message: "Switch user not allowed." })
              : fake()(r, i),
          new SwitchUser.Source({ base: credentials, request }),
        )
        const error = yield* AuthSession.AuthSession.use((s) => Effect.flip(s.get)).pipe(
          Effect.provide(denied.session),
        )
        assert.strictEqual(error._tag, "SwitchUserNotAllowed")
      }),
  )
})
