import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, DateTime, Duration, Effect, Fiber, Layer, Option, Redacted } from "effect"
import { TestClock } from "effect/testing"
import {
  AuthRequest,
  AuthResponse,
  AuthSession,
  Credentials,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Handler, json, okAuth, testHttp, text } from "./support.ts"

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

const setup = (
  handler: Handler,
  options: {
    source?: AuthSession.Source
    margin?: Duration.Input
    store?: AuthSession.Store
    tokenTimeoutSeconds?: number
  } = {},
) => {
  const http = testHttp(handler)
  const layer = AuthSession.layer({
    source: options.source ?? credentials,
    // These tests cover refresh by sign-in; renewal (the default) has its own tests in renewal.test.ts.
    renew: false,
    ...(options.margin === undefined ? {} : { margin: options.margin }),
    ...(options.store === undefined ? {} : { store: options.store }),
  }).pipe(
    Layer.provide(
      SoracomAuth.layer({
        retryPolicy: RetryPolicy.none,
        ...(options.tokenTimeoutSeconds === undefined
          ? {}
          : { tokenTimeoutSeconds: options.tokenTimeoutSeconds }),
      }),
    ),
    Layer.provide(http.layer),
  )
  const authCalls = () => http.requests.filter((r) => r.path === "/v1/auth").length
  return { http, layer, authCalls }
}

/** Answers each sign-in with a distinct token after `delay` (TestClock time). */
const counting =
  (delay?: Duration.Input): Handler =>
  (_, i) =>
    delay === undefined
      ? okAuth({ token: `token-${i + 1}` })
      : Effect.sleep(delay).pipe(Effect.as(okAuth({ token: `token-${i + 1}` })))

