/** The session cache file: one Schema (core's AuthResponseJson + endpoint, method, identity) both ways. */
import { AuthResponse } from "@soracom-auth/core"
import { DateTime, Option, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { type CachedSession, parse, serialize } from "../../src/session/SessionCache.ts"

const cached: CachedSession = {
  endpoint: "http://127.0.0.1:1/v1",
  method: "samUser",
  identity: "OP0000000001/ada",
  session: new AuthResponse.AuthResponse({
    apiKey: Redacted.make("api-key-1"),
    token: Redacted.make("token-1"),
    operatorId: "OP0000000001",
    userName: "ada",
    issuedAt: DateTime.makeUnsafe(1_000),
    expiresAt: DateTime.makeUnsafe(601_000),
  }),
}

describe("SessionCache file", () => {
  it("round-trips through its Schema, secrets Redacted in memory and in clear only in the file", () => {
    const text = serialize(cached)
    expect(JSON.parse(text)).toEqual({
      version: 2,
      endpoint: "http://127.0.0.1:1/v1",
      method: "samUser",
      identity: "OP0000000001/ada",
      session: {
        apiKey: "api-key-1",
        token: "token-1",
        operatorId: "OP0000000001",
        userName: "ada",
        issuedAt: "1970-01-01T00:00:01.000Z",
        expiresAt: "1970-01-01T00:10:01.000Z",
      },
    })
    const back = Option.getOrThrow(parse(text))
    expect(Redacted.isRedacted(back.session.token)).toBe(true)
    expect(Redacted.value(back.session.token)).toBe("token-1")
    expect(AuthResponse.refreshAt(back.session)).toBe(601_000 - 60_000)
    expect(String(back.session.apiKey)).not.toContain("api-key-1")
  })

  it("anything else reads as no session: another version, a missing field, a wrong method, not JSON", () => {
    const json = JSON.parse(serialize(cached))
    for (const broken of [
      { ...json, version: 1 },
      { ...json, session: { ...json.session, token: undefined } },
      { ...json, method: "password" },
      "not json",
    ]) {
      expect(Option.isNone(parse(typeof broken === "string" ? broken : JSON.stringify(broken)))).toBe(true)
    }
  })
})
