import { assert, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Logger, Redacted, References } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { AuthRequest, Credentials, Errors, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { type Handler, json, okAuth, testHttp, text } from "./support.ts"

const request = new AuthRequest.AuthRequest({
  credentials: new Credentials.AuthKeyCredentials({ authKeyId: "keyId-abc", authKey: Redacted.make("s") }),
})

describe("RetryPolicy", () => {
  it("make fills defaults and clamps", () => {
    const p = RetryPolicy.make({ maxAttempts: 0, jitter: 5 })
    assert.strictEqual(p.maxAttempts, 1)
    assert.strictEqual(p.jitter, 1)
    assert.isTrue(Duration.equals(p.baseDelay, RetryPolicy.defaults.baseDelay))
  })

  it("retryMessage: operation, wait, attempt and a short reason — no server message", () => {
    const error = new Errors.ServerError({
      operation: "auth",
      status: 503,
      code: "X1",
      serverMessage: "busy",
    })
    assert.strictEqual(
      RetryPolicy.retryMessage({
        operation: "auth",
        error,
        attempt: 1,
        maxAttempts: 4,
        delay: Duration.millis(1234),
      }),
      "Retrying the sign-in in 1.2 s (attempt 1 of 4 failed): SORACOM answered HTTP 503 (X1).",
    )
    const refused = new Errors.TransportError({
      operation: "logout",
      endpoint: "https://e",
      reason: "ConnectionRefused",
    })
    assert.strictEqual(
      RetryPolicy.retryMessage({
        operation: "logout",
        error: refused,
        attempt: 2,
        maxAttempts: 3,
        delay: Duration.millis(500),
      }),
      "Retrying the sign-out in 0.5 s (attempt 2 of 3 failed): Could not reach SORACOM at https://e: the connection was refused.",
    )
  })

  it("isRetryable: auth vs the operations that must not repeat", () => {
    const refused = new Errors.TransportError({
      operation: "auth",
      endpoint: "e",
      reason: "ConnectionRefused",
    })
    const timeout = new Errors.TransportError({ operation: "auth", endpoint: "e", reason: "Timeout" })
    const s503 = new Errors.ServerError({ operation: "auth", status: 503 })
    const s500 = new Errors.ServerError({ operation: "auth", status: 500 })
    const limited = new Errors.RateLimited({ operation: "auth" })
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

  it("isRetryable: a DNS 'not found' is never retried, a temporary DNS failure (EAI_AGAIN) is", () => {
    const dns = (detail: string) =>
      new Errors.TransportError({ operation: "auth", endpoint: "e", reason: "DnsFailure", detail })
    assert.deepStrictEqual(
      ["ENOTFOUND", "EAI_NONAME", "EAI_FAIL", "EAI_AGAIN"].map((d) =>
        RetryPolicy.isRetryable("auth", dns(d)),
      ),
      [false, false, false, true],
    )
    assert.strictEqual(RetryPolicy.isRetryable("logout", dns("ENOTFOUND")), false)
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
          SoracomAuth.SoracomAuth.use((a) => Effect.flip(a.auth(request))).pipe(Effect.provide(layer)),
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

interface Logged {
  readonly level: string
  readonly message: unknown
  readonly annotations: Readonly<Record<string, unknown>>
}

/** Runs `auth` against `handler` under the TestClock with a capturing logger; returns the logs and requests. */
const authWithLogs = (policy: RetryPolicy.RetryPolicy, handler: Handler) =>
  Effect.gen(function* () {
    const logs: Array<Logged> = []
    const logger = Logger.make((o) => {
      logs.push({
        level: o.logLevel,
        message: o.message,
        annotations: o.fiber.getRef(References.CurrentLogAnnotations),
      })
    })
    const http = testHttp(handler)
    const layer = SoracomAuth.layer({ retryPolicy: policy }).pipe(Layer.provide(http.layer))
    const fiber = yield* Effect.forkChild(
      SoracomAuth.SoracomAuth.use((a) => Effect.result(a.auth(request))).pipe(
        Effect.provide(Layer.merge(layer, Logger.layer([logger]))),
      ),
    )
    for (let i = 0; i < 100 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("1 second")
    const result = yield* Fiber.join(fiber)
    return { logs, requests: http.requests.length, result }
  })

const noJitter = RetryPolicy.make({ maxAttempts: 4, baseDelay: "500 millis", jitter: 0 })

describe("RetryPolicy: a warning per retry", () => {
  it.effect("two 503s then success: two warnings, annotated, in order", () =>
    Effect.gen(function* () {
      const { logs, requests, result } = yield* authWithLogs(noJitter, (_, i) =>
        i < 2 ? json(503, { code: "SBX0099", message: "Fault injected by the sandbox." }) : okAuth(),
      )
      assert.strictEqual(result._tag, "Success")
      assert.strictEqual(requests, 3)
      assert.deepStrictEqual(logs, [
        {
          level: "Warn",
          message: [
            "Retrying the sign-in in 0.5 s (attempt 1 of 4 failed): SORACOM answered HTTP 503 (SBX0099).",
          ],
          annotations: {
            operation: "auth",
            attempt: 1,
            maxAttempts: 4,
            delayMillis: 500,
            errorTag: "ServerError",
            status: 503,
            code: "SBX0099",
          },
        },
        {
          level: "Warn",
          message: [
            "Retrying the sign-in in 1.0 s (attempt 2 of 4 failed): SORACOM answered HTTP 503 (SBX0099).",
          ],
          annotations: {
            operation: "auth",
            attempt: 2,
            maxAttempts: 4,
            delayMillis: 1000,
            errorTag: "ServerError",
            status: 503,
            code: "SBX0099",
          },
        },
      ])
    }),
  )

  it.effect("a transport error is announced with its tag and no status", () =>
    Effect.gen(function* () {
      const { logs } = yield* authWithLogs(noJitter, (_, i) =>
        i === 0
          ? { fail: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }
          : okAuth(),
      )
      assert.strictEqual(logs.length, 1)
      assert.strictEqual(logs[0]?.annotations.errorTag, "TransportError")
      assert.notProperty(logs[0]?.annotations ?? {}, "status")
      // the reason, for an app that words the warning itself
      assert.strictEqual(logs[0]?.annotations.transportReason, "ConnectionRefused")
    }),
  )

  it.effect("the final failure (attempts exhausted) logs nothing more: maxAttempts − 1 warnings", () =>
    Effect.gen(function* () {
      const { logs, requests, result } = yield* authWithLogs(
        RetryPolicy.make({ maxAttempts: 3, baseDelay: "100 millis", jitter: 0 }),
        () => text(503, ""),
      )
      assert.strictEqual(result._tag, "Failure")
      assert.strictEqual(requests, 3)
      assert.deepStrictEqual(
        logs.map((l) => l.annotations.attempt),
        [1, 2],
      )
    }),
  )

  it.effect(
    "no warning when not retrying: success, 401, 500, RetryPolicy.none, Retry-After over the cap",
    () =>
      Effect.gen(function* () {
        const cases: ReadonlyArray<readonly [RetryPolicy.RetryPolicy, Handler]> = [
          [noJitter, () => okAuth()],
          [noJitter, () => json(401, { code: "AUM0002", message: "Invalid" })],
          [noJitter, () => text(500, "")],
          [RetryPolicy.none, () => text(503, "")],
          [noJitter, () => json(429, {}, { "Retry-After": "3600" })],
        ]
        for (const [policy, handler] of cases) {
          const { logs, requests } = yield* authWithLogs(policy, handler)
          assert.strictEqual(requests, 1)
          assert.deepStrictEqual(logs, [])
        }
      }),
  )
})
