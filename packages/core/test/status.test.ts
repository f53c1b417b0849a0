/**
 * The one status → error function and the wait a 429 asks for (`internal/status.ts`), from the API contract:
 * 5xx (500–599) is a `ServerError`; 401 is `AuthFailed` wherever credentials are checked; 400 means what each
 * operation's contract says (switch: not allowed; renewal: refused); anything else is an `UnexpectedResponse`
 * naming the status. `Retry-After` is delta-seconds or an HTTP date (RFC 9110 §10.2.3); a value that is neither,
 * or SORACOM's own `X-Soracom-Ratelimit-Seconds-Before-Refresh` that is no number, is no wait. Server text kept
 * in an error is at most 300 characters.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Option } from "effect"
import type { Errors } from "../src/index.ts"
import { errorFromResponse, retryAfter, scrub } from "../src/internal/status.ts"

const errorOf = (operation: Errors.Operation, status: number, body = "") =>
  errorFromResponse({ operation, status, headers: {}, body, secrets: [], nowMillis: 0 })

describe("status → error", () => {
  it("500 through 599 are server errors; 600 is not an HTTP status SORACOM can give", () => {
    for (const status of [500, 503, 599])
      assert.strictEqual(errorOf("auth", status)._tag, "ServerError", String(status))
    const odd = errorOf("auth", 600)
    assert.strictEqual(odd._tag, "UnexpectedResponse")
    assert.strictEqual(
      odd._tag === "UnexpectedResponse" && odd.detail,
      "HTTP 600 is not an answer this operation can give",
    )
  })

  it("switch user: 401 AuthFailed, 400 SwitchUserNotAllowed, 403 unexpected", () => {
    assert.strictEqual(errorOf("switchUser", 401)._tag, "AuthFailed")
    assert.strictEqual(errorOf("switchUser", 400)._tag, "SwitchUserNotAllowed")
    assert.strictEqual(errorOf("switchUser", 403)._tag, "UnexpectedResponse")
  })

  it("renewal: 401 AuthFailed, 400 RenewalRefused, 403 unexpected", () => {
    assert.strictEqual(errorOf("generateAuthToken", 401)._tag, "AuthFailed")
    assert.strictEqual(errorOf("generateAuthToken", 400)._tag, "RenewalRefused")
    assert.strictEqual(errorOf("generateAuthToken", 403)._tag, "UnexpectedResponse")
  })
})

describe("server text kept in an error: at most 300 characters", () => {
  it("300 are kept whole; 301 are cut to 300 and an ellipsis", () => {
    const exactly = "m".repeat(300)
    assert.strictEqual(scrub(exactly, []), exactly)
    assert.strictEqual(scrub(`${exactly}x`, []), `${exactly}…`)
    const error = errorOf("auth", 401, JSON.stringify({ code: "AUM0002", message: "y".repeat(400) }))
    assert.strictEqual(error._tag === "AuthFailed" && error.serverMessage, `${"y".repeat(300)}…`)
  })
})

describe("the wait a 429 asks for", () => {
  const wait = (headers: Record<string, string>) =>
    Option.map(retryAfter(headers, Date.parse("2026-01-01T00:00:00Z")), Duration.toMillis)
  const sr = "x-soracom-ratelimit-seconds-before-refresh"

  it("delta-seconds, with a fraction too", () => {
    assert.deepStrictEqual(wait({ "retry-after": "1.25" }), Option.some(1250))
    assert.deepStrictEqual(wait({ "retry-after": "0" }), Option.some(0))
    // Surrounding whitespace is not part of a field value (RFC 9110 §5.5).
    assert.deepStrictEqual(wait({ "retry-after": " 7 " }), Option.some(7000))
    assert.deepStrictEqual(wait({ [sr]: "\t3 " }), Option.some(3000))
    assert.deepStrictEqual(wait({ [sr]: "2.25" }), Option.some(2250))
  })

  it("an HTTP date: the time until then, none when already past", () => {
    assert.deepStrictEqual(wait({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), Option.some(30_000))
    assert.deepStrictEqual(wait({ "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }), Option.some(0))
  })

  it("a Retry-After that is neither a number nor a date gives way to SORACOM's header", () => {
    for (const bad of ["a5", "12abc", "soon", "5 s", ""])
      assert.deepStrictEqual(wait({ "retry-after": bad, [sr]: "9" }), Option.some(9000), bad)
  })

  it("SORACOM's header that is no number: no wait", () => {
    for (const bad of ["a5", "12abc", "1.", "soon"])
      assert.deepStrictEqual(wait({ [sr]: bad }), Option.none(), bad)
  })
})
