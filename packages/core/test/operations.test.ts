import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Fiber, Layer, Redacted, Tracer } from "effect"
import { TestClock } from "effect/testing"
import {
  AuthRequest,
  AuthResponse,
  Credentials,
  Endpoint,
  PasswordReset,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Answer, fetchFailed, type Handler, json, nodeError, okAuth, testHttp, text } from "./support.ts"

const authRequest = new AuthRequest.AuthRequest({
  credentials: new Credentials.AuthKeyCredentials({
    authKeyId: "keyId-abc",
    authKey: Redacted.make("secret-xyz"),
  }),
})
const issueRequest = new PasswordReset.IssueRequest({ email: "ada@example.com" })
const verifyRequest = new PasswordReset.VerifyRequest({
  token: Redacted.make("reset-token"),
  password: Redacted.make("new password"),
})
const session = new AuthResponse.AuthResponse({
  apiKey: Redacted.make("api-key-1"),
  token: Redacted.make("token-1"),
  operatorId: "OP0012345678",
  expiresAt: DateTime.makeUnsafe(0),
})

/** Runs `f` against a SoracomAuth over a test client; returns the result (as an Exit-like Result) and the requests. */
const run = <A, E>(
  handler: Handler,
  f: (auth: SoracomAuth.Service) => Effect.Effect<A, E>,
  options: SoracomAuth.Options = { retryPolicy: RetryPolicy.none },
) => {
  const http = testHttp(handler)
  const layer = SoracomAuth.layer(options).pipe(Layer.provide(http.layer))
  return Effect.flatMap(SoracomAuth.SoracomAuth, f).pipe(
    Effect.result,
    Effect.provide(layer),
    Effect.map((result) => ({ result, requests: http.requests })),
  )
}

/** Lets every retry wait elapse under the TestClock. */
const elapsing = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(self)
    for (let i = 0; i < 40; i++) yield* TestClock.adjust("5 seconds")
    return yield* Fiber.join(fiber)
  })

type Op = "auth" | "issue" | "verify" | "logout"
const call: Record<Op, (a: SoracomAuth.Service) => Effect.Effect<unknown, unknown>> = {
  auth: (a) => a.auth(authRequest),
  issue: (a) => a.issuePasswordResetToken(issueRequest),
  verify: (a) => a.verifyPasswordResetToken(verifyRequest),
  logout: (a) => a.logout(session),
}
const paths: Record<Op, string> = {
  auth: "/v1/auth",
  issue: "/v1/auth/password_reset_token/issue",
  verify: "/v1/auth/password_reset_token/verify",
  logout: "/v1/auth/logout",
}

const soracomError = (status: number, code: string, message: string) => json(status, { code, message })

