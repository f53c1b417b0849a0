/**
 * The retry warning's reason for an error without its own short form: the error's sentence without its final
 * period — only that period, not the first dot of the sentence (an endpoint's host name has some).
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration } from "effect"
import { Errors, RetryPolicy } from "../src/index.ts"

describe("RetryPolicy.retryMessage for a transport error", () => {
  it("a dotted endpoint keeps its dots; the sentence ends with one period", () => {
    const error = new Errors.TransportError({
      operation: "auth",
      endpoint: "https://api.soracom.io/v1",
      reason: "Timeout",
    })
    assert.strictEqual(
      RetryPolicy.retryMessage({
        operation: "auth",
        error,
        attempt: 1,
        maxAttempts: 4,
        delay: Duration.seconds(2),
      }),
      "Retrying the sign-in in 2.0 s (attempt 1 of 4 failed): Could not reach SORACOM at https://api.soracom.io/v1: the request timed out.",
    )
  })
})
