/**
 * The timeout options at their edges: ky's documented ceiling for a timeout is 2147483647 ms (the largest
 * setTimeout delay), so exactly that is honoured — a request goes through under it — and one millisecond more is a
 * typed layer error; an input that is no duration at all is refused with the input named.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { HttpClient } from "effect/http"
import { KyHttpClient } from "../src/index.ts"
import { json, testServer } from "./helpers/server.ts"

const ceiling = 2 ** 31 - 1

describe("timeout options at their edges", () => {
  it.live("exactly 2147483647 ms is honoured, per attempt and in total: a request goes through", () =>
    Effect.gen(function* () {
      const server = yield* testServer((_req, res) => json(res, 200, { ok: true }))
      const response = yield* HttpClient.get(server.url).pipe(
        Effect.provide(
          KyHttpClient.layer({ timeout: Duration.millis(ceiling), totalTimeout: Duration.millis(ceiling) }),
        ),
      )
      assert.strictEqual(response.status, 200)
    }),
  )

  it.effect("one millisecond more is refused, naming the option and the value", () =>
    Effect.gen(function* () {
      for (const option of ["timeout", "totalTimeout"] as const) {
        const error = yield* Effect.flip(KyHttpClient.make({ [option]: Duration.millis(ceiling + 1) }))
        assert.strictEqual(error._tag, "InvalidOptions")
        assert.strictEqual(error.option, option)
        assert.include(error.message, `got ${ceiling + 1} ms`)
      }
    }),
  )

  it.effect("an input that is no duration is refused, naming it", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        KyHttpClient.make({ totalTimeout: "a while" as unknown as Duration.Input }),
      )
      assert.strictEqual(error._tag, "InvalidOptions")
      assert.strictEqual(error.option, "totalTimeout")
      assert.include(error.reason, "a while")
      assert.match(error.message, /not a duration/)
    }),
  )
})