// [operation, answer, expected tag ("ok" for success), expected code]
const table: ReadonlyArray<readonly [Op, string, () => Answer, string, string | undefined]> = [
  ["auth", "200", () => okAuth(), "ok", undefined],
  ["auth", "200 + unknown fields", () => okAuth({ extra: true, nested: { a: 1 } }), "ok", undefined],
  [
    "auth",
    "200 without apiKey",
    () => json(200, { token: "t", operatorId: "OP0012345678" }),
    "UnexpectedResponse",
    undefined,
  ],
  [
    "auth",
    "200 without token",
    () => json(200, { apiKey: "k", operatorId: "OP0012345678" }),
    "UnexpectedResponse",
    undefined,
  ],
  [
    "auth",
    "200 without operatorId",
    () => json(200, { apiKey: "k", token: "t" }),
    "UnexpectedResponse",
    undefined,
  ],
  ["auth", "200 garbage", () => text(200, "<html>oops"), "UnexpectedResponse", undefined],
  ["auth", "200 empty", () => text(200, ""), "UnexpectedResponse", undefined],
  ["auth", "200 array", () => json(200, [1, 2]), "UnexpectedResponse", undefined],
  [
    "auth",
    "401",
    () => soracomError(401, "AUM0002", "Invalid username/password supplied."),
    "AuthFailed",
    "AUM0002",
  ],
  ["auth", "401 garbage", () => text(401, "{not json"), "AuthFailed", undefined],
  [
    "auth",
    "400",
    () => soracomError(400, "COM0008", "Constraint violation"),
    "UnexpectedResponse",
    "COM0008",
  ],
  ["auth", "404", () => text(404, "Not Found"), "UnexpectedResponse", undefined],
  ["auth", "204", () => text(204, ""), "UnexpectedResponse", undefined],
  ["auth", "429", () => soracomError(429, "COM0010", "Too many requests"), "RateLimited", "COM0010"],
  ["auth", "500 text", () => text(500, "AGW0005 Internal error"), "ServerError", undefined],
  ["auth", "503 json", () => soracomError(503, "AGW0001", "Unavailable"), "ServerError", "AGW0001"],
  ["auth", "refused", () => ({ fail: fetchFailed("ECONNREFUSED") }), "TransportError", undefined],
  ["issue", "200", () => text(200, ""), "ok", undefined],
  ["issue", "204", () => text(204, ""), "ok", undefined],
  ["issue", "200 garbage body", () => text(200, "<html>"), "ok", undefined],
  ["issue", "400", () => soracomError(400, "AUM0015", "Invalid email address."), "InvalidEmail", "AUM0015"],
  ["issue", "400 garbage", () => text(400, "nope"), "InvalidEmail", undefined],
  ["issue", "401", () => text(401, ""), "UnexpectedResponse", undefined],
  ["issue", "404", () => text(404, ""), "UnexpectedResponse", undefined],
  ["issue", "429", () => text(429, ""), "RateLimited", undefined],
  ["issue", "500", () => text(500, "x"), "ServerError", undefined],
  ["issue", "502", () => soracomError(502, "AGW0002", "Bad gateway"), "ServerError", "AGW0002"],
  ["verify", "200", () => text(200, ""), "ok", undefined],
  ["verify", "400", () => soracomError(400, "AUM0006", "Invalid token."), "InvalidToken", "AUM0006"],
  ["verify", "404", () => soracomError(404, "AUM0007", "Token expired."), "TokenExpired", "AUM0007"],
  ["verify", "404 garbage", () => text(404, "]]"), "TokenExpired", undefined],
  ["verify", "401", () => text(401, ""), "UnexpectedResponse", undefined],
  ["verify", "429", () => text(429, ""), "RateLimited", undefined],
  ["verify", "504", () => text(504, ""), "ServerError", undefined],
  ["logout", "204", () => text(204, ""), "ok", undefined],
  ["logout", "200", () => text(200, ""), "ok", undefined],
  ["logout", "401", () => soracomError(401, "AUM0001", "Token is required"), "AuthFailed", "AUM0001"],
  ["logout", "400", () => text(400, ""), "UnexpectedResponse", undefined],
  ["logout", "429", () => text(429, ""), "RateLimited", undefined],
  ["logout", "500", () => text(500, ""), "ServerError", undefined],
  ["logout", "418", () => json(418, { code: "X", message: "teapot" }), "UnexpectedResponse", "X"],
]

describe("every operation × every status (no retries)", () => {
  for (const [op, label, answer, tag, code] of table) {
    it.effect(`${op} ${label} → ${tag}`, () =>
      Effect.gen(function* () {
        const { result, requests } = yield* run(() => answer(), call[op])
        assert.strictEqual(requests.length, 1)
        assert.strictEqual(requests[0]?.method, "POST")
        assert.strictEqual(requests[0]?.path, paths[op])
        if (tag === "ok") {
          assert.strictEqual(result._tag, "Success")
        } else {
          assert.strictEqual(result._tag, "Failure")
          if (result._tag !== "Failure") return
          const error = result.failure as { _tag: string; code?: string; message: string }
          assert.strictEqual(error._tag, tag)
          assert.strictEqual(error.code, code)
          assert.isTrue(error.message.length > 0 && error.message.endsWith("."))
        }
      }),
    )
  }
})

