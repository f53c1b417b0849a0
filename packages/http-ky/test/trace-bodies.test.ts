/**
 * What a trace says of the bodies, by kind: no request body line without a body; a text body (a string, raw)
 * redacted like any JSON body, its secrets scrubbed from the echo; a body the trace cannot show without consuming
 * it (a stream, form data, a Blob) named, never read; the response body as its content type says (text shown as
 * text). Tracing leaves the response whole for the caller, who may read it as a stream. And an exchange that ends
 * without a response always says why, even when nobody gave a reason.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { HttpBody, HttpClient, HttpClientRequest } from "effect/http"
import { HttpTrace, KyHttpClient } from "../src/index.ts"
import { json, testServer } from "./helpers/server.ts"

/** One traced exchange with a server that echoes the request body back as JSON; the entry and what the server got. */
const traced = (request: (base: string) => HttpClientRequest.HttpClientRequest) =>
  Effect.gen(function* () {
    const server = yield* testServer((_req, res, seen) => json(res, 400, { message: `got ${seen.body}` }))
    const entries: Array<HttpTrace.TraceEntry> = []
    const response = yield* HttpClient.execute(request(server.url)).pipe(
      Effect.provide(KyHttpClient.layer({ trace: (e) => void entries.push(e) })),
    )
    assert.strictEqual(response.status, 400)
    assert.strictEqual(entries.length, 1)
    return { entry: entries[0]!, received: server.requests[0]?.body }
  })

describe("the trace of request bodies", () => {
  it.live("no body: no request body in the entry, no body line in the format", () =>
    Effect.gen(function* () {
      const { entry } = yield* traced((base) => HttpClientRequest.get(`${base}/v1/x`))
      assert.isUndefined(entry.requestBody)
      const [requestLine, ...rest] = HttpTrace.format(entry)
        .split("\n")
        .filter((line) => line.startsWith(">"))
      assert.strictEqual(requestLine, `> GET ${entry.url}`)
      // every other request line is a header (`> name: value`), none a body
      assert.deepStrictEqual(
        rest.filter((line) => !/^> [a-z0-9-]+: /.test(line)),
        [],
      )
      assert.include(rest, "> user-agent: soracom-auth/0.1.0")
    }),
  )

  it.live("a raw string body is text: redacted as JSON, its secret scrubbed from the echo", () =>
    Effect.gen(function* () {
      const body = '{"email":"ada@example.com","password":"raw-secret-5a6b"}'
      const { entry, received } = yield* traced((base) =>
        HttpClientRequest.post(`${base}/v1/auth`).pipe(
          HttpClientRequest.setBody(HttpBody.raw(body, { contentType: "application/json" })),
        ),
      )
      assert.strictEqual(received, body)
      assert.deepStrictEqual(JSON.parse(entry.requestBody ?? ""), {
        email: "ada@example.com",
        password: HttpTrace.redactedText,
      })
      assert.include(entry.responseBody, "ada@example.com")
      assert.notInclude(JSON.stringify(entry), "raw-secret-5a6b")
    }),
  )

  it.live("a raw body that is not a string (a Blob) is sent, and named in the trace, not shown", () =>
    Effect.gen(function* () {
      const { entry, received } = yield* traced((base) =>
        HttpClientRequest.post(`${base}/v1/x`).pipe(
          HttpClientRequest.setBody(
            HttpBody.raw(new Blob(["blob-content-7c8d"]), { contentType: "text/plain" }),
          ),
        ),
      )
      assert.strictEqual(received, "blob-content-7c8d")
      assert.isString(entry.requestBody)
      assert.match(entry.requestBody ?? "", /raw/i)
      assert.notInclude(entry.requestBody, "blob-content")
    }),
  )

  it.live("a stream body is named, not read by the trace: the server gets all of it", () =>
    Effect.gen(function* () {
      const { entry, received } = yield* traced((base) =>
        HttpClientRequest.post(`${base}/v1/x`).pipe(
          HttpClientRequest.bodyStream(
            Stream.make(new TextEncoder().encode("stream-"), new TextEncoder().encode("content-9e0f")),
            { contentType: "text/plain" },
          ),
        ),
      )
      assert.strictEqual(received, "stream-content-9e0f")
      assert.match(entry.requestBody ?? "", /stream/i)
      assert.notInclude(entry.requestBody, "content-9e0f")
      assert.include(HttpTrace.format(entry), `> ${entry.requestBody}`)
    }),
  )

  it.live("form data is named, not shown", () =>
    Effect.gen(function* () {
      const form = new FormData()
      form.set("note", "form-content-1a2b")
      const { entry, received } = yield* traced((base) =>
        HttpClientRequest.post(`${base}/v1/x`).pipe(HttpClientRequest.bodyFormData(form)),
      )
      assert.include(received, "form-content-1a2b")
      assert.match(entry.requestBody ?? "", /formdata/i)
      assert.notInclude(entry.requestBody, "form-content")
    }),
  )
})

