import { assert, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Redacted } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import {
  AuthKeyCredentials,
  AuthRequest,
  RateLimited,
  RetryPolicy,
  ServerError,
  SoracomAuth,
  TransportError,
} from "../src/index.ts"
import { testHttp, text } from "./support.ts"

const request = new AuthRequest({
  credentials: new AuthKeyCredentials({ authKeyId: "keyId-abc", authKey: Redacted.make("s") }),
})

describe("RetryPolicy", () => {
  it("make fills defaults and clamps", () => {
    const p = RetryPolicy.make({ maxAttempts: 0, jitter: 5 })
    assert.strictEqual(p.maxAttempts, 1)
    assert.strictEqual(p.jitter, 1)
    assert.isTrue(Duration.equals(p.baseDelay, RetryPolicy.defaults.baseDelay))
  })

  it("isRetryable: auth vs the operations that must not repeat", () => {
    const refused = new TransportError({ operation: "auth", endpoint: "e", reason: "ConnectionRefused" })
    const timeout = new TransportError({ operation: "auth", endpoint: "e", reason: "Timeout" })
    const s503 = new ServerError({ operation: "auth", status: 503 })
    const s500 = new ServerError({ operation: "auth", status: 500 })
    const limited = new RateLimited({ operation: "auth" })
    assert.deepStrictEqual(
      [refused, timeout, s503, s500, limited].map((e) => RetryPolicy.isRetryable("auth", e)),
      [true, true, true, false, true],
    )
    for (const op of ["issuePasswordResetToken", "verifyPasswordResetToken", "logout"] as const) {
      assert.deepStrictEqual(
        [refused, timeout, s503, s500, limited].map((e) => RetryPolicy.isRetryable(op, e)),
        [true, false, false, false, false],
      )
    }
  })

  // Property (sampled policies, each run under the TestClock): attempts never exceed maxAttempts, and the
  // virtual time spent never exceeds maxElapsed + one maximal wait.
  const policies = fc.sample(
    fc.record({
      maxAttempts: fc.integer({ min: 1, max: 8 }),
      baseDelay: fc.integer({ min: 1, max: 2_000 }),
      maxDelay: fc.integer({ min: 1, max: 10_000 }),
      jitter: fc.double({ min: 0, max: 1, noNaN: true }),
      maxElapsed: fc.integer({ min: 0, max: 60_000 }),
    }),
    { numRuns: 40, seed: 42 },
  )
  it.effect("bounded attempts and time for any policy", () =>
    Effect.gen(function* () {
      for (const p of policies) {
        const policy = RetryPolicy.make({
          maxAttempts: p.maxAttempts,
          baseDelay: Duration.millis(p.baseDelay),
          maxDelay: Duration.millis(p.maxDelay),
          jitter: p.jitter,
          maxElapsed: Duration.millis(p.maxElapsed),
        })
        const http = testHttp(() => text(503, ""))
        const layer = SoracomAuth.layer({ retryPolicy: policy }).pipe(Layer.provide(http.layer))
        const started = yield* Clock.currentTimeMillis
        const fiber = yield* Effect.forkChild(
          SoracomAuth.use((a) => Effect.flip(a.auth(request))).pipe(Effect.provide(layer)),
        )
        for (let i = 0; i < 100 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("1 second")
        const error = yield* Fiber.join(fiber)
        const spent = (yield* Clock.currentTimeMillis) - started
        assert.strictEqual(error._tag, "ServerError")
        assert.isAtMost(http.requests.length, p.maxAttempts)
        assert.isAtLeast(http.requests.length, 1)
        assert.isAtMost(spent, p.maxElapsed + 2 * p.maxDelay + 1_000)
      }
    }),
  )
})
