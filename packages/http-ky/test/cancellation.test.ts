/**
 * Interrupting the Effect aborts the request: the server sees its socket close within 100 ms.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { HttpClient } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { testServer } from "./helpers/server.ts"

const layer = KyHttpClient.layer({ timeout: "30 seconds" })

/**
 * The 100 ms bound is on wall time in a shared process: on a starved machine (e.g. every project's tests at once on
 * 2 cores) the event loop alone can lag past it, so a miss is retried; a real regression fails every run.
 */
const timing = { retry: 2 }

describe("cancellation", () => {
  it.live(
    "interrupting while waiting for the headers closes the socket within 100 ms",
    () =>
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
        assert.isBelow(closedAt - interruptedAt, 100)
      }),
    timing,
  )

  it.live(
    "interrupting while the body streams in closes the socket within 100 ms",
    () =>
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
        assert.isBelow(closedAt - interruptedAt, 100)
      }),
    timing,
  )

  it.live(
    "Effect.timeout around the request aborts it the same way",
    () =>
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
        assert.isBelow(closedAt - firedAt, 100)
        assert.strictEqual(server.requests.length, 1)
      }),
    timing,
  )
})
