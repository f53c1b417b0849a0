/**
 * Which values of a request count as its secrets, so their echoes are scrubbed from the trace: a secret body field
 * holding a number or an object (not only a string), a secret with quotes echoed JSON-escaped, one of several in a
 * nested or array body, and a secret header's value found again in the URL or elsewhere in the request body.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Headers, HttpClient, HttpClientRequest } from "effect/http"
import { type HttpTrace, KyHttpClient } from "../src/index.ts"
import { json, refusedUrl, testServer } from "./helpers/server.ts"

/** One exchange with a server that answers 400 with `echo(request body)`; the trace entry as JSON text. */
const traced = (
  request: (base: string) => HttpClientRequest.HttpClientRequest,
  echo: (body: string) => unknown,
) =>
  Effect.gen(function* () {
    const server = yield* testServer((_req, res, seen) =>
      json(res, 400, echo(seen.body), { "x-echo": JSON.stringify(echo(seen.body)).slice(0, 200) }),
    )
    const entries: Array<HttpTrace.TraceEntry> = []
    yield* HttpClient.execute(request(server.url)).pipe(
      Effect.provide(
        KyHttpClient.layer({ trace: (e) => void entries.push(e), redact: { bodyFields: ["secret"] } }),
      ),
      Effect.provideService(Headers.CurrentRedactedNames, ["x-soracom-token"]),
    )
    assert.strictEqual(entries.length, 1)
    return JSON.stringify(entries[0])
  })