describe("wire format", () => {
  it.effect("auth: spec keys, default lifetime, headers; expiresAt from the Clock", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(1_000_000)
      const sam = new AuthRequest.AuthRequest({
        credentials: new Credentials.SamUserCredentials({
          operatorId: "OP0012345678",
          userName: "ada",
          password: Redacted.make("pw"),
        }),
        mfaOtpCode: "123456",
        tokenTimeoutSeconds: 600,
      })
      const { result, requests } = yield* run(
        () => okAuth({ userName: "ada" }),
        (a) => a.auth(sam),
        {
          retryPolicy: RetryPolicy.none,
          language: "ja",
          endpoint: Endpoint.coverage("g"),
        },
      )
      assert.strictEqual(requests[0]?.url, "https://g.api.soracom.io/v1/auth")
      assert.deepStrictEqual(requests[0]?.body, {
        operatorId: "OP0012345678",
        userName: "ada",
        password: "pw",
        mfaOTPCode: "123456",
        tokenTimeoutSeconds: 600,
      })
      assert.strictEqual(requests[0]?.headers["x-soracom-lang"], "ja")
      assert.strictEqual(requests[0]?.headers["content-type"], "application/json")
      assert.strictEqual(requests[0]?.headers["x-soracom-api-key"], undefined)
      assert.strictEqual(result._tag, "Success")
      if (result._tag !== "Success") return
      assert.strictEqual(result.success.userName, "ada")
      assert.strictEqual(result.success.operatorId, "OP0012345678")
      assert.strictEqual(Redacted.value(result.success.token), "token-1")
      assert.strictEqual(DateTime.toEpochMillis(result.success.expiresAt), 1_000_000 + 600_000)
      assert.strictEqual(DateTime.toEpochMillis(result.success.issuedAt!), 1_000_000)
      // renewal is due 10 % of the 600 s lifetime (60 s) before expiry; then stale, then expired
      assert.strictEqual(AuthResponse.refreshAt(result.success), 1_000_000 + 540_000)
      assert.deepStrictEqual(
        [1_000_000, 1_540_000, 1_600_000].map((now) => AuthResponse.freshness(result.success, now)),
        ["Fresh", "Stale", "Expired"],
      )
    }),
  )

  it.effect("issue / verify / logout bodies and headers", () =>
    Effect.gen(function* () {
      const { requests } = yield* run(
        () => text(200, ""),
        (a) =>
          Effect.all([
            a.issuePasswordResetToken(issueRequest),
            a.verifyPasswordResetToken(verifyRequest),
            a.logout(session),
          ]),
        { retryPolicy: RetryPolicy.none, endpoint: Endpoint.url("http://127.0.0.1:8080/") },
      )
      assert.deepStrictEqual(
        requests.map((r) => r.url),
        [
          "http://127.0.0.1:8080/v1/auth/password_reset_token/issue",
          "http://127.0.0.1:8080/v1/auth/password_reset_token/verify",
          "http://127.0.0.1:8080/v1/auth/logout",
        ],
      )
      assert.deepStrictEqual(requests[0]?.body, { email: "ada@example.com" })
      assert.deepStrictEqual(requests[1]?.body, { password: "new password", token: "reset-token" })
      assert.strictEqual(requests[2]?.headers["x-soracom-api-key"], "api-key-1")
      assert.strictEqual(requests[2]?.headers["x-soracom-token"], "token-1")
    }),
  )

  it.effect("an invalid endpoint fails the layer with InvalidRequest, sending nothing", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const layer = SoracomAuth.layer({ endpoint: Endpoint.url("not a url") }).pipe(Layer.provide(http.layer))
      const error = yield* SoracomAuth.SoracomAuth.use((a) => a.auth(authRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
      )
      assert.strictEqual(error._tag, "InvalidRequest")
      assert.strictEqual(error._tag === "InvalidRequest" && error.field, "endpoint")
      assert.strictEqual(http.requests.length, 0)
    }),
  )
})

