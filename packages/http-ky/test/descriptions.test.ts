/**
 * What a failure's description says, word for word: the innermost error's message (the first `code` seen in the
 * chain added when the message lacks it), which limit fired for a timeout, "aborted", and whether the body was
 * being read. The chains are built here (through the `fetch` option) or come from real sockets, so each case
 * knows its expected words without reading the implementation.
 */

import { Effect } from "effect"
import { HttpClient, HttpClientRequest } from "effect/http"
import { describe, expect, it } from "vitest"
import { KyHttpClient } from "../src/index.ts"
import { refusedUrl, startServer } from "./helpers/server.ts"

const coded = (message: string, code: string, cause?: unknown): Error =>
  Object.assign(new Error(message, cause === undefined ? {} : { cause }), { code })

/** The description of the failure when `fetch` rejects with `error`. */
const describeRejection = async (error: unknown): Promise<string> => {
  const fetch: typeof globalThis.fetch = () => Promise.reject(error)
  const failure = await Effect.runPromise(
    HttpClient.get("http://127.0.0.1:9/v1/x").pipe(
      Effect.provide(KyHttpClient.layer({ fetch })),
      Effect.flip,
    ),
  )
  return (failure.reason as { description?: string }).description ?? ""
}

describe("transport failure descriptions", () => {
  it("a thrown value with no usable toString is still described, as a typed failure", async () => {
    // String() throws on a null-prototype object, and on one whose toString throws
    expect(await describeRejection(Object.create(null))).toBe("failed: [object Object]")
    const hostile = {
      toString() {
        throw new Error("no words")
      },
    }
    expect(await describeRejection(hostile)).toBe("failed: [object Object]")
  })

  it("an error without a cause: its own message", async () => {
    expect(await describeRejection(new Error("outer"))).toBe("failed: outer")
  })

  it("the innermost message, with the code of the chain when the message lacks it", async () => {
    expect(
      await describeRejection(new Error("outer", { cause: coded("socket hang up", "ECONNRESET") })),
    ).toBe("failed: socket hang up (ECONNRESET)")
  })

  it("the FIRST code seen, not the innermost one", async () => {
    const chain = coded("outer", "E_OUTER", coded("middle", "E_MIDDLE", new Error("inner")))
    expect(await describeRejection(chain)).toBe("failed: inner (E_OUTER)")
  })

  it("a code the message already names is not repeated", async () => {
    expect(await describeRejection(new Error("x", { cause: coded("EPIPE: broken pipe", "EPIPE") }))).toBe(
      "failed: EPIPE: broken pipe",
    )
  })

  it("a null cause, or an error that is its own cause, ends the chain there", async () => {
    expect(await describeRejection(new Error("outer", { cause: null }))).toBe("failed: outer")
    const self = new Error("self")
    ;(self as { cause?: unknown }).cause = self
    expect(await describeRejection(self)).toBe("failed: self")
  })

  it("a chain is followed 16 steps deep, no further (and a loop ends)", async () => {
    let error: Error = new Error("e20")
    for (let i = 19; i >= 0; i--) error = new Error(`e${i}`, { cause: error })
    expect(await describeRejection(error)).toBe("failed: e16")
    const a = new Error("a")
    const b = new Error("b", { cause: a })
    ;(a as { cause?: unknown }).cause = b
    // a → b → a … : 16 steps from a land on a again
    expect(await describeRejection(a)).toBe("failed: a")
  })

  it("an AggregateError (several addresses tried): its first error", async () => {
    const all = new AggregateError(
      [coded("connect ECONNREFUSED ::1:9", "ECONNREFUSED"), new Error("second")],
      "x",
    )
    expect(await describeRejection(all)).toBe("failed: connect ECONNREFUSED ::1:9")
    const empty = new AggregateError([], "none", { cause: coded("under", "E_UNDER") })
    expect(await describeRejection(empty)).toBe("failed: under (E_UNDER)")
  })

  it("an AbortError: aborted", async () => {
    expect(await describeRejection(new DOMException("stopped", "AbortError"))).toBe("aborted")
  })

  it("a refused connection: a network error, with the platform's words", async () => {
    const url = await refusedUrl()
    const failure = await Effect.runPromise(
      HttpClient.get(url).pipe(Effect.provide(KyHttpClient.layer()), Effect.flip),
    )
    const description = (failure.reason as { description?: string }).description ?? ""
    expect(description).toMatch(/^network error: .*ECONNREFUSED/)
    expect(description.match(/ECONNREFUSED/g)?.length).toBe(1)
  })

  it("a body that fails while being read: the phase is named", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'))
        controller.error(new DOMException("stopped", "AbortError"))
      },
    })
    const fetch: typeof globalThis.fetch = async () => new Response(body, { status: 200 })
    const failure = await Effect.runPromise(
      HttpClient.get("http://127.0.0.1:9/v1/x").pipe(
        Effect.provide(KyHttpClient.layer({ fetch })),
        Effect.flip,
      ),
    )
    expect((failure.reason as { description?: string }).description).toBe(
      "aborted while reading the response body",
    )
    const reset = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(coded("other side closed", "UND_ERR_SOCKET"))
      },
    })
    const resetFetch: typeof globalThis.fetch = async () => new Response(reset, { status: 200 })
    const lost = await Effect.runPromise(
      HttpClient.get("http://127.0.0.1:9/v1/x").pipe(
        Effect.provide(KyHttpClient.layer({ fetch: resetFetch })),
        Effect.flip,
      ),
    )
    expect((lost.reason as { description?: string }).description).toBe(
      "connection lost while reading the response body: other side closed (UND_ERR_SOCKET)",
    )
  })
})

describe("timeout descriptions name the limit that applies", () => {
  const neverAnswers = async (options: KyHttpClient.Options) => {
    const server = await startServer(() => {})
    try {
      const failure = await Effect.runPromise(
        HttpClient.get(server.url).pipe(Effect.provide(KyHttpClient.layer(options)), Effect.flip),
      )
      return (failure.reason as { description?: string }).description
    } finally {
      await server.close()
    }
  }

  it("only a total timeout", async () => {
    expect(await neverAnswers({ timeout: "Infinity", totalTimeout: "300 millis" })).toBe(
      "timed out (300 ms in total)",
    )
  })

  it("both limits", async () => {
    expect(await neverAnswers({ timeout: "30 seconds", totalTimeout: "300 millis" })).toBe(
      "timed out (30000 ms per attempt, 300 ms in total)",
    )
  })
})

describe("requests that cannot be sent never repeat credentials of the URL", () => {
  it("also when the platform's message spells the URL differently from the request", async () => {
    // The platform normalises the scheme to lower case, so the URL in its message is not the request's text.
    const failure = await Effect.runPromise(
      HttpClient.execute(HttpClientRequest.get("HTTP://ada:CANARY-pw@127.0.0.1:9/v1/x")).pipe(
        Effect.provide(KyHttpClient.layer()),
        Effect.flip,
      ),
    )
    const description = (failure.reason as { description?: string }).description ?? ""
    expect(description).toMatch(/^request not sent: /)
    expect(description).toContain("http://<redacted>@127.0.0.1:9/v1/x")
    expect(description).not.toMatch(/CANARY|ada/)
  })
})