describe("the values scrubbed from a trace", () => {
  it.live("a secret field holding a number: its digits echoed back are hidden", () =>
    Effect.gen(function* () {
      const pin = 918273645546372
      const shown = yield* traced(
        (base) =>
          HttpClientRequest.post(`${base}/v1/x`).pipe(HttpClientRequest.bodyJsonUnsafe({ secret: pin })),
        () => ({ message: `wrong pin ${pin}` }),
      )
      assert.include(shown, "wrong pin")
      assert.notInclude(shown, String(pin))
    }),
  )

  it.live("a secret field holding an object: the object echoed back is hidden", () =>
    Effect.gen(function* () {
      const secret = { id: "abcdefghijkl", pass: "mnopqrstuvwx" }
      const shown = yield* traced(
        (base) => HttpClientRequest.post(`${base}/v1/x`).pipe(HttpClientRequest.bodyJsonUnsafe({ secret })),
        () => ({ message: `got ${JSON.stringify(secret)}` }),
      )
      assert.notInclude(shown, "abcdefghijkl")
      assert.notInclude(shown, "mnopqrstuvwx")
    }),
  )

  it.live("a secret full of quotes, echoed inside JSON (so escaped, no run of it left whole): hidden", () =>
    Effect.gen(function* () {
      const password = 'q"w"e"r"t"y"u"i"o"p'
      const shown = yield* traced(
        (base) => HttpClientRequest.post(`${base}/v1/x`).pipe(HttpClientRequest.bodyJsonUnsafe({ password })),
        () => ({ echo: password }),
      )
      const body = (JSON.parse(shown) as HttpTrace.TraceEntry).responseBody ?? ""
      assert.include(body, "<redacted>")
      assert.notInclude(body, 't\\"y\\"u')
    }),
  )

  it.live("secrets in nested objects and arrays of the body are each hidden", () =>
    Effect.gen(function* () {
      const shown = yield* traced(
        (base) =>
          HttpClientRequest.post(`${base}/v1/x`).pipe(
            HttpClientRequest.bodyJsonUnsafe({
              users: [{ name: "ada", password: "first-secret-1111" }, { password: "second-secret-2222" }],
              nested: { deeper: { token: "third-secret-3333" } },
            }),
          ),
        () => ({ got: ["first-secret-1111", "second-secret-2222", "third-secret-3333"] }),
      )
      assert.include(shown, "ada")
      for (const s of ["first-secret", "second-secret", "third-secret"]) assert.notInclude(shown, s)
    }),
  )

  it.live(
    "a secret header's value found in the URL and in the request body's other fields is hidden there too",
    () =>
      Effect.gen(function* () {
        const token = "token-in-url-and-body-5e6f"
        const shown = yield* traced(
          (base) =>
            HttpClientRequest.post(`${base}/v1/x?t=${token}`).pipe(
              HttpClientRequest.setHeaders({ "X-Soracom-Token": token }),
              HttpClientRequest.bodyJsonUnsafe({ note: `my token is ${token}` }),
            ),
          () => ({ ok: false }),
        )
        assert.include(shown, "my token is")
        assert.notInclude(shown, "in-url-and-body")
      }),
  )

  it.live("a text request body: the header's secret in it is hidden, and the body is not read as JSON", () =>
    Effect.gen(function* () {
      const token = "token-in-a-text-body-9a8b"
      const shown = yield* traced(
        (base) =>
          HttpClientRequest.post(`${base}/v1/x`).pipe(
            HttpClientRequest.setHeaders({ "X-Soracom-Token": token }),
            HttpClientRequest.bodyText(`plain text with ${token}`, "text/plain"),
          ),
        (body) => ({ echo: body }),
      )
      assert.include(shown, "plain text with")
      assert.notInclude(shown, "in-a-text-body")
    }),
  )

  it.live("a secret field that is null hides nothing: a null in the reply stays", () =>
    Effect.gen(function* () {
      const shown = yield* traced(
        (base) =>
          HttpClientRequest.post(`${base}/v1/x`).pipe(
            HttpClientRequest.bodyJsonUnsafe({ password: null, token: "a-real-token-0c1d" }),
          ),
        () => ({ value: null }),
      )
      const entry = JSON.parse(shown) as HttpTrace.TraceEntry
      assert.strictEqual(entry.responseBody, JSON.stringify({ value: null }))
    }),
  )

  it.live("a header that is not secret is no secret: its value echoed back stays visible", () =>
    Effect.gen(function* () {
      const shown = yield* traced(
        (base) =>
          HttpClientRequest.get(`${base}/v1/x`).pipe(
            HttpClientRequest.setHeaders({
              "X-Request-Id": "request-id-visible-42",
              "X-Soracom-Token": "the-secret-token-5a6b",
            }),
          ),
        () => ({ request: "request-id-visible-42" }),
      )
      const entry = JSON.parse(shown) as HttpTrace.TraceEntry
      assert.include(entry.responseBody, "request-id-visible-42")
      assert.include(entry.responseHeaders?.["x-echo"], "request-id-visible-42")
    }),
  )

  it.live("an unanswered exchange with a secret: the error is kept, and there is no response part", () =>
    Effect.gen(function* () {
      const url = yield* Effect.promise(refusedUrl)
      const entries: Array<HttpTrace.TraceEntry> = []
      yield* HttpClient.execute(
        HttpClientRequest.get(`${url}/v1/x`).pipe(
          HttpClientRequest.setHeaders({ "X-Soracom-Token": "unanswered-secret-7e8f" }),
        ),
      ).pipe(
        Effect.provide(KyHttpClient.layer({ trace: (e) => void entries.push(e) })),
        Effect.provideService(Headers.CurrentRedactedNames, ["x-soracom-token"]),
        Effect.flip,
      )
      assert.strictEqual(entries.length, 1)
      assert.include(entries[0]?.error, "ECONNREFUSED")
      assert.isFalse("responseHeaders" in entries[0]!)
      assert.isFalse("responseBody" in entries[0]!)
      assert.notInclude(JSON.stringify(entries[0]), "unanswered-secret")
    }),
  )

  it.live("a timeout's error names the URL: a secret in it is hidden there too", () =>
    Effect.gen(function* () {
      const token = "timed-out-secret-3c4d"
      const server = yield* testServer(() => {})
      const entries: Array<HttpTrace.TraceEntry> = []
      yield* HttpClient.execute(
        HttpClientRequest.get(`${server.url}/v1/x?t=${token}`).pipe(
          HttpClientRequest.setHeaders({ "X-Soracom-Token": token }),
        ),
      ).pipe(
        Effect.provide(KyHttpClient.layer({ trace: (e) => void entries.push(e), timeout: "300 millis" })),
        Effect.provideService(Headers.CurrentRedactedNames, ["x-soracom-token"]),
        Effect.flip,
      )
      assert.strictEqual(entries.length, 1)
      assert.isString(entries[0]?.error)
      assert.notInclude(JSON.stringify(entries[0]), "timed-out-secret")
    }),
  )
})
