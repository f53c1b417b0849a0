/**
 * Issue #15 item 10: the trace scrubs the request's own secret values from everything a server sends back —
 * any field name, any header, text bodies — also upper-cased or cut short (core's rule).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Headers, HttpClient, HttpClientRequest } from "effect/http"
import { type HttpTrace, KyHttpClient } from "../src/index.ts"
import { json, testServer } from "./helpers/server.ts"

const password = "Canary-Password-Echo-7f3a"
const token = "canary-session-token-91ab"

const traceOf = (handler: Parameters<typeof testServer>[0]) =>
  Effect.gen(function* () {
    const server = yield* testServer(handler)
    const entries: Array<HttpTrace.TraceEntry> = []
    const request = HttpClientRequest.post(`${server.url}/v1/auth`).pipe(
      HttpClientRequest.setHeaders({ "X-Soracom-Token": token }),
      HttpClientRequest.bodyJsonUnsafe({ email: "ada@example.com", password }),
    )
    yield* HttpClient.execute(request).pipe(
      Effect.provide(KyHttpClient.layer({ trace: (e) => void entries.push(e) })),
      Effect.provideService(Headers.CurrentRedactedNames, ["x-soracom-token"]),
    )
    assert.strictEqual(entries.length, 1)
    return JSON.stringify(entries[0])
  })

const leaks = (shown: string) => {
  for (const secret of [password, token])
    for (let i = 0; i + 8 <= secret.length; i++)
      assert.notInclude(shown.toLowerCase(), secret.slice(i, i + 8).toLowerCase(), shown)
}

describe("#15 item 10: the trace scrubs echoed secrets", () => {
  it.live("in a JSON body under any field name, altered, and in response headers", () =>
    Effect.gen(function* () {
      const shown = yield* traceOf((_req, res) =>
        json(
          res,
          400,
          {
            code: "X",
            message: `wrong password ${password.toUpperCase()}`,
            detail: { sent: password.slice(0, -1), session: token },
          },
          { "x-echo": password, "x-debug": `token=${token.toUpperCase()}` },
        ),
      )
      assert.include(shown, "<redacted>")
      leaks(shown)
    }),
  )

  it.live("in a text body", () =>
    Effect.gen(function* () {
      const shown = yield* traceOf((_req, res) => {
        res.writeHead(500, { "content-type": "text/plain" })
        res.end(`internal: ${password} / ${token}`)
      })
      leaks(shown)
    }),
  )
})
