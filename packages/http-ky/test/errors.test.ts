/**
 * Every way of not getting a response is an `HttpClientError` with the right reason, ky's error kept as
 * `cause` (core classifies by the chain's `code` / `name`), in bounded time, after exactly one request.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { HttpClient, HttpClientRequest } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { codes, names } from "./helpers/causes.ts"
import { json, refusedUrl, testServer } from "./helpers/server.ts"

const failure = (request: HttpClientRequest.HttpClientRequest, options?: KyHttpClient.Options) =>
  Effect.gen(function* () {
    const start = performance.now()
    const error = yield* HttpClient.execute(request).pipe(
      Effect.flatMap((response) => response.text),
      Effect.flip,
      Effect.provide(KyHttpClient.layer(options)),
    )
    return { error, elapsed: performance.now() - start }
  })

describe("transport failures", () => {
  it.live("connection refused → TransportError, ECONNREFUSED in the cause chain", () =>
    Effect.gen(function* () {
      const url = yield* Effect.promise(refusedUrl)
      const { error, elapsed } = yield* failure(HttpClientRequest.post(`${url}/v1/auth`))
      assert.strictEqual(error.reason._tag, "TransportError")
      assert.include(codes(error.cause), "ECONNREFUSED")
      assert.include(names(error.cause), "NetworkError")
      assert.include(error.message, "ECONNREFUSED")
      assert.isBelow(elapsed, 2_000)
    }),
  )

  it.live("DNS failure → TransportError, ENOTFOUND / EAI_AGAIN in the cause chain", () =>
    Effect.gen(function* () {
      const { error } = yield* failure(HttpClientRequest.get("http://no-such-host.invalid/v1/auth"))
      assert.strictEqual(error.reason._tag, "TransportError")
      assert.isTrue(codes(error.cause).some((c) => c === "ENOTFOUND" || c === "EAI_AGAIN"))
    }),
  )

  it.live("reset before the headers → TransportError, UND_ERR_SOCKET, one request", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req) => req.socket.destroy())
      const { error, elapsed } = yield* failure(HttpClientRequest.get(server.url))
      assert.strictEqual(error.reason._tag, "TransportError")
      assert.isTrue(codes(error.cause).some((c) => c === "UND_ERR_SOCKET" || c === "ECONNRESET"))
      assert.strictEqual(server.requests.length, 1, "ky retried")
      assert.isBelow(elapsed, 2_000)
    }),
  )

  it.live("reset mid-body → TransportError (not a decode error), UND_ERR_SOCKET", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" })
        res.write('{"apiKey":"a')
        setTimeout(() => req.socket.destroy(), 20)
      })
      const { error } = yield* failure(HttpClientRequest.post(server.url))
      assert.strictEqual(error.reason._tag, "TransportError")
      assert.include(error.message, "while reading the response body")
      assert.include(codes(error.cause), "UND_ERR_SOCKET")
      assert.include(names(error.cause), "TypeError")
      assert.strictEqual(server.requests.length, 1)
    }),
  )

  it.live(
    "never answers → the per-attempt timeout fires in bounded time; name TimeoutError; socket closed",
    () =>
      Effect.gen(function* () {
        const server = yield* testServer(() => {})
        const closed = server.nextSocketClose()
        const { error, elapsed } = yield* failure(HttpClientRequest.post(server.url), {
          timeout: "200 millis",
        })
        assert.strictEqual(error.reason._tag, "TransportError")
        assert.strictEqual((error.cause as Error).name, "TimeoutError")
        assert.include(error.message, "timed out (200 ms per attempt)")
        assert.isAtLeast(elapsed, 190)
        assert.isBelow(elapsed, 3_000) // the server never answers: only the timeout ends it
        assert.strictEqual(server.requests.length, 1, "ky retried after a timeout")
        yield* Effect.promise(() => closed)
      }),
  )

  it.live("slow headers within the timeout are fine", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 150))
      const response = yield* HttpClient.get(server.url).pipe(
        Effect.provide(KyHttpClient.layer({ timeout: "2 seconds" })),
      )
      assert.strictEqual(response.status, 200)
    }),
  )

  it.live("a body that stalls after the headers times out too", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" })
        res.write('{"apiKey":')
      })
      const { error, elapsed } = yield* failure(HttpClientRequest.get(server.url), { timeout: "300 millis" })
      assert.strictEqual(error.reason._tag, "TransportError")
      assert.strictEqual((error.cause as Error).name, "TimeoutError")
      // Normally "…while reading the response body"; on a starved machine the headers themselves can be late.
      assert.include(error.message, "timed out (300 ms per attempt)")
      assert.isBelow(elapsed, 3_000)
    }),
  )

  it.live("totalTimeout caps headers and body together", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { "content-length": "100" })
          res.write("{")
        }, 150)
      })
      const { error, elapsed } = yield* failure(HttpClientRequest.get(server.url), {
        timeout: "10 seconds",
        totalTimeout: "300 millis",
      })
      assert.strictEqual((error.cause as Error).name, "TimeoutError")
      assert.include(error.message, "300 ms in total")
      assert.isBelow(elapsed, 3_000) // the per-attempt timeout alone would take 10 s
    }),
  )

  it.live("503 and a timeout are never retried by ky (GET, which ky would retry by default)", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => json(res, 503, {}, { "retry-after": "0" }))
      const response = yield* HttpClient.get(server.url).pipe(Effect.provide(KyHttpClient.layer()))
      assert.strictEqual(response.status, 503)
      assert.strictEqual(server.requests.length, 1)
    }),
  )
})

describe("requests that cannot be sent", () => {
  it.live("credentials in the URL → InvalidUrlError, secret not repeated in the message", () =>
    Effect.gen(function* () {
      const { error } = yield* failure(HttpClientRequest.get("http://user:CANARY-pw@127.0.0.1:9/"))
      assert.strictEqual(error.reason._tag, "InvalidUrlError")
      assert.notInclude(error.message, "CANARY")
    }),
  )

  it.live("a non-HTTP scheme → InvalidUrlError, nothing sent", () =>
    Effect.gen(function* () {
      const { error } = yield* failure(HttpClientRequest.get("ftp://127.0.0.1/file"))
      assert.strictEqual(error.reason._tag, "InvalidUrlError")
    }),
  )

  it.live("a malformed URL → InvalidUrlError (from HttpClient.make)", () =>
    Effect.gen(function* () {
      const { error } = yield* failure(HttpClientRequest.get("not a url"))
      assert.strictEqual(error.reason._tag, "InvalidUrlError")
    }),
  )

  it.live("an invalid header value → EncodeError, nothing sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => json(res, 200, {}))
      const { error } = yield* failure(
        HttpClientRequest.get(server.url).pipe(HttpClientRequest.setHeader("x-bad", "a\r\nb")),
      )
      assert.strictEqual(error.reason._tag, "EncodeError")
      assert.strictEqual(server.requests.length, 0)
    }),
  )
})
