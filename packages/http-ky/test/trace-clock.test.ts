/**
 * A trace's duration is read from Effect's `Clock`, so a test clock decides it: the time that passes on the clock
 * between sending and the last byte of the body, in milliseconds — whatever the clock read when the exchange
 * began. No wall-clock bound: the server holds its answer until the test has moved the clock.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { HttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import { HttpTrace, KyHttpClient } from "../src/index.ts"
import { testServer } from "./helpers/server.ts"

/** A promise and the function that resolves it. */
const signal = () => {
  let resolve = () => {}
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve: () => resolve() }
}

describe("the trace's duration", () => {
  it.effect("is the Clock's time from sending to the body's last byte, in ms", () =>
    Effect.gen(function* () {
      // the clock far from zero, so a duration can only be a difference of two readings
      yield* TestClock.setTime(Date.UTC(2026, 11, 1, 6, 0, 0))
      const headersSent = signal()
      const finish = signal()
      const server = yield* testServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.write('{"part":')
        headersSent.resolve()
        void finish.promise.then(() => res.end('"two"}'))
      })
      const entries: Array<HttpTrace.TraceEntry> = []
      const arrived = server.nextRequest()
      const fiber = yield* HttpClient.get(`${server.url}/v1/x`).pipe(
        Effect.flatMap((r) => r.json),
        Effect.provide(KyHttpClient.layer({ trace: (e) => void entries.push(e) })),
        Effect.forkChild,
      )
      yield* Effect.promise(() => arrived)
      yield* TestClock.adjust("200 millis") // waiting for the headers
      yield* Effect.promise(() => headersSent.promise)
      yield* TestClock.adjust("50 millis") // the body still coming
      finish.resolve()
      assert.deepStrictEqual(yield* Fiber.join(fiber), { part: "two" })
      assert.strictEqual(entries.length, 1)
      assert.strictEqual(entries[0]?.durationMs, 250)
      assert.match(HttpTrace.format(entries[0]!), /^< 200 \(250\.0 ms\)$/m)
    }),
  )
})
