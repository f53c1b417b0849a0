/**
 * `maxRetryAfter`: the longest server-requested wait that is honoured; a longer one is reported, not waited. The
 * total-time bound (`maxElapsed`) is opened wide here so that it cannot be what stops the retry.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Effect, Fiber, Layer, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { AuthRequest, Credentials, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { json, okAuth, testHttp } from "./support.ts"

const request = new AuthRequest.AuthRequest({
  credentials: new Credentials.AuthKeyCredentials({ authKeyId: "keyId-abc", authKey: Redacted.make("s") }),
})

const policy = RetryPolicy.make({
  maxAttempts: 3,
  baseDelay: "100 millis",
  jitter: 0,
  maxElapsed: "1 day",
  maxRetryAfter: "10 seconds",
})

/** One 429 asking for `retryAfterSeconds`, then success; returns the attempts made and the virtual time spent. */
const signInAfter429 = (retryAfterSeconds: number) =>
  Effect.gen(function* () {
    const http = testHttp((_, i) =>
      i === 0
        ? json(429, { code: "LIM", message: "slow down" }, { "Retry-After": String(retryAfterSeconds) })
        : okAuth(),
    )
    const layer = SoracomAuth.layer({ retryPolicy: policy }).pipe(Layer.provide(http.layer))
    const started = yield* Clock.currentTimeMillis
    const fiber = yield* Effect.forkChild(
      SoracomAuth.SoracomAuth.use((a) => Effect.result(a.auth(request))).pipe(Effect.provide(layer)),
    )
    for (let i = 0; i < 120 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("1 second")
    const result = yield* Fiber.join(fiber)
    return { attempts: http.requests.length, spent: (yield* Clock.currentTimeMillis) - started, result }
  })

describe("RetryPolicy.maxRetryAfter", () => {
  it.effect("a wait within the cap is honoured: the retry starts after the server's 10 s, and succeeds", () =>
    Effect.gen(function* () {
      const r = yield* signInAfter429(10)
      assert.strictEqual(r.attempts, 2)
      assert.strictEqual(r.result._tag, "Success")
      assert.isAtLeast(r.spent, 10_000)
    }),
  )

  it.effect("a wait over the cap is not waited: RateLimited at once, with the server's retryAfter", () =>
    Effect.gen(function* () {
      const r = yield* signInAfter429(11)
      assert.strictEqual(r.attempts, 1)
      assert.isBelow(r.spent, 11_000) // not waited (the loop's first clock step is 1 s)
      assert.strictEqual(r.result._tag, "Failure")
      if (r.result._tag === "Failure") {
        assert.strictEqual(r.result.failure._tag, "RateLimited")
        assert.include(r.result.failure.message, "11 s")
      }
    }),
  )

  it.effect("the cap is the policy's: the default (60 s) honours the same 11 s", () =>
    Effect.gen(function* () {
      const http = testHttp((_, i) => (i === 0 ? json(429, {}, { "Retry-After": "11" }) : okAuth()))
      const layer = SoracomAuth.layer({
        retryPolicy: RetryPolicy.make({ maxAttempts: 2, jitter: 0, maxElapsed: "1 day" }),
      }).pipe(Layer.provide(http.layer))
      const fiber = yield* Effect.forkChild(
        SoracomAuth.SoracomAuth.use((a) => a.auth(request)).pipe(Effect.provide(layer)),
      )
      for (let i = 0; i < 120 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 2)
    }),
  )
})
