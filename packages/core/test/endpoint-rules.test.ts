/**
 * `Endpoint.validate`'s refusals, each in its own words (a URL is never repeated: it may hold a password), and
 * URLs that only look suspicious: a path may contain `@` or `://` (RFC 3986 allows both in a path segment); a
 * space is no URL character anywhere.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Endpoint } from "../src/index.ts"

const check = (url: string) => Effect.runSync(Effect.exit(Endpoint.validate(Endpoint.url(url))))
const reasonOf = (url: string) => {
  const exit = check(url)
  return Exit.isFailure(exit)
    ? Effect.runSync(Effect.flip(Endpoint.validate(Endpoint.url(url)))).reason
    : undefined
}

describe("Endpoint.validate", () => {
  it("user info, a query or a fragment: refused, each with its own sentence", () => {
    assert.strictEqual(
      reasonOf("http://user:pw@127.0.0.1:8080"),
      "The endpoint must not contain a user name or password (user:password@host); SORACOM takes credentials only in the request.",
    )
    assert.strictEqual(
      reasonOf("http://h.example/x?a=1"),
      "The endpoint must not contain a query (?…) or a fragment (#…).",
    )
    assert.strictEqual(
      reasonOf("http://h.example/#top"),
      "The endpoint must not contain a query (?…) or a fragment (#…).",
    )
    assert.strictEqual(reasonOf("h.example"), "The endpoint must be an absolute http:// or https:// URL.")
    // Not http(s) at the start: that is the fault, whatever a later part of it looks like.
    assert.strictEqual(
      reasonOf("ftp://h.example/https://user@other"),
      "The endpoint must be an absolute http:// or https:// URL.",
    )
  })

  it("a path holding @ and :// is a path, not user info", () => {
    assert.isTrue(Exit.isSuccess(check("http://h.example/mirror/https://user@other")))
  })

  it("a space in the path: not a URL", () => {
    assert.strictEqual(
      reasonOf("http://h.example/a b"),
      "The endpoint must be an absolute http:// or https:// URL.",
    )
  })
})