describe("options", () => {
  // Records the name of every span started, to count them per operation.
  const recordingTracer = () => {
    const names: Array<string> = []
    const tracer = Tracer.make({
      span(options) {
        names.push(options.name)
        return new Tracer.NativeSpan(options)
      },
    })
    return { names, tracer }
  }

  it.live(
    "no trace context to SORACOM by default: no traceparent/b3, one span per operation, none per attempt",
    () =>
      Effect.gen(function* () {
        const http = testHttp((_, i) => (i === 0 ? text(503, "") : okAuth()))
        const { names, tracer } = recordingTracer()
        const layer = SoracomAuth.layer({
          retryPolicy: RetryPolicy.make({ maxAttempts: 2, baseDelay: "1 millis", jitter: 0 }),
        }).pipe(Layer.provide(http.layer))
        yield* SoracomAuth.SoracomAuth.use((a) => a.auth(authRequest)).pipe(
          Effect.provide(layer),
          Effect.withTracer(tracer),
        )
        assert.strictEqual(http.requests.length, 2)
        for (const request of http.requests) {
          assert.notProperty(request.headers, "traceparent")
          assert.notProperty(request.headers, "b3")
        }
        assert.deepStrictEqual(names, ["SoracomAuth.auth"])
      }),
  )

  it.effect("traceContext: true propagates the trace (traceparent and b3), a client span per attempt", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const { names, tracer } = recordingTracer()
      const layer = SoracomAuth.layer({ traceContext: true }).pipe(Layer.provide(http.layer))
      yield* SoracomAuth.SoracomAuth.use((a) => a.auth(authRequest)).pipe(
        Effect.provide(layer),
        Effect.withTracer(tracer),
      )
      assert.property(http.requests[0]?.headers, "traceparent")
      assert.property(http.requests[0]?.headers, "b3")
      assert.deepStrictEqual(names, ["SoracomAuth.auth", "POST"])
    }),
  )

  it.effect("an out-of-range default token lifetime fails the layer with InvalidRequest", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const layer = SoracomAuth.layer({ tokenTimeoutSeconds: 60 }).pipe(Layer.provide(http.layer))
      const error = yield* SoracomAuth.SoracomAuth.use((a) => a.auth(authRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
      )
      assert.strictEqual(error._tag === "InvalidRequest" && error.field, "tokenTimeoutSeconds")
      assert.strictEqual(http.requests.length, 0)
    }),
  )

  it.effect("the default lifetime option is sent and used for expiresAt", () =>
    Effect.gen(function* () {
      const { result, requests } = yield* run(() => okAuth(), call.auth, {
        retryPolicy: RetryPolicy.none,
        tokenTimeoutSeconds: 3600,
      })
      assert.strictEqual(
        (requests[0]?.body as { tokenTimeoutSeconds?: number } | undefined)?.tokenTimeoutSeconds,
        3600,
      )
      assert.strictEqual(
        result._tag === "Success" &&
          DateTime.toEpochMillis((result.success as AuthResponse.AuthResponse).expiresAt),
        3_600_000,
      )
    }),
  )
})

