/**
 * Small behaviours that mutation testing (`pnpm mutate core`) found untested; each expectation follows from the
 * documented contract (JSDoc), not from the code.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Redacted } from "effect"
import { AuthResponse, Endpoint } from "../src/index.ts"

const expiringAt = (millis: number) =>
  new AuthResponse.AuthResponse({
    apiKey: Redacted.make("k"),
    token: Redacted.make("t"),
    operatorId: "OP0012345678",
    expiresAt: DateTime.makeUnsafe(millis),
  })

describe("AuthResponse.isFresh: valid at `now` with `margin` to spare", () => {
  it("no margin: fresh up to the millisecond before expiry, not at it", () => {
    const s = expiringAt(10_000)
    assert.isTrue(AuthResponse.isFresh(s, 9_999))
    assert.isFalse(AuthResponse.isFresh(s, 10_000))
    assert.isFalse(AuthResponse.isFresh(s, 10_001))
  })

  it("a margin moves the edge earlier by exactly that much", () => {
    const s = expiringAt(10_000)
    assert.isTrue(AuthResponse.isFresh(s, 8_999, 1_000))
    assert.isFalse(AuthResponse.isFresh(s, 9_000, 1_000))
    assert.isFalse(AuthResponse.isFresh(s, 9_500, 1_000))
  })
})

describe("Endpoint.resolve of a custom URL: always …/v1, no trailing slash", () => {
  it("surrounding blanks and any number of trailing slashes go", () => {
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("  http://127.0.0.1:8080  ")),
      "http://127.0.0.1:8080/v1",
    )
    assert.strictEqual(Endpoint.resolve(Endpoint.url("http://127.0.0.1:8080///")), "http://127.0.0.1:8080/v1")
    assert.strictEqual(Endpoint.resolve(Endpoint.url(" http://h.example/v1// ")), "http://h.example/v1")
  })

  it("a path is kept and /v1 appended once", () => {
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("https://proxy.example/soracom/")),
      "https://proxy.example/soracom/v1",
    )
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("https://proxy.example/soracom/v1")),
      "https://proxy.example/soracom/v1",
    )
  })
})
