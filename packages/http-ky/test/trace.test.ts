/**
 * The tracing hook: request line, status, duration — and never a secret header or body field.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Headers, HttpClient, HttpClientRequest } from "effect/http"
import { HttpTrace, KyHttpClient } from "../src/index.ts"
import { json, refusedUrl, testServer } from "./helpers/server.ts"

const collect = () => {
  const entries: Array<HttpTrace.TraceEntry> = []
  return { entries, trace: (entry: HttpTrace.TraceEntry) => void entries.push(entry) }
}

describe("trace", () => {
  it.live("traces the request line, status and duration, redacting secret headers and body fields", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) =>
        json(res, 200, { apiKey: "CANARY-apikey", token: "CANARY-token", operatorId: "OP0012345678" }),
      )
      const { entries, trace } = collect()
      const request = HttpClientRequest.post(`${server.url}/v1/auth`).pipe(
        HttpClientRequest.setHeaders({
          "X-Soracom-API-Key": "CANARY-hdr-key",
          "X-Soracom-Token": "CANARY-hdr-token",
          "X-Custom-Secret": "CANARY-custom",
        }),
        HttpClientRequest.bodyJsonUnsafe({
          email: "ada@example.com",
          password: "CANARY-password",
          authKeyId: "keyId-1",
          authKey: "CANARY-authkey",
          nested: { token: "CANARY-nested", currentPassword: "CANARY-cur", newPassword: "CANARY-new" },
          mfaOTPCode: "CANARY-otp",
        }),
      )
      // What core passes in for SORACOM (SoracomAuth.redactedHeaderNames, Wire.secretFields): the adapter knows no API.
      const redact = {
        headerNames: ["X-Soracom-API-Key", "X-Soracom-Token"],
        bodyFields: ["authKey", "apiKey", "mfaOTPCode", "currentPassword", "newPassword"],
      }
      const response = yield* HttpClient.execute(request).pipe(
        Effect.provide(KyHttpClient.layer({ trace, redact })),
        Effect.provideService(Headers.CurrentRedactedNames, ["x-custom-secret"]),
      )
      assert.strictEqual(response.status, 200)
      // the caller still reads the untouched body
      assert.deepInclude((yield* response.json) as object, { apiKey: "CANARY-apikey" })
      assert.strictEqual(entries.length, 1)
      const [entry] = entries
      assert.strictEqual(entry?.method, "POST")
      assert.strictEqual(entry?.url, `${server.url}/v1/auth`)
      assert.strictEqual(entry?.status, 200)
      assert.isAbove(entry?.durationMs ?? 0, 0)
      assert.strictEqual(entry?.requestHeaders["x-soracom-api-key"], HttpTrace.redactedText)
      assert.include(entry?.requestBody, '"email":"ada@example.com"')
      assert.include(entry?.requestBody, '"authKeyId":"keyId-1"')
      assert.include(entry?.responseBody, '"operatorId":"OP0012345678"')
      const text = HttpTrace.format(entry!) + JSON.stringify(entries)
      assert.notInclude(text, "CANARY")
      assert.match(HttpTrace.format(entry!), /^> POST http:\/\/127\.0\.0\.1:\d+\/v1\/auth$/m)
      assert.match(HttpTrace.format(entry!), /^< 200 \(\d+\.\d ms\)$/m)

      // Without them only the generic defaults apply: an API-specific field shows.
      const plain = collect()
      yield* HttpClient.execute(request).pipe(Effect.provide(KyHttpClient.layer({ trace: plain.trace })))
      assert.include(plain.entries[0]?.responseBody, "CANARY-apikey")
      assert.notInclude(plain.entries[0]?.requestBody, "CANARY-password")
      assert.notInclude(plain.entries[0]?.responseBody, "CANARY-token")
    }),
  )

  it.live("traces failures and interruptions without a status", () =>
    Effect.gen(function* () {
      const { entries, trace } = collect()
      const url = yield* Effect.promise(refusedUrl)
      yield* HttpClient.get(url).pipe(Effect.provide(KyHttpClient.layer({ trace })), Effect.flip)
      assert.strictEqual(entries[0]?.status, undefined)
      assert.include(entries[0]?.error, "ECONNREFUSED")
      assert.include(HttpTrace.format(entries[0]!), "< no response: ")

      const server = yield* testServer(() => {})
      yield* HttpClient.get(server.url).pipe(
        Effect.provide(KyHttpClient.layer({ trace })),
        Effect.timeout("50 millis"),
        Effect.exit,
      )
      assert.strictEqual(entries[1]?.error, "interrupted")
    }),
  )

  it("redactBody: non-JSON bodies are summarised, HTML/text shown truncated", () => {
    assert.strictEqual(
      HttpTrace.redactBody(new Uint8Array([1, 2, 3]), "application/octet-stream"),
      "<3 bytes>",
    )
    assert.strictEqual(
      HttpTrace.redactBody('{"password":"x"', "application/json"),
      "<15 bytes, not valid JSON>",
    )
    assert.strictEqual(HttpTrace.redactBody("<p>hi</p>", "text/html"), "<p>hi</p>")
    assert.strictEqual(HttpTrace.redactBody("", "text/plain"), undefined)
    assert.include(HttpTrace.redactBody("x".repeat(5000), "text/plain"), "… <5000 bytes>")
    assert.strictEqual(HttpTrace.redactBody('[{"Token":"t"}]'), '[{"Token":"<redacted>"}]')
  })
})