describe("AuthSession", () => {
  it.effect("signs in lazily and caches", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup(counting())
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        assert.strictEqual(authCalls(), 0)
        const a = yield* session.get
        const b = yield* session.get
        assert.strictEqual(authCalls(), 1)
        assert.strictEqual(a, b)
        const headers = yield* session.headers
        assert.deepStrictEqual(headers, { "X-Soracom-API-Key": "api-key-1", "X-Soracom-Token": "token-1" })
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("refreshes at expiresAt − margin, not before (default margin: min(5 min, 10 %))", () =>
    Effect.gen(function* () {
      // lifetime 600 s → margin 60 s → refresh at 540 s
      assert.strictEqual(Duration.toMillis(AuthSession.defaultMargin(600)), 60_000)
      assert.strictEqual(Duration.toMillis(AuthSession.defaultMargin(86_400)), 300_000)
      const { layer, authCalls } = setup(counting(), { tokenTimeoutSeconds: 600 })
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const first = yield* session.get
        assert.strictEqual(DateTime.toEpochMillis(first.expiresAt), 600_000)
        yield* TestClock.adjust(539_999)
        assert.strictEqual(Redacted.value((yield* session.get).token), "token-1")
        assert.strictEqual(authCalls(), 1)
        yield* TestClock.adjust(1)
        assert.strictEqual(Redacted.value((yield* session.get).token), "token-2")
        assert.strictEqual(authCalls(), 2)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("default margin for the default lifetime is 5 minutes; an explicit margin wins", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup(counting(), { margin: "1 hour" })
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* TestClock.adjust(86_400_000 - 3_600_000 - 1)
        yield* session.get
        assert.strictEqual(authCalls(), 1)
        yield* TestClock.adjust(1)
        yield* session.get
        assert.strictEqual(authCalls(), 2)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("1,000 concurrent get on a cold session → exactly one POST /auth", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup(counting("1 second"))
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const fiber = yield* Effect.forkChild(
          Effect.all(
            Array.from({ length: 1000 }, () => session.get),
            { concurrency: "unbounded" },
          ),
        )
        yield* TestClock.adjust("1 second")
        const sessions = yield* Fiber.join(fiber)
        assert.strictEqual(authCalls(), 1)
        assert.strictEqual(sessions.length, 1000)
        assert.isTrue(sessions.every((s) => s === sessions[0]))
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("a failed refresh reaches every waiter; the next call tries again", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup((_, i) =>
        Effect.sleep("1 second").pipe(
          Effect.as(i === 0 ? json(401, { code: "AUM0002", message: "Invalid" }) : okAuth()),
        ),
      )
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const fiber = yield* Effect.forkChild(
          Effect.all(
            Array.from({ length: 1000 }, () => Effect.flip(session.get)),
            { concurrency: "unbounded" },
          ),
        )
        yield* TestClock.adjust("1 second")
        const errors = yield* Fiber.join(fiber)
        assert.strictEqual(authCalls(), 1)
        assert.isTrue(errors.every((e) => e._tag === "AuthFailed" && e.code === "AUM0002"))
        const retry = yield* Effect.forkChild(session.get)
        yield* TestClock.adjust("1 second")
        yield* Fiber.join(retry)
        assert.strictEqual(authCalls(), 2)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("a refresh survives the interruption of the caller that started it", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup(counting("1 second"))
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const first = yield* Effect.forkChild(session.get)
        const second = yield* Effect.forkChild(session.get)
        yield* Effect.yieldNow
        yield* Fiber.interrupt(first)
        yield* TestClock.adjust("1 second")
        const s = yield* Fiber.join(second)
        assert.strictEqual(Redacted.value(s.token), "token-1")
        assert.strictEqual(authCalls(), 1)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("invalidate forces a new sign-in", () =>
    Effect.gen(function* () {
      const { layer, authCalls } = setup(counting())
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* session.invalidate
        const s = yield* session.get
        assert.strictEqual(Redacted.value(s.token), "token-2")
        assert.strictEqual(authCalls(), 2)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("logout revokes the cached session with its headers, then forgets it", () =>
    Effect.gen(function* () {
      const { layer, http, authCalls } = setup((r, i) =>
        r.path === "/v1/auth/logout" ? text(204, "") : counting()(r, i),
      )
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.logout // nothing cached: no request
        assert.strictEqual(http.requests.length, 0)
        yield* session.get
        yield* session.logout
        const logout = http.requests[1]
        assert.strictEqual(logout?.path, "/v1/auth/logout")
        assert.strictEqual(logout?.headers["x-soracom-api-key"], "api-key-1")
        assert.strictEqual(logout?.headers["x-soracom-token"], "token-1")
        yield* session.get
        assert.strictEqual(authCalls(), 2)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("a request effect is run at every sign-in (e.g. a fresh MFA code)", () =>
    Effect.gen(function* () {
      let asked = 0
      const source = Effect.sync(() => {
        asked++
        return new AuthRequest.AuthRequest({
          credentials,
          mfaOtpCode: String(100000 + asked),
          tokenTimeoutSeconds: 180,
        })
      })
      const { layer, http } = setup(counting(), { source })
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* TestClock.adjust("180 seconds")
        yield* session.get
        assert.strictEqual(asked, 2)
        assert.deepStrictEqual(
          http.requests.map((r) => (r.body as { mfaOTPCode: string }).mfaOTPCode),
          ["100001", "100002"],
        )
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("store: a fresh stored session avoids a sign-in; a new one is saved; invalidate clears", () =>
    Effect.gen(function* () {
      const saved: Array<AuthResponse.AuthResponse> = []
      let cleared = 0
      let stored: Option.Option<AuthResponse.AuthResponse> = Option.some(
        new AuthResponse.AuthResponse({
          apiKey: Redacted.make("stored-key"),
          token: Redacted.make("stored-token"),
          operatorId: "OP0012345678",
          expiresAt: DateTime.makeUnsafe(3_600_000),
        }),
      )
      const store: AuthSession.Store = {
        load: Effect.sync(() => stored),
        save: (s) => Effect.sync(() => void saved.push(s)),
        clear: Effect.sync(() => {
          cleared++
          stored = Option.none()
        }),
      }
      const { layer, authCalls } = setup(counting(), { store })
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        assert.strictEqual(Redacted.value((yield* session.get).token), "stored-token")
        assert.strictEqual(authCalls(), 0)
        yield* session.invalidate
        assert.strictEqual(cleared, 1)
        assert.strictEqual(Redacted.value((yield* session.get).token), "token-1")
        assert.strictEqual(authCalls(), 1)
        assert.strictEqual(saved.length, 1)
      }).pipe(Effect.provide(layer))
    }),
  )

  it.effect("store: a stale stored session is ignored", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(10_000_000)
      const store: AuthSession.Store = {
        load: Effect.succeed(
          Option.some(
            new AuthResponse.AuthResponse({
              apiKey: Redacted.make("k"),
              token: Redacted.make("t"),
              operatorId: "OP0012345678",
              expiresAt: DateTime.makeUnsafe(10_000_000 + 1_000),
            }),
          ),
        ),
        save: () => Effect.void,
      }
      const { layer, authCalls } = setup(counting(), { store })
      yield* AuthSession.AuthSession.use((s) => s.get).pipe(Effect.provide(layer))
      assert.strictEqual(authCalls(), 1)
    }),
  )

  it.effect("layerConfig reads SORACOM_AUTH_KEY_ID / SORACOM_AUTH_KEY", () =>
    Effect.gen(function* () {
      const http = testHttp(counting())
      const layer = AuthSession.layerConfig().pipe(
        Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })),
        Layer.provide(http.layer),
        Layer.provide(
          ConfigProvider.layer(
            ConfigProvider.fromEnvRecord({
              SORACOM_AUTH_KEY_ID: "keyId-env",
              SORACOM_AUTH_KEY: "secret-env",
            }),
          ),
        ),
      )
      yield* AuthSession.AuthSession.use((s) => s.get).pipe(Effect.provide(layer))
      assert.deepStrictEqual(http.requests[0]?.body, {
        authKeyId: "keyId-env",
        authKey: "secret-env",
        tokenTimeoutSeconds: 86400,
      })
    }),
  )
})
