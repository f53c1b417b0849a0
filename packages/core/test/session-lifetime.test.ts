/**
 * AuthSession behaviours that a planted bug once slipped past: the refresh margin of a session whose requests come
 * from an effect, and the store being cleared on logout. Expectations come from the documented rules (margin =
 * min(5 min, 10 % of the request's `tokenTimeoutSeconds`); `SessionStore.clear` is "called by invalidate and
 * logout"), not from the implementation.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { AuthRequest, AuthSession, Credentials, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { okAuth, type TestHttp, testHttp, text } from "./support.ts"

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

/** A server: every sign-in gets a new token (`token-N`), logout answers 204. */
const server = (): TestHttp =>
  testHttp((request, i) =>
    request.path === "/v1/auth/logout" ? text(204, "") : okAuth({ token: `token-${i + 1}` }),
  )

const sessionLayer = (http: TestHttp, source: AuthSession.Source, store?: AuthSession.Store) =>
  // Refresh by sign-in is what these tests pin down; renewal (the default) is covered in renewal.test.ts.
  AuthSession.layer({ source, renew: false, ...(store === undefined ? {} : { store }) }).pipe(
    // The service's own default lifetime is a day: a margin computed from it (5 min) would exceed 180 s.
    Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })),
    Layer.provide(http.layer),
  )

const signIns = (http: TestHttp) => http.requests.filter((r) => r.path === "/v1/auth").length

describe("AuthSession with a request effect (e.g. an MFA prompt)", () => {
  it.effect("a 180 s session is reused until 10 % of its lifetime is left, not signed in on every get", () =>
    Effect.gen(function* () {
      const http = server()
      let prompts = 0
      const source = Effect.sync(() => {
        prompts++
        return new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 180 })
      })
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const first = yield* session.get
        for (let i = 0; i < 5; i++) assert.strictEqual(yield* session.get, first)
        assert.strictEqual(signIns(http), 1)
        assert.strictEqual(prompts, 1)
        // margin = min(300 s, 10 % × 180 s) = 18 s → the session is handed out until 162 s
        yield* TestClock.adjust("161999 millis")
        assert.strictEqual(Redacted.value((yield* session.get).token), "token-1")
        assert.strictEqual(signIns(http), 1)
        yield* TestClock.adjust("1 millis")
        assert.strictEqual(Redacted.value((yield* session.get).token), "token-2")
        assert.strictEqual(signIns(http), 2)
        assert.strictEqual(prompts, 2)
        // the request carried the lifetime the margin came from
        assert.deepStrictEqual(
          http.requests.map((r) => (r.body as { tokenTimeoutSeconds?: number }).tokenTimeoutSeconds),
          [180, 180],
        )
      }).pipe(Effect.provide(sessionLayer(http, source)))
    }),
  )

  it.effect("a request effect with no lifetime uses the service's default (a day → 5 min margin)", () =>
    Effect.gen(function* () {
      const http = server()
      const source = Effect.succeed(new AuthRequest.AuthRequest({ credentials }))
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* TestClock.adjust(86_400_000 - 300_000 - 1)
        yield* session.get
        assert.strictEqual(signIns(http), 1)
        yield* TestClock.adjust(1)
        yield* session.get
        assert.strictEqual(signIns(http), 2)
      }).pipe(Effect.provide(sessionLayer(http, source)))
    }),
  )

  it.effect("a fixed request's lifetime sets the margin too (180 s → refresh at 162 s)", () =>
    Effect.gen(function* () {
      const http = server()
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* TestClock.adjust(161_999)
        yield* session.get
        assert.strictEqual(signIns(http), 1)
        yield* TestClock.adjust(1)
        yield* session.get
        assert.strictEqual(signIns(http), 2)
      }).pipe(
        Effect.provide(
          sessionLayer(http, new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 180 })),
        ),
      )
    }),
  )
})

describe("AuthSession.logout with a store", () => {
  /** A store that remembers what it was asked to do. */
  const recordingStore = () => {
    const calls: Array<string> = []
    const store: AuthSession.Store = {
      load: Effect.sync(() => {
        calls.push("load")
        return Option.none()
      }),
      save: () => Effect.sync(() => void calls.push("save")),
      clear: Effect.sync(() => void calls.push("clear")),
    }
    return { calls, store }
  }

  it.effect(
    "revokes on the server, then clears the store (the saved session must not outlive a logout)",
    () =>
      Effect.gen(function* () {
        const http = server()
        const { calls, store } = recordingStore()
        yield* Effect.gen(function* () {
          const session = yield* AuthSession.AuthSession
          yield* session.get
          assert.deepStrictEqual(calls, ["load", "save"])
          yield* session.logout
          assert.deepStrictEqual(calls, ["load", "save", "clear"])
          assert.deepStrictEqual(
            http.requests.map((r) => r.path),
            ["/v1/auth", "/v1/auth/logout"],
          )
          // forgotten in memory too: the next get signs in again and saves the new session
          assert.strictEqual(Redacted.value((yield* session.get).token), "token-3")
          assert.deepStrictEqual(calls, ["load", "save", "clear", "save"])
        }).pipe(Effect.provide(sessionLayer(http, credentials, store)))
      }),
  )

  it.effect("a failed revocation leaves the store alone (the session may still be live)", () =>
    Effect.gen(function* () {
      const http = testHttp((request) =>
        request.path === "/v1/auth/logout" ? text(500, "down") : okAuth({ token: "token-1" }),
      )
      const { calls, store } = recordingStore()
      const exit = yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        return yield* Effect.exit(session.logout)
      }).pipe(Effect.provide(sessionLayer(http, credentials, store)))
      assert.isTrue(exit._tag === "Failure")
      assert.deepStrictEqual(calls, ["load", "save"])
    }),
  )
})
