/**
 * Any status is a response: the layer never throws on a status, never retries, and hands every body back
 * intact (already read off the socket).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { HttpClient, HttpClientRequest } from "effect/http"
import { KyHttpClient, version } from "../src/index.ts"
import { json, testServer } from "./helpers/server.ts"

const run = <A, E>(effect: Effect.Effect<A, E, HttpClient.HttpClient>, options?: KyHttpClient.Options) =>
  Effect.provide(effect, KyHttpClient.layer(options))

describe("responses", () => {
  for (const status of [200, 400, 401, 404, 429, 500, 502, 503, 504]) {
    it.live(`${status} comes back as a response, one request, body intact`, () =>
      Effect.gen(function* () {
        const server = yield* testServer((_req, res) =>
          json(res, status, { code: `X${status}`, message: "m" }),
        )
        const response = yield* run(HttpClient.post(`${server.url}/v1/auth`))
        assert.strictEqual(response.status, status)
        assert.deepStrictEqual(yield* response.json, { code: `X${status}`, message: "m" })
        assert.strictEqual(server.requests.length, 1)
      }),
    )
  }

  it.live("503 + Retry-After and 429 + X-Soracom-Ratelimit-* headers are readable", () =>
    Effect.gen(function* () {
      let n = 0
      const server = yield* testServer((_req, res) =>
        n++ === 0
          ? json(res, 503, {}, { "retry-after": "2" })
          : json(
              res,
              429,
              {},
              {
                "x-soracom-ratelimit-limit": "10",
                "x-soracom-ratelimit-remaining": "0",
                "x-soracom-ratelimit-seconds-before-refresh": "7",
              },
            ),
      )
      const first = yield* run(HttpClient.get(server.url))
      assert.strictEqual(first.headers["retry-after"], "2")
      const second = yield* run(HttpClient.get(server.url))
      assert.strictEqual(second.headers["x-soracom-ratelimit-seconds-before-refresh"], "7")
      assert.strictEqual(second.headers["x-soracom-ratelimit-remaining"], "0")
      assert.strictEqual(server.requests.length, 2)
    }),
  )

  it.live("HTML, text/plain, truncated JSON, empty 200 and 204 arrive as they were sent", () =>
    Effect.gen(function* () {
      const bodies: Record<string, [number, string, string]> = {
        "/html": [502, "text/html", "<html><body>Bad Gateway</body></html>"],
        "/text": [500, "text/plain", "upstream connect error"],
        "/truncated": [200, "application/json", '{"apiKey":"a","tok'],
        "/empty": [200, "application/json", ""],
      }
      const server = yield* testServer((req, res) => {
        if (req.url === "/no-content") {
          res.writeHead(204)
          res.end()
          return
        }
        const [status, type, body] = bodies[req.url ?? ""]!
        res.writeHead(status, { "content-type": type })
        res.end(body)
      })
      for (const [path, [status, , body]] of Object.entries(bodies)) {
        const response = yield* run(HttpClient.get(server.url + path))
        assert.strictEqual(response.status, status)
        assert.strictEqual(yield* response.text, body)
      }
      const truncated = yield* run(
        Effect.flatMap(HttpClient.get(`${server.url}/truncated`), (r) => r.json),
      ).pipe(Effect.flip)
      assert.strictEqual(truncated._tag === "HttpClientError" && truncated.reason._tag, "DecodeError")
      const noContent = yield* run(HttpClient.get(`${server.url}/no-content`))
      assert.strictEqual(noContent.status, 204)
      assert.strictEqual(yield* noContent.text, "")
    }),
  )

  it.live("a 1 MiB body arrives whole", () =>
    Effect.gen(function* () {
      const big = "x".repeat(1024 * 1024)
      const server = yield* testServer((_req, res) => json(res, 200, { apiKey: "k", token: "t", pad: big }))
      const response = yield* run(HttpClient.get(server.url))
      const body = (yield* response.json) as { pad: string }
      assert.strictEqual(body.pad.length, big.length)
    }),
  )

  it.live("an unread body does not pin the connection: the next request reuses the socket", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) =>
        json(res, 401, { code: "AUTH", message: "x".repeat(100_000) }),
      )
      for (let i = 0; i < 5; i++) {
        yield* run(HttpClient.get(server.url)) // body never read
      }
      assert.strictEqual(server.requests.length, 5)
      assert.strictEqual(server.socketClosedAt.length, 0, "no socket was torn down to drop an unread body")
    }),
  )

  it.live(
    "sends method, JSON body and headers; drops content-length; User-Agent defaults and is overridable",
    () =>
      Effect.gen(function* () {
        const server = yield* testServer((_req, res) => json(res, 200, {}))
        const request = HttpClientRequest.post(`${server.url}/v1/auth`).pipe(
          HttpClientRequest.setHeader("x-soracom-lang", "ja"),
          HttpClientRequest.bodyJsonUnsafe({ email: "a@example.com", password: "p" }),
        )
        yield* run(HttpClient.execute(request))
        const [seen] = server.requests
        assert.strictEqual(seen?.method, "POST")
        assert.strictEqual(seen?.url, "/v1/auth")
        assert.deepStrictEqual(JSON.parse(seen?.body ?? ""), { email: "a@example.com", password: "p" })
        assert.strictEqual(seen?.headers["content-type"], "application/json")
        assert.strictEqual(seen?.headers["x-soracom-lang"], "ja")
        assert.strictEqual(seen?.headers["user-agent"], `soracom-auth/${version}`)

        yield* run(HttpClient.get(server.url), { userAgent: "my-app/1.0", headers: { "x-extra": "1" } })
        assert.strictEqual(server.requests[1]?.headers["user-agent"], "my-app/1.0")
        assert.strictEqual(server.requests[1]?.headers["x-extra"], "1")

        yield* run(HttpClient.get(server.url, { headers: { "user-agent": "per-request", "x-extra": "2" } }), {
          headers: { "x-extra": "1" },
        })
        assert.strictEqual(server.requests[2]?.headers["user-agent"], "per-request")
        assert.strictEqual(server.requests[2]?.headers["x-extra"], "2")
      }),
  )

  it.live("a stream request body is sent", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => json(res, 200, {}))
      const request = HttpClientRequest.post(server.url).pipe(
        HttpClientRequest.bodyStream(
          Stream.make(new TextEncoder().encode("ab"), new TextEncoder().encode("cd")),
          {
            contentType: "text/plain",
          },
        ),
      )
      const response = yield* run(HttpClient.execute(request))
      assert.strictEqual(response.status, 200)
      assert.strictEqual(server.requests[0]?.body, "abcd")
    }),
  )

  it.live("the injected fetch is the one called", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => json(res, 200, {}))
      const calls: Array<string> = []
      const fetch: typeof globalThis.fetch = (input, init) => {
        calls.push(input instanceof Request ? input.url : String(input))
        return globalThis.fetch(input, init)
      }
      yield* run(HttpClient.get(`${server.url}/x`), { fetch })
      assert.deepStrictEqual(calls, [`${server.url}/x`])
    }),
  )
})
