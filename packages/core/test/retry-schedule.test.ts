/**
 * The exact waits of `RetryPolicy`, from its documented rules: "each wait is multiplied by a random factor in
 * [1 − jitter, 1 + jitter]" (Effect's `Random`, here a fixed draw), and "no retry starts if it would begin later
 * than `maxElapsed` after the first attempt" (so one that begins exactly at `maxElapsed` does start). The waits are
 * read from the warning each retry logs (`delayMillis`), all under the TestClock.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Logger, Random, Redacted, References } from "effect"
import { TestClock } from "effect/testing"
import { AuthRequest, Credentials, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { json, okAuth, testHttp, text } from "./support.ts"

const request = new AuthRequest.AuthRequest({
  credentials: new Credentials.AuthKeyCredentials({
    authKeyId: "keyId-abc",
    authKey: Redacted.make("secret-xyz"),
  }),
})

/** A `Random` whose every draw is `r`. */
const fixedRandom = (r: number): Random.Random => ({ nextDoubleUnsafe: () => r, nextIntUnsafe: () => 0 })

/** Signs in against a server failing `failures` times with 503; answers the waits logged and the attempts made. */
const run = (policy: RetryPolicy.RetryPolicy, options: { readonly failures: number; readonly r?: number }) =>
  Effect.gen(function* () {
    const waits: Array<unknown> = []
    const logger = Logger.make((o) => {
      waits.push(o.fiber.getRef(References.CurrentLogAnnotations).delayMillis)
    })
    const http = testHttp((_, i) => (i < options.failures ? text(503, "") : okAuth()))
    const layer = SoracomAuth.layer({ retryPolicy: policy }).pipe(Layer.provide(http.layer))
    const fiber = yield* Effect.forkChild(
      SoracomAuth.SoracomAuth.use((a) => Effect.result(a.auth(request))).pipe(
        Effect.provide(Layer.merge(layer, Logger.layer([logger]))),
        Effect.provideService(Random.Random, fixedRandom(options.r ?? 0.5)),
      ),
    )
    for (let i = 0; i < 200 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("100 millis")
    const result = yield* Fiber.join(fiber)
    return { waits, attempts: http.requests.length, ok: result._tag === "Success" }
  })

describe("RetryPolicy jitter: a factor in [1 − jitter, 1 + jitter]", () => {
  const policy = RetryPolicy.make({ maxAttempts: 2, baseDelay: "1 second", jitter: 0.5 })

  it.effect("the lowest draw waits (1 − jitter) × the backoff", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* run(policy, { failures: 1, r: 0 })).waits, [500])
    }),
  )
  it.effect("a middle draw waits the backoff itself", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual((yield* run(policy, { failures: 1, r: 0.5 })).waits, [1000])
    }),
  )
  it.effect("the highest draw waits (1 + jitter) × the backoff, within a millisecond", () =>
    Effect.gen(function* () {
      const { waits } = yield* run(policy, { failures: 1, r: 0.999_999 })
      assert.strictEqual(waits.length, 1)
      assert.closeTo(waits[0] as number, 1500, 1)
    }),
  )
  it.effect("jitter 0: every draw waits exactly the backoff, doubling", () =>
    Effect.gen(function* () {
      for (const r of [0, 0.3, 0.999]) {
        const { waits } = yield* run(RetryPolicy.make({ maxAttempts: 3, baseDelay: "1 second", jitter: 0 }), {
          failures: 2,
          r,
        })
        assert.deepStrictEqual(waits, [1000, 2000])
      }
    }),
  )
})

describe("RetryPolicy maxElapsed: a retry may begin at the budget, not after it", () => {
  const policy = (maxElapsedMillis: number) =>
    RetryPolicy.make({ maxAttempts: 2, baseDelay: "500 millis", jitter: 0, maxElapsed: maxElapsedMillis })

  it.effect("the retry would begin exactly at maxElapsed (500 ms): it is made", () =>
    Effect.gen(function* () {
      const { attempts, ok } = yield* run(policy(500), { failures: 1 })
      assert.strictEqual(attempts, 2)
      assert.isTrue(ok)
    }),
  )
  it.effect("one millisecond later than the budget (499 ms): no retry", () =>
    Effect.gen(function* () {
      const { attempts, ok, waits } = yield* run(policy(499), { failures: 1 })
      assert.strictEqual(attempts, 1)
      assert.isFalse(ok)
      assert.deepStrictEqual(waits, [])
    }),
  )
})

describe("RetryPolicy maxRetryAfter: a requested wait up to the cap is waited", () => {
  it.effect("Retry-After equal to the cap: waited in full (longer than the backoff)", () =>
    Effect.gen(function* () {
      const policy = RetryPolicy.make({
        maxAttempts: 2,
        baseDelay: "100 millis",
        jitter: 0,
        maxRetryAfter: "3 seconds",
      })
      const waits: Array<unknown> = []
      const logger = Logger.make((o) => {
        waits.push(o.fiber.getRef(References.CurrentLogAnnotations).delayMillis)
      })
      const http = testHttp((_, i) => (i === 0 ? json(429, {}, { "Retry-After": "3" }) : okAuth()))
      const layer = SoracomAuth.layer({ retryPolicy: policy }).pipe(Layer.provide(http.layer))
      const fiber = yield* Effect.forkChild(
        SoracomAuth.SoracomAuth.use((a) => a.auth(request)).pipe(
          Effect.provide(Layer.merge(layer, Logger.layer([logger]))),
        ),
      )
      yield* TestClock.adjust("2999 millis")
      assert.strictEqual(http.requests.length, 1)
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 2)
      assert.deepStrictEqual(waits, [3000])
    }),
  )
})
