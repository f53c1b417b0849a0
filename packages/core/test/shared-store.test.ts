/**
 * The hooks a shared store (e.g. @soracom-auth/session-redis) builds on: `AuthSession.SharedStore` picks a store by the
 * session's identity, and `SessionStore.singleFlight` wraps every sign-in, so two sessions sharing one store sign
 * in once. The store here is in memory (a semaphore stands for the distributed lock).
 */
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Fiber, Layer, Option, Redacted, Semaphore } from "effect"
import { TestClock } from "effect/testing"
import {
  AuthRequest,
  type AuthResponse,
  AuthSession,
  Credentials,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Handler, okAuth, testHttp } from "./support.ts"

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

/** Sign-ins answer distinct API keys after 1 s (TestClock). */
const slowCounting: Handler = (_, i) =>
  Effect.sleep("1 second").pipe(Effect.as(okAuth({ apiKey: `api-key-${i + 1}`, token: `token-${i + 1}` })))

/** One in-memory store per identity; `singleFlight` is a lock + re-check, as a distributed store would do. */
const memoryStores = () => {
  const sessions = new Map<string, AuthResponse.AuthResponse>()
  const identities: Array<string> = []
  const calls = { singleFlight: 0, load: 0 }
  const lock = Semaphore.makeUnsafe(1)
  const storeFor = (identity: string): AuthSession.Store => {
    identities.push(identity)
    return {
      load: Effect.sync(() => {
        calls.load++
        return Option.fromNullishOr(sessions.get(identity))
      }),
      save: (session) => Effect.sync(() => void sessions.set(identity, session)),
      clear: Effect.sync(() => void sessions.delete(identity)),
      singleFlight: (signIn, isFresh) =>
        lock.withPermits(1)(
          Effect.gen(function* () {
            calls.singleFlight++
            const stored = sessions.get(identity)
            if (stored !== undefined && (yield* isFresh(stored))) return stored
            return yield* signIn
          }),
        ),
    }
  }
  return { storeFor, sessions, identities, calls }
}

const sessionLayer = (
  handler: Handler,
  options: Omit<AuthSession.Options, "source"> & { source?: AuthSession.Options["source"] },
) => {
  const http = testHttp(handler)
  const layer = AuthSession.layer({ source: credentials, ...options }).pipe(
    Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none, tokenTimeoutSeconds: 600 })),
    Layer.provide(http.layer),
  )
  // sign-ins and renewals alike: each is one refresh
  return { layer, authCalls: () => http.requests.length }
}

const built = AuthSession.AuthSession.useSync((s) => s)

describe("AuthSession with a shared store", () => {
  it.effect("two sessions on one shared store sign in once, and refresh once", () =>
    Effect.gen(function* () {
      const stores = memoryStores()
      const a = sessionLayer(slowCounting, {})
      const b = sessionLayer(slowCounting, {})
      const shared = Layer.succeed(AuthSession.SharedStore, stores.storeFor)
      const sa = Context.get(yield* Layer.build(Layer.provide(a.layer, shared)), AuthSession.AuthSession)
      const sb = Context.get(yield* Layer.build(Layer.provide(b.layer, shared)), AuthSession.AuthSession)
      const both = Effect.all([sa.headers, sb.headers, sa.headers, sb.headers], { concurrency: "unbounded" })
      const first = yield* Effect.forkChild(both)
      yield* TestClock.adjust("1 second")
      const headers = yield* Fiber.join(first)
      assert.strictEqual(a.authCalls() + b.authCalls(), 1)
      assert.deepStrictEqual(new Set(headers.map((h) => h["X-Soracom-API-Key"])).size, 1)
      // lifetime 600 s, margin 60 s: at 541 s both refresh, through the store, once
      yield* TestClock.adjust("540 seconds")
      const again = yield* Effect.forkChild(both)
      yield* TestClock.adjust("1 second")
      const refreshed = yield* Fiber.join(again)
      assert.strictEqual(a.authCalls() + b.authCalls(), 2)
      assert.deepStrictEqual(new Set(refreshed.map((h) => h["X-Soracom-Token"])), new Set(["token-2"]))
      // every refresh goes through singleFlight; load stays once per session (a stale stored session is renewed)
      assert.isAtMost(stores.calls.load, 2)
      assert.strictEqual(stores.calls.singleFlight >= 4, true)
    }).pipe(Effect.scoped),
  )

  it.effect("the identity names the endpoint and who signs in, never the secret", () =>
    Effect.gen(function* () {
      const stores = memoryStores()
      const { layer } = sessionLayer(slowCounting, {})
      yield* Effect.provide(
        built,
        Layer.provide(layer, Layer.succeed(AuthSession.SharedStore, stores.storeFor)),
      )
      assert.deepStrictEqual(stores.identities, ["https://api.soracom.io/v1 authKey:keyId-abc"])
      assert.strictEqual(stores.identities.join().includes("secret-xyz"), false)
    }),
  )

  it.effect(
    "a request effect uses the shared store only when given an identity; an explicit store wins",
    () =>
      Effect.gen(function* () {
        const stores = memoryStores()
        const shared = Layer.succeed(AuthSession.SharedStore, stores.storeFor)
        const source = Effect.succeed(new AuthRequest.AuthRequest({ credentials }, { disableChecks: true }))
        yield* Effect.provide(built, Layer.provide(sessionLayer(slowCounting, { source }).layer, shared))
        assert.deepStrictEqual(stores.identities, [])
        yield* Effect.provide(
          built,
          Layer.provide(sessionLayer(slowCounting, { source, identity: "ci-fleet" }).layer, shared),
        )
        assert.deepStrictEqual(stores.identities, ["ci-fleet"])
        const own: AuthSession.Store = { load: Effect.succeedNone, save: () => Effect.void }
        yield* Effect.provide(built, Layer.provide(sessionLayer(slowCounting, { store: own }).layer, shared))
        assert.deepStrictEqual(stores.identities, ["ci-fleet"])
      }),
  )
})
