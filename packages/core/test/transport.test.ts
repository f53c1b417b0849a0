import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { Headers } from "effect/http"
import { AuthRequest, Credentials, type Errors, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { classify } from "../src/internal/transport.ts"
import { fetchFailed, nodeError, okAuth, testHttp } from "./support.ts"

const named = (name: string, cause?: unknown) =>
  Object.assign(new Error(name), { name, ...(cause ? { cause } : {}) })

describe("transport classification (walks the cause chain)", () => {
  const cases: ReadonlyArray<readonly [string, unknown, Errors.TransportReason]> = [
    ["fetch ECONNREFUSED", fetchFailed("ECONNREFUSED"), "ConnectionRefused"],
    ["fetch ECONNRESET", fetchFailed("ECONNRESET"), "ConnectionReset"],
    ["undici socket", fetchFailed("UND_ERR_SOCKET"), "ConnectionReset"],
    ["DNS ENOTFOUND", fetchFailed("ENOTFOUND"), "DnsFailure"],
    ["DNS EAI_AGAIN", fetchFailed("EAI_AGAIN"), "DnsFailure"],
    ["connect timeout", fetchFailed("UND_ERR_CONNECT_TIMEOUT"), "Timeout"],
    ["ky TimeoutError", named("TimeoutError"), "Timeout"],
    ["AbortError", named("AbortError"), "Aborted"],
    ["DOMException-like abort", { name: "AbortError", message: "aborted" }, "Aborted"],
    [
      "ky NetworkError → fetch → code",
      named("NetworkError", fetchFailed("ECONNREFUSED")),
      "ConnectionRefused",
    ],
    [
      "AggregateError (happy eyeballs)",
      Object.assign(new TypeError("fetch failed"), {
        cause: new AggregateError([nodeError("ECONNREFUSED"), nodeError("ECONNREFUSED")]),
      }),
      "ConnectionRefused",
    ],
    ["code wins over an outer name", named("TimeoutError", nodeError("ECONNRESET")), "ConnectionReset"],
    ["nothing known", new Error("weird"), "Unknown"],
    ["not an object", "boom", "Unknown"],
    [
      "a cycle",
      (() => {
        const a: { cause?: unknown } = {}
        a.cause = a
        return a
      })(),
      "Unknown",
    ],
  ]
  for (const [label, error, reason] of cases) {
    it(label, () => {
      assert.strictEqual(classify(error).reason, reason)
    })
  }

  it.effect("TransportError names the reason and the endpoint", () =>
    Effect.gen(function* () {
      const http = testHttp(() => ({ fail: fetchFailed("ENOTFOUND") }))
      const error = yield* SoracomAuth.SoracomAuth.use((a) =>
        a.auth(
          new AuthRequest.AuthRequest({
            credentials: new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make("s") }),
          }),
        ),
      ).pipe(
        Effect.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))),
        Effect.flip,
      )
      assert.strictEqual(error._tag, "TransportError")
      if (error._tag !== "TransportError") return
      assert.strictEqual(error.reason, "DnsFailure")
      assert.strictEqual(error.endpoint, "https://api.soracom.io/v1")
      assert.strictEqual(
        error.message,
        "Could not reach SORACOM at https://api.soracom.io/v1: the host name could not be resolved (ENOTFOUND).",
      )
    }),
  )
})

describe("redacted header names", () => {
  it.effect("X-Soracom-API-Key and X-Soracom-Token are on Headers.CurrentRedactedNames during calls", () =>
    Effect.gen(function* () {
      let seen: ReadonlyArray<string | RegExp> = []
      const http = testHttp(() =>
        Effect.map(Headers.CurrentRedactedNames, (names) => {
          seen = names
          return okAuth()
        }),
      )
      yield* SoracomAuth.SoracomAuth.use((a) =>
        a.auth(
          new AuthRequest.AuthRequest({
            credentials: new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make("s") }),
          }),
        ),
      ).pipe(
        Effect.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))),
      )
      assert.include(seen, "X-Soracom-API-Key")
      assert.include(seen, "X-Soracom-Token")
    }),
  )
})
