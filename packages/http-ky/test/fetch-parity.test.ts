/**
 * The adapter answers as Effect's own `FetchHttpClient` does (the reference implementation of `HttpClient` over
 * fetch), against the same real server: a bodiless answer (204, 205, 304, any HEAD) has no body — `text` is
 * empty and `stream` fails the same way — and a request carrying its own `content-length` goes out with the length
 * of the body it really sends.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, type Layer, Stream } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { json, testServer } from "./helpers/server.ts"

const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient, unknown>]> = [
  ["FetchHttpClient", FetchHttpClient.layer],
  ["KyHttpClient", KyHttpClient.layer()],
]

/** What a caller can observe of an answer: status, text, and what reading it as a stream gives. */
const observe = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.gen(function* () {
    const response = yield* HttpClient.execute(request)
    const stream = yield* Stream.runCollect(response.stream).pipe(
      Effect.map((chunks) => `${chunks.length} chunk(s)`),
      Effect.catch((error) => Effect.succeed(`fails: ${error.reason._tag}`)),
    )
    // `text` after `stream`: both read the same body, so compare each on a fresh request.
    const text = yield* Effect.flatMap(HttpClient.execute(request), (r) => r.text)
    return { status: response.status, text, stream }
  })

describe("parity with Effect's FetchHttpClient", () => {
  it.live("204, 205 and 304 answers and a HEAD answer are bodiless, as through fetch", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req, res) => {
        const status = Number(req.url?.slice(1))
        if (status === 200) return json(res, 200, { some: "body" })
        res.writeHead(status, status === 304 ? { etag: '"v1"' } : {})
        res.end()
      })
      const requests = [
        HttpClientRequest.get(`${server.url}/204`),
        HttpClientRequest.delete(`${server.url}/204`),
        HttpClientRequest.post(`${server.url}/205`),
        HttpClientRequest.get(`${server.url}/304`),
        HttpClientRequest.head(`${server.url}/200`),
        HttpClientRequest.get(`${server.url}/200`),
      ]
      for (const request of requests) {
        const seen: Record<string, unknown> = {}
        for (const [name, layer] of clients) {
          seen[name] = yield* observe(request).pipe(Effect.provide(layer))
        }
        assert.deepStrictEqual(seen.KyHttpClient, seen.FetchHttpClient, `${request.method} ${request.url}`)
        // and the reference does what HTTP says: no body on a bodiless answer, the body on a GET 200
        const bodiless = request.method === "HEAD" || !request.url.endsWith("/200")
        assert.strictEqual((seen.FetchHttpClient as { text: string }).text === "", bodiless)
      }
      assert.deepStrictEqual(yield* observe(requests[0]!).pipe(Effect.provide(KyHttpClient.layer())), {
        status: 204,
        text: "",
        stream: "fails: EmptyBodyError",
      })
    }),
  )

  it.live("a stale content-length on the request: the body goes out whole with its real length", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res, seen) =>
        json(res, 200, { length: seen.headers["content-length"], body: seen.body }),
      )
      const request = HttpClientRequest.post(server.url).pipe(
        HttpClientRequest.bodyText("hello", "text/plain"),
        // e.g. computed for another encoding of the body, or copied from a request this one was made from
        HttpClientRequest.setHeader("content-length", "999"),
      )
      const answers: Record<string, unknown> = {}
      for (const [name, layer] of clients) {
        answers[name] = yield* HttpClient.execute(request).pipe(
          Effect.flatMap((r) => r.json),
          Effect.provide(layer),
        )
      }
      assert.deepStrictEqual(answers.FetchHttpClient, { length: "5", body: "hello" })
      assert.deepStrictEqual(answers.KyHttpClient, answers.FetchHttpClient)
    }),
  )
})
