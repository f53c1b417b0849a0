/**
 * The exchange under fetches other than the platform's and under https: a `fetch` option that hands a 204, 205 or
 * 304 answer an (empty) body stream — as fetch polyfills such as node-fetch do, which the Fetch standard forbids —
 * still gives a bodiless answer, not a failure; and an https URL is sent (the connection is attempted), not
 * refused before sending as other schemes are (errors.test.ts).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { HttpClient } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { refusedUrl, testServer } from "./helpers/server.ts"

/** A Response whose body is a stream even where the standard says there is none (a null body status). */
class LooseResponse extends Response {
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new ReadableStream({ start: (controller) => controller.close() })
  }
}

/** The platform's fetch, its answer handed over as such a polyfill would: status and headers, a body stream. */
const looseFetch: typeof globalThis.fetch = async (input, init) => {
  const real = await globalThis.fetch(input, init)
  await real.body?.cancel()
  return new LooseResponse(null, { status: real.status, statusText: real.statusText, headers: real.headers })
}

describe("the exchange", () => {
  it.live("a fetch that gives a 204, 205 or 304 a body stream: still a bodiless answer, not a failure", () =>
    Effect.gen(function* () {
      const server = yield* testServer((req, res) => {
        res.writeHead(Number(req.url?.slice(1)), { "x-seen": req.url ?? "" })
        res.end()
      })
      for (const status of [204, 205, 304]) {
        const response = yield* HttpClient.get(`${server.url}/${status}`).pipe(
          Effect.provide(KyHttpClient.layer({ fetch: looseFetch })),
        )
        assert.strictEqual(response.status, status)
        assert.strictEqual(response.headers["x-seen"], `/${status}`)
        assert.strictEqual(yield* response.text, "")
      }
      assert.strictEqual(server.requests.length, 3)
    }),
  )

  it.live("an https URL is sent: the connection is attempted (refused here), not refused as a scheme", () =>
    Effect.gen(function* () {
      const url = (yield* Effect.promise(refusedUrl)).replace("http:", "https:")
      const error = yield* HttpClient.get(`${url}/v1/x`).pipe(
        Effect.provide(KyHttpClient.layer()),
        Effect.flip,
      )
      assert.strictEqual(error._tag === "HttpClientError" && error.reason._tag, "TransportError")
      assert.include(error.message, "ECONNREFUSED")

      // and through an injected fetch (another runtime's): it is the one that gets the https request
      const calls: Array<string> = []
      const fetch: typeof globalThis.fetch = async (input) => {
        calls.push(input instanceof Request ? input.url : String(input))
        return new Response('{"ok":true}', { headers: { "content-type": "application/json" } })
      }
      const answer = yield* HttpClient.get("https://api.soracom.io/v1/x").pipe(
        Effect.flatMap((r) => r.json),
        Effect.provide(KyHttpClient.layer({ fetch })),
      )
      assert.deepStrictEqual(answer, { ok: true })
      assert.deepStrictEqual(calls, ["https://api.soracom.io/v1/x"])
    }),
  )
})
