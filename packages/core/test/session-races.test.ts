/**
 * AuthSession when calls overlap, when a stored session meets a fixed request, and its spans — behaviours that
 * mutation testing found unchecked. Each expectation follows from the documented contract: a refresh is
 * single-flight ("N concurrent callers during a refresh → exactly one request"), `invalidate` forgets "the cached
 * session", `logout` revokes and forgets *that* session, and the margin is "min(5 min, 10 % of the request's
 * `tokenTimeoutSeconds`)".
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Deferred, Effect, Fiber, Layer, Option, Redacted, Tracer } from "effect"
import {
  AuthRequest,
  AuthResponse,
  AuthSession,
  Credentials,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Handler, json, okAuth, type TestHttp, testHttp, text } from "./support.ts"

const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

const layerOf = (http: TestHttp, options: AuthSession.Options) =>
  AuthSession.layer(options).pipe(
    Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })),
    Layer.provide(http.layer),
  )

const count = (http: TestHttp, path: string | RegExp) =>
  http.requests.filter((r) => (typeof path === "string" ? r.path === path : path.test(r.path))).length

/** Lets forked fibers run until `done` holds (no clock involved). */
const until = (done: () => boolean) =>
  Effect.gen(function* () {
    for (let i = 0; i < 1_000 && !done(); i++) yield* Effect.yieldNow
    assert.isTrue(done(), "the awaited request never arrived")
  })

const token = (s: AuthResponse.AuthResponse) => Redacted.value(s.token)

/** A server whose answers to `held` paths wait for `release`; sign-ins get `token-N` (N from 1). */
const gatedServer = (release: Deferred.Deferred<void>, held: (path: string, nth: number) => boolean) => {
  let signIns = 0
  const handler: Handler = (request) => {
    const answer =
      request.path === "/v1/auth"
        ? okAuth({ token: `token-${++signIns}` })
        : request.path === "/v1/auth/logout"
          ? text(204, "")
          : json(404, {})
    const nth = request.path === "/v1/auth" ? signIns : 0
    return held(request.path, nth) ? Effect.as(Deferred.await(release), answer) : answer
  }
  return testHttp(handler)
}

describe("AuthSession.invalidate while a sign-in is in flight", () => {
  it.effect("the sign-in in flight is not forgotten: a later get waits for it, no second sign-in", () =>
    Effect.gen(function* () {
      const release = yield* Deferred.make<void>()
      const http = gatedServer(release, (path) => path === "/v1/auth")
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        const first = yield* Effect.forkChild(session.get)
        yield* until(() => http.requests.length === 1)
        yield* session.invalidate
        const second = yield* Effect.forkChild(session.get)
        yield* Effect.yieldNow
        yield* Deferred.succeed(release, undefined)
        const a = yield* Fiber.join(first)
        const b = yield* Fiber.join(second)
        assert.strictEqual(count(http, "/v1/auth"), 1)
        assert.strictEqual(token(a), "token-1")
        assert.strictEqual(token(b), "token-1")
      }).pipe(Effect.provide(layerOf(http, { source: credentials, renew: false })))
    }),
  )
})

describe("AuthSession.logout while another session replaces the revoked one", () => {
  it.effect("only the session it revoked is forgotten: one installed meanwhile is kept and reused", () =>
    Effect.gen(function* () {
      const release = yield* Deferred.make<void>()
      const http = gatedServer(release, (path) => path === "/v1/auth/logout")
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        assert.strictEqual(token(yield* session.get), "token-1")
        const out = yield* Effect.forkChild(session.logout)
        yield* until(() => count(http, "/v1/auth/logout") === 1)
        // Meanwhile another caller drops the cache and signs in again.
        yield* session.invalidate
        assert.strictEqual(token(yield* session.get), "token-2")
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(out)
        // The logout revoked token-1's key; token-2 is still this session's.
        assert.strictEqual(
          http.requests.find((r) => r.path === "/v1/auth/logout")?.headers["x-soracom-token"],
          "token-1",
        )
        assert.strictEqual(token(yield* session.get), "token-2")
        assert.strictEqual(count(http, "/v1/auth"), 2)
      }).pipe(Effect.provide(layerOf(http, { source: credentials, renew: false })))
    }),
  )
})

describe("AuthSession with a fixed request and a stored session", () => {
  const storedExpiringIn = (millis: number) =>
    new AuthResponse.AuthResponse({
      apiKey: Redacted.make("stored-key"),
      token: Redacted.make("stored-token"),
      operatorId: "OP0012345678",
      expiresAt: DateTime.makeUnsafe(millis),
    })
  const storeOf = (session: AuthResponse.AuthResponse): AuthSession.Store => ({
    load: Effect.succeed(Option.some(session)),
    save: () => Effect.void,
  })
  const request = new AuthRequest.AuthRequest({ credentials, tokenTimeoutSeconds: 180 })

  it.effect(
    "the request's 180 s lifetime sets the margin (18 s): 100 s left is fresh, used without a request",
    () =>
      Effect.gen(function* () {
        const http = testHttp(() => okAuth())
        const stored = storedExpiringIn(100_000)
        yield* Effect.gen(function* () {
          const session = yield* AuthSession.AuthSession
          assert.strictEqual(yield* session.get, stored)
          assert.strictEqual(http.requests.length, 0)
        }).pipe(Effect.provide(layerOf(http, { source: request, store: storeOf(stored) })))
      }),
  )

  it.effect(
    "17 s left (inside the 18 s margin): renewed for the request's 180 s, not the service's day",
    () =>
      Effect.gen(function* () {
        const http = testHttp(() => json(200, { token: "renewed" }))
        yield* Effect.gen(function* () {
          const session = yield* AuthSession.AuthSession
          assert.strictEqual(token(yield* session.get), "renewed")
          assert.strictEqual(http.requests.length, 1)
          assert.deepStrictEqual(http.requests[0]?.body, { tokenTimeoutSeconds: 180 })
        }).pipe(Effect.provide(layerOf(http, { source: request, store: storeOf(storedExpiringIn(17_000)) })))
      }),
  )
})

describe("AuthSession spans", () => {
  const recordingTracer = () => {
    const spans: Array<{ readonly name: string; readonly parent: string | undefined }> = []
    const tracer = Tracer.make({
      span(options) {
        const parent = Option.getOrUndefined(options.parent)
        spans.push({ name: options.name, parent: parent?._tag === "Span" ? parent.name : undefined })
        return new Tracer.NativeSpan(options)
      },
    })
    return { spans, tracer }
  }

  it.effect("get and logout each run in a span named after them, around the service call they make", () =>
    Effect.gen(function* () {
      const http = testHttp((r) => (r.path === "/v1/auth/logout" ? text(204, "") : okAuth()))
      const { spans, tracer } = recordingTracer()
      yield* Effect.gen(function* () {
        const session = yield* AuthSession.AuthSession
        yield* session.get
        yield* session.logout
      }).pipe(Effect.provide(layerOf(http, { source: credentials })), Effect.withTracer(tracer))
      assert.deepStrictEqual(spans, [
        { name: "AuthSession.get", parent: undefined },
        { name: "SoracomAuth.auth", parent: "AuthSession.get" },
        { name: "AuthSession.logout", parent: undefined },
        { name: "SoracomAuth.logout", parent: "AuthSession.logout" },
      ])
    }),
  )
})