describe("retries (TestClock)", () => {
  const attempts = (op: Op, answer: () => Answer, policy = RetryPolicy.defaults) =>
    elapsing(run(() => answer(), call[op], { retryPolicy: policy })).pipe(
      Effect.map(({ requests }) => requests.length),
    )

  const cases: ReadonlyArray<readonly [Op, string, () => Answer, number]> = [
    ["auth", "503", () => text(503, ""), 4],
    ["auth", "502", () => text(502, ""), 4],
    ["auth", "504", () => text(504, ""), 4],
    ["auth", "500", () => text(500, ""), 1],
    ["auth", "400", () => text(400, ""), 1],
    ["auth", "401", () => text(401, ""), 1],
    ["auth", "404", () => text(404, ""), 1],
    ["auth", "200 garbage", () => text(200, "x"), 1],
    ["auth", "429", () => text(429, ""), 4],
    ["auth", "429 retry-after 2", () => text(429, "", { "retry-after": "2" }), 4],
    ["auth", "429 retry-after 3600 (over the cap)", () => text(429, "", { "retry-after": "3600" }), 1],
    ["auth", "connection refused", () => ({ fail: fetchFailed("ECONNREFUSED") }), 4],
    ["auth", "reset", () => ({ fail: nodeError("ECONNRESET") }), 4],
    ["auth", "timeout", () => ({ fail: Object.assign(new Error("t"), { name: "TimeoutError" }) }), 4],
    ["issue", "503", () => text(503, ""), 1],
    ["issue", "429", () => text(429, ""), 1],
    ["issue", "timeout", () => ({ fail: Object.assign(new Error("t"), { name: "TimeoutError" }) }), 1],
    ["issue", "reset", () => ({ fail: nodeError("ECONNRESET") }), 1],
    ["issue", "connection refused", () => ({ fail: fetchFailed("ECONNREFUSED") }), 4],
    ["issue", "DNS not found", () => ({ fail: fetchFailed("ENOTFOUND") }), 1],
    ["issue", "DNS temporary", () => ({ fail: fetchFailed("EAI_AGAIN") }), 4],
    ["auth", "DNS not found", () => ({ fail: fetchFailed("ENOTFOUND") }), 1],
    ["issue", "400", () => text(400, ""), 1],
    ["verify", "503", () => text(503, ""), 1],
    ["verify", "404", () => text(404, ""), 1],
    ["verify", "connection refused", () => ({ fail: fetchFailed("ECONNREFUSED") }), 4],
    ["logout", "503", () => text(503, ""), 1],
    ["logout", "DNS", () => ({ fail: fetchFailed("EAI_AGAIN") }), 4],
  ]
  for (const [op, label, answer, expected] of cases) {
    it.effect(`${op} ${label} → ${expected} attempt(s)`, () =>
      Effect.gen(function* () {
        assert.strictEqual(yield* attempts(op, answer), expected)
      }),
    )
  }

  it.effect("maxAttempts is configurable", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* attempts("auth", () => text(503, ""), RetryPolicy.make({ maxAttempts: 7 })),
        7,
      )
      assert.strictEqual(
        yield* attempts("auth", () => text(503, ""), RetryPolicy.make({ maxAttempts: 1 })),
        1,
      )
    }),
  )

  it.effect("the total time bound stops retrying", () =>
    Effect.gen(function* () {
      const policy = RetryPolicy.make({
        maxAttempts: 100,
        baseDelay: "1 second",
        maxDelay: "1 second",
        jitter: 0,
        maxElapsed: "3500 millis",
      })
      // waits of 1 s at 0, 1, 2, 3 s elapsed: the 4th would end past 3.5 s
      assert.strictEqual(yield* attempts("auth", () => text(503, ""), policy), 4)
    }),
  )

  it.effect("a success after failures returns the session", () =>
    Effect.gen(function* () {
      const { result, requests } = yield* elapsing(
        run((_, i) => (i < 2 ? text(503, "") : okAuth()), call.auth, { retryPolicy: RetryPolicy.defaults }),
      )
      assert.strictEqual(result._tag, "Success")
      assert.strictEqual(requests.length, 3)
    }),
  )

  it.effect("honours retryAfter: no second attempt before it elapses", () =>
    Effect.gen(function* () {
      const http = testHttp((_, i) => (i === 0 ? text(429, "", { "retry-after": "20" }) : okAuth()))
      const layer = SoracomAuth.layer({ retryPolicy: RetryPolicy.make({ jitter: 0 }) }).pipe(
        Layer.provide(http.layer),
      )
      const fiber = yield* Effect.forkChild(
        SoracomAuth.SoracomAuth.use((a) => a.auth(authRequest)).pipe(Effect.provide(layer)),
      )
      yield* TestClock.adjust("19 seconds")
      assert.strictEqual(http.requests.length, 1)
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      assert.strictEqual(http.requests.length, 2)
    }),
  )
})

describe("RateLimited.retryAfter", () => {
  const retryAfterOf = (headers: Record<string, string>) =>
    run(() => text(429, "", headers), call.auth).pipe(
      Effect.map(({ result }) =>
        result._tag === "Failure"
          ? (result.failure as { retryAfter?: Duration.Duration }).retryAfter
          : undefined,
      ),
    )
  it.effect("from Retry-After seconds, HTTP date, or X-Soracom-Ratelimit-Seconds-Before-Refresh", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-01-01T00:00:00Z"))
      const a = yield* retryAfterOf({ "retry-after": "7" })
      assert.strictEqual(a && Duration.toSeconds(a), 7)
      const b = yield* retryAfterOf({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" })
      assert.strictEqual(b && Duration.toSeconds(b), 30)
      const c = yield* retryAfterOf({ "x-soracom-ratelimit-seconds-before-refresh": "42" })
      assert.strictEqual(c && Duration.toSeconds(c), 42)
      const d = yield* retryAfterOf({})
      assert.strictEqual(d, undefined)
    }),
  )
})
