/**
 * The fault matrix, end to end: `SoracomAuth` (core: status mapping and the one retry policy) over this layer,
 * against a real fault server on 127.0.0.1. For each fault: the typed error core reports, the attempts the
 * server (or, for a refused connection, the transport) counted — exactly core's policy. No wall-clock bounds
 * (a loaded machine breaks them; core's retry tests check the waits under the TestClock): the per-attempt
 * timeout is generous, so only the rows about the timeout can time out and every count stays exact.
 */

import { assert, describe, it } from "@effect/vitest"
import { AuthRequest, Endpoint, PasswordReset, SoracomAuth } from "@soracom-auth/core"
import { type Duration, Effect, Fiber, Layer } from "effect"
import { KyHttpClient } from "../src/index.ts"
import { type Handler, json, refusedUrl, startServer } from "./helpers/server.ts"

/** Fast, but the real shape of core's policy: 3 attempts, backoff from 20 ms. */
const retryPolicy = { maxAttempts: 3, baseDelay: "20 millis", maxDelay: "100 millis" } as const
/** Long enough that no reply is cut off on a starved machine (a cut-off `auth` would be retried: 2 attempts). */
const attemptTimeout: Duration.Input = "10 seconds"
/** For the servers that never answer: the timeout must fire, after the request has reached the server. */
const neverTimeout: Duration.Input = "1 second"

const authBody = { apiKey: "api-CANARY", token: "tok-CANARY", operatorId: "OP0012345678", userName: "ada" }

const reply =
  (status: number, contentType: string, body: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": contentType, ...headers })
    res.end(body)
  }

type Operation = "auth" | "issue"

interface Row {
  readonly fault: string
  readonly operation?: Operation
  /** `undefined`: connection refused (nobody listens). */
  readonly handler?: Handler
  readonly expect: { readonly _tag: string; readonly reason?: string; readonly status?: number } | "success"
  readonly attempts: number
  /** Per-attempt timeout; `attemptTimeout` unless the row is about the timeout. */
  readonly timeout?: Duration.Input
}

const rows: ReadonlyArray<Row> = [
  {
    fault: "connection refused",
    expect: { _tag: "TransportError", reason: "ConnectionRefused" },
    attempts: 3,
  },
  {
    fault: "connection refused (issue: provably unsent → retried)",
    operation: "issue",
    expect: { _tag: "TransportError", reason: "ConnectionRefused" },
    attempts: 3,
  },
  {
    fault: "reset before the headers",
    handler: (req) => req.socket.destroy(),
    expect: { _tag: "TransportError", reason: "ConnectionReset" },
    attempts: 3,
  },
  {
    fault: "reset mid-response",
    handler: (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" })
      res.write('{"apiKey":"api-')
      setTimeout(() => req.socket.destroy(), 10)
    },
    expect: { _tag: "TransportError", reason: "ConnectionReset" },
    attempts: 3,
  },
  {
    fault: "never answers (auth: timeout fires, retried)",
    handler: () => {},
    timeout: neverTimeout,
    expect: { _tag: "TransportError", reason: "Timeout" },
    attempts: 3,
  },
  {
    fault: "never answers (issue: may have been sent → not retried)",
    operation: "issue",
    handler: () => {},
    timeout: neverTimeout,
    expect: { _tag: "TransportError", reason: "Timeout" },
    attempts: 1,
  },
  {
    fault: "slow headers within the timeout",
    handler: (_req, res) => setTimeout(() => json(res, 200, authBody), 150),
    expect: "success",
    attempts: 1,
  },
  {
    fault: "503 + Retry-After",
    handler: (_req, res) =>
      json(res, 503, { code: "SYS0001", message: "unavailable" }, { "retry-after": "1" }),
    expect: { _tag: "ServerError", status: 503 },
    attempts: 3,
  },
  {
    fault: "503 (issue → not retried)",
    operation: "issue",
    handler: (_req, res) => json(res, 503, {}),
    expect: { _tag: "ServerError", status: 503 },
    attempts: 1,
  },
  {
    fault: "429 + X-Soracom-Ratelimit-*",
    handler: (_req, res) =>
      json(
        res,
        429,
        { code: "COM0003", message: "rate limit" },
        {
          "x-soracom-ratelimit-limit": "10",
          "x-soracom-ratelimit-remaining": "0",
          "x-soracom-ratelimit-seconds-before-refresh": "1",
        },
      ),
    expect: { _tag: "RateLimited" },
    attempts: 3,
  },
  {
    fault: "truncated JSON",
    handler: reply(200, "application/json", '{"apiKey":"api-CANARY","tok'),
    expect: { _tag: "UnexpectedResponse", status: 200 },
    attempts: 1,
  },
  {
    fault: "HTML body on 200 (a proxy page)",
    handler: reply(200, "text/html", "<html><body>Welcome to the hotel Wi-Fi</body></html>"),
    expect: { _tag: "UnexpectedResponse", status: 200 },
    attempts: 1,
  },
  {
    fault: "HTML body on 502 (a gateway)",
    handler: reply(502, "text/html", "<html><body>502 Bad Gateway</body></html>"),
    expect: { _tag: "ServerError", status: 502 },
    attempts: 3,
  },
  {
    fault: "text/plain body on 500",
    handler: reply(500, "text/plain", "upstream connect error"),
    expect: { _tag: "ServerError", status: 500 },
    attempts: 1,
  },
  {
    fault: "empty 200",
    handler: reply(200, "application/json", ""),
    expect: { _tag: "UnexpectedResponse", status: 200 },
    attempts: 1,
  },
  {
    fault: "1 MiB body (valid, unknown fields ignored)",
    handler: (_req, res) => json(res, 200, { ...authBody, padding: "x".repeat(1024 * 1024) }),
    expect: "success",
    attempts: 1,
  },
  {
    fault: "401",
    handler: (_req, res) => json(res, 401, { code: "AUM0001", message: "Invalid email or password." }),
    expect: { _tag: "AuthFailed" },
    attempts: 1,
  },
]

