/**
 * Interrupting the Effect aborts the request: the server sees its socket close at once — within 3 s, where without
 * the abort it would stay open until the layer's 30 s timeout (a bound with room for a loaded 2-core machine; how
 * fast the close really is belongs in a benchmark, not here).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { HttpClient } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { testServer } from "./helpers/server.ts"

const layer = KyHttpClient.layer({ timeout: "30 seconds" })

/** Far below the layer's 30 s timeout, far above any event-loop lag of a loaded machine. */
const promptly = 3_000

describe("cancellation", () => {
  it.live("interrupting while waiting for the headers closes the socket at once", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => {}) // never answers
      const arrived = server.nextRequest()
      const closed = server.nextSocketClose()
      const fiber = yield* HttpClient.post(`${server.url}/v1/auth`).pipe(
        Effect.provide(layer),
        Effect.forkChild,
      )
      yield* Effect.promise(() => arrived)
      const interruptedAt = performance.now()
      yield* Fiber.interrupt(fiber)
      const closedAt = yield* Effect.promise(() => closed)
      assert.isBelow(closedAt - interruptedAt, promptly)
    }),
  )

  it.live("interrupting while the body streams in closes the socket at once", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000000" })
        res.write("[")
      })
      const arrived = server.nextRequest()
      const closed = server.nextSocketClose()
      const fiber = yield* HttpClient.get(server.url).pipe(Effect.provide(layer), Effect.forkChild)
      yield* Effect.promise(() => arrived)
      yield* Effect.sleep("50 millis") // headers are in, the body is pending
      const interruptedAt = performance.now()
      yield* Fiber.interrupt(fiber)
      const closedAt = yield* Effect.promise(() => closed)
      assert.isBelow(closedAt - interruptedAt, promptly)
    }),
  )

  it.live("Effect.timeout around the request aborts it the same way", () =>
    Effect.gen(function* () {
      const server = yield* testServer(() => {})
      const closed = server.nextSocketClose()
      const start = performance.now()
      const exit = yield* HttpClient.get(server.url).pipe(
        Effect.provide(layer),
        Effect.timeout("150 millis"),
        Effect.exit,
      )
      const firedAt = performance.now()
      assert.isTrue(exit._tag === "Failure")
      const closedAt = yield* Effect.promise(() => closed)
      assert.isAtLeast(firedAt - start, 140)
      assert.isBelow(closedAt - firedAt, promptly)
      assert.strictEqual(server.requests.length, 1)
    }),
  )
})
