/**
 * `AuthResponse.Plain`: the one plain form (secrets in clear, `expiresAt` as a `Date`) that the Promise client and
 * the Redis store hand around.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Option, Redacted } from "effect"
import { AuthResponse } from "../src/index.ts"

const session = (userName?: string) =>
  new AuthResponse.AuthResponse({
    apiKey: Redacted.make("api-key-1"),
    token: Redacted.make("token-1"),
    operatorId: "OP0012345678",
    ...(userName === undefined ? {} : { userName }),
    expiresAt: DateTime.makeUnsafe("2026-12-01T00:00:00.000Z"),
  })

describe("AuthResponse.Plain", () => {
  it("toPlain: secrets in clear, expiresAt a Date, no userName key for a root user", () => {
    const plain = AuthResponse.toPlain(session())
    assert.deepStrictEqual(plain, {
      apiKey: "api-key-1",
      token: "token-1",
      operatorId: "OP0012345678",
      expiresAt: new Date("2026-12-01T00:00:00.000Z"),
    })
    assert.isFalse("userName" in plain)
    assert.strictEqual(AuthResponse.toPlain(session("sam-user")).userName, "sam-user")
  })

  it("fromPlain ∘ toPlain is the session (secrets Redacted again)", () => {
    for (const original of [session(), session("sam-user")]) {
      const back = Option.getOrThrow(AuthResponse.fromPlain(AuthResponse.toPlain(original)))
      assert.isTrue(Redacted.isRedacted(back.apiKey))
      assert.strictEqual(Redacted.value(back.token), "token-1")
      assert.strictEqual(back.userName, original.userName)
      assert.strictEqual(back.operatorId, "OP0012345678")
      assert.strictEqual(DateTime.toEpochMillis(back.expiresAt), Date.parse("2026-12-01T00:00:00.000Z"))
    }
  })

  it("fromPlain takes expiresAt as JSON.parse leaves it (an ISO string)", () => {
    const parsed = JSON.parse(JSON.stringify(AuthResponse.toPlain(session()))) as AuthResponse.Plain
    const back = Option.getOrThrow(AuthResponse.fromPlain(parsed))
    assert.strictEqual(DateTime.toEpochMillis(back.expiresAt), Date.parse("2026-12-01T00:00:00.000Z"))
  })

  it("fromPlain: a malformed session is None, never a throw", () => {
    const good = AuthResponse.toPlain(session())
    const bad: ReadonlyArray<unknown> = [
      { ...good, expiresAt: new Date(Number.NaN) },
      { ...good, expiresAt: "not a date" },
      { ...good, apiKey: 42 },
      { ...good, operatorId: undefined },
      { ...good, userName: null },
    ]
    for (const plain of bad) assert.isTrue(Option.isNone(AuthResponse.fromPlain(plain as AuthResponse.Plain)))
  })
})