const authRequest = AuthRequest.fromInput({
  credentials: { kind: "root", email: "ada@example.com", password: "pw-CANARY" },
})
const issueRequest = PasswordReset.issueFromInput({ email: "ada@example.com" })

const callOperation = (operation: Operation) =>
  Effect.gen(function* () {
    const auth = yield* SoracomAuth.SoracomAuth
    if (operation === "auth") return yield* auth.auth(yield* authRequest)
    return yield* auth.issuePasswordResetToken(yield* issueRequest)
  })

const stack = (baseUrl: string, fetch: typeof globalThis.fetch, timeout: Duration.Input) =>
  SoracomAuth.layer({ endpoint: Endpoint.url(baseUrl), retryPolicy }).pipe(
    Layer.provide(KyHttpClient.layer({ timeout, fetch })),
  )

describe("fault matrix through SoracomAuth", () => {
  for (const row of rows) {
    it.live(
      `${row.fault} → ${row.expect === "success" ? "success" : row.expect._tag}, ${row.attempts} attempt(s)`,
      () =>
        Effect.gen(function* () {
          const server =
            row.handler === undefined
              ? undefined
              : yield* Effect.acquireRelease(
                  Effect.promise(() => startServer(row.handler!)),
                  (s) => Effect.promise(() => s.close()),
                )
          const base = server?.url ?? (yield* Effect.promise(refusedUrl))
          let fetchCalls = 0
          const fetch: typeof globalThis.fetch = (input, init) => {
            fetchCalls++
            return globalThis.fetch(input, init)
          }
          const exit = yield* callOperation(row.operation ?? "auth").pipe(
            Effect.provide(stack(`${base}/v1`, fetch, row.timeout ?? attemptTimeout)),
            Effect.exit,
          )

          const attempts = server === undefined ? fetchCalls : server.requests.length
          assert.strictEqual(attempts, row.attempts, "attempts")
          assert.strictEqual(fetchCalls, row.attempts, "one fetch per attempt: ky never retries")
          if (row.expect === "success") {
            assert.strictEqual(exit._tag, "Success", String(exit))
          } else {
            assert.strictEqual(exit._tag, "Failure")
            if (exit._tag !== "Failure") return
            const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error as unknown as Record<
              string,
              unknown
            >
            assert.isDefined(error, String(exit.cause))
            for (const [key, value] of Object.entries(row.expect)) assert.strictEqual(error[key], value, key)
            assert.notInclude(String(error.message) + JSON.stringify(error), "CANARY")
          }
          if (server !== undefined) {
            assert.strictEqual(
              server.requests[0]?.url,
              row.operation === "issue" ? "/v1/auth/password_reset_token/issue" : "/v1/auth",
            )
            assert.strictEqual(server.requests[0]?.headers["user-agent"], KyHttpClient.defaults.userAgent)
          }
        }),
    )
  }

  it.live(
    "interrupting SoracomAuth.auth closes the socket within 100 ms",
    () =>
      Effect.gen(function* () {
        const server = yield* Effect.acquireRelease(
          Effect.promise(() => startServer(() => {})),
          (s) => Effect.promise(() => s.close()),
        )
        const arrived = server.nextRequest()
        const closed = server.nextSocketClose()
        const fiber = yield* callOperation("auth").pipe(
          Effect.provide(
            SoracomAuth.layer({ endpoint: Endpoint.url(`${server.url}/v1`), retryPolicy }).pipe(
              Layer.provide(KyHttpClient.layer()),
            ),
          ),
          Effect.forkChild,
        )
        yield* Effect.promise(() => arrived)
        const interruptedAt = performance.now()
        yield* Fiber.interrupt(fiber)
        const closedAt = yield* Effect.promise(() => closed)
        assert.isBelow(closedAt - interruptedAt, 100)
        assert.strictEqual(server.requests.length, 1)
      }),
    { retry: 2 }, // a wall-time bound: retried when a starved machine lags past it (see cancellation.test.ts)
  )
})