describe("the trace of responses", () => {
  it.live("a text/plain answer is shown as text; the same bytes as octet-stream only by size", () =>
    Effect.gen(function* () {
      const text = "upstream connect error or disconnect"
      const server = yield* testServer((req, res) => {
        res.writeHead(502, {
          "content-type": req.url === "/text" ? "text/plain" : "application/octet-stream",
        })
        res.end(text)
      })
      const entries: Array<HttpTrace.TraceEntry> = []
      const layer = KyHttpClient.layer({ trace: (e) => void entries.push(e) })
      yield* HttpClient.get(`${server.url}/text`).pipe(Effect.provide(layer))
      yield* HttpClient.get(`${server.url}/bytes`).pipe(Effect.provide(layer))
      assert.strictEqual(entries[0]?.responseBody, text)
      assert.strictEqual(entries[1]?.responseBody, `<${text.length} bytes>`)
    }),
  )

  it.live("tracing leaves the response whole: the caller reads it as a stream, or as form data", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req, res) => {
        if (req.url === "/form") {
          res.writeHead(200, { "content-type": "application/x-www-form-urlencoded" })
          res.end("a=1&b=two")
          return
        }
        json(res, 200, { whole: "body-3c4d" })
      })
      const entries: Array<HttpTrace.TraceEntry> = []
      const layer = KyHttpClient.layer({ trace: (e) => void entries.push(e) })
      for (const options of [{}, { trace: (e: HttpTrace.TraceEntry) => void entries.push(e) }]) {
        const response = yield* HttpClient.get(server.url).pipe(Effect.provide(KyHttpClient.layer(options)))
        const bytes = yield* Stream.runCollect(response.stream)
        const text = new TextDecoder().decode(Buffer.concat([...bytes]))
        assert.deepStrictEqual(JSON.parse(text), { whole: "body-3c4d" })
      }
      const form = yield* HttpClient.get(`${server.url}/form`).pipe(
        Effect.flatMap((r) => r.formData),
        Effect.provide(layer),
      )
      assert.strictEqual(form.get("b"), "two")
      assert.include(entries[0]?.responseBody, "body-3c4d")
      assert.strictEqual(entries[1]?.responseBody, "<9 bytes>")
    }),
  )
})

describe("the trace of an exchange without a response", () => {
  it.live("a failure nobody explained (the fetch rejects with a bare object) still says why", () =>
    Effect.gen(function* () {
      const entries: Array<HttpTrace.TraceEntry> = []
      // a value that is no Error and cannot even be turned into text
      const fetch: typeof globalThis.fetch = () => Promise.reject(Object.create(null))
      const exit = yield* HttpClient.get("http://127.0.0.1:9/v1/x").pipe(
        Effect.provide(KyHttpClient.layer({ fetch, trace: (e) => void entries.push(e) })),
        Effect.exit,
      )
      assert.strictEqual(exit._tag, "Failure")
      assert.strictEqual(entries.length, 1)
      assert.isUndefined(entries[0]?.status)
      assert.isAbove(entries[0]?.error?.trim().length ?? 0, 0)
      assert.notInclude(HttpTrace.format(entries[0]!), "no response:  (")
    }),
  )
})
