/**
 * The sandbox's state over time, driven directly (no HTTP, hash cost 1, a hand-moved clock): a long-running
 * sandbox forgets what can no longer be used (expired sessions, earlier tokens past their lifetime, reset tokens a
 * day past expiry) and keeps the rest; new operators never take a seeded operator's ID; a password reset touches
 * only its own operator; an operator's record carries its creation time.
 */
import { describe, expect, it } from "vitest"
import { State } from "../src/internal/state.ts"
import type { Seed } from "../src/seed.ts"
import { manualClock } from "./helpers.ts"

const seed: Seed = {
  operators: [
    {
      operatorId: "OP0000000040",
      email: "forty@example.com",
      password: "pw-40",
      authKeys: [{ authKeyId: "keyId-40", authKey: "secret-40" }],
      users: [{ userName: "u", password: "pw-u" }],
    },
    { operatorId: "OP0000000041", email: "forty-one@example.com", password: "pw-41" },
  ],
}

const make = async (time = manualClock(), log: (line: string) => void = () => {}) =>
  State.make(seed, { hashCost: 1, resetTokenTtlSeconds: 600, clock: time.clock, log, rejectTotpReuse: true })

const value = <A>(outcome: { ok: true; value: A } | { ok: false }): A => {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`)
  return outcome.value
}
const errorOf = (outcome: { ok: boolean; error?: string }) => (outcome.ok ? "ok" : outcome.error)

/** 4096 sign-ins: enough that the periodic clean-up runs at least once, at the clock's current time. */
const churn = async (state: State) => {
  for (let i = 0; i < 4096; i++) value(await state.authByKey("keyId-40", "secret-40", 86400))
}

describe("State: clean-up of a long-running sandbox", () => {
  it("an expired session is forgotten (renewal then says unknown, 401, not expired, 400); live ones stay", async () => {
    const time = manualClock()
    const state = await make(time)
    const short = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    const long = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 3600))
    time.advance(180_000)
    expect(errorOf(state.renewToken(short.apiKey, short.token, short.operatorId, 600))).toBe(
      "apiTokenExpired",
    )
    await churn(state)
    expect(errorOf(state.renewToken(short.apiKey, short.token, short.operatorId, 600))).toBe("tokenRequired")
    expect(state.caller(long.apiKey, long.token)?.operatorId).toBe("OP0000000040")
    expect(errorOf(state.renewToken(long.apiKey, long.token, long.operatorId, 600))).toBe("ok")
  })

  it("the clean-up is occasional: an expired token still reads as expired (400) after other sign-ins", async () => {
    const time = manualClock()
    const state = await make(time)
    const short = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    time.advance(180_000)
    for (let i = 0; i < 3; i++) value(await state.authByKey("keyId-40", "secret-40", 600))
    expect(errorOf(state.renewToken(short.apiKey, short.token, short.operatorId, 600))).toBe(
      "apiTokenExpired",
    )
  })

  it("a renewed session keeps its live earlier tokens through a clean-up and drops the expired ones", async () => {
    const time = manualClock()
    const state = await make(time)
    const s = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    const second = value(state.renewToken(s.apiKey, s.token, s.operatorId, 7200)).token
    const third = value(state.renewToken(s.apiKey, second, s.operatorId, 7200)).token
    time.advance(180_000)
    // The first token has expired, the second (earlier, live) and the third (newest) have not.
    expect(errorOf(state.renewToken(s.apiKey, s.token, s.operatorId, 600))).toBe("apiTokenExpired")
    await churn(state)
    expect(errorOf(state.renewToken(s.apiKey, s.token, s.operatorId, 600))).toBe("tokenRequired")
    expect(state.caller(s.apiKey, second)?.expiresAt).toBe(Date.parse("2026-11-30T02:00:00Z"))
    expect(state.caller(s.apiKey, third)).toBeDefined()
  })

  it("a session whose newest token expired but an earlier one lives on is kept", async () => {
    const time = manualClock()
    const state = await make(time)
    const s = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 7200))
    const renewed = value(state.renewToken(s.apiKey, s.token, s.operatorId, 180)).token
    time.advance(180_000)
    await churn(state)
    expect(state.caller(s.apiKey, s.token)?.expiresAt).toBe(Date.parse("2026-11-30T02:00:00Z"))
    expect(errorOf(state.renewToken(s.apiKey, renewed, s.operatorId, 600))).toBe("apiTokenExpired")
  })

  it("renewal forgets the earlier tokens that have expired: they then read as unknown", async () => {
    const time = manualClock()
    const state = await make(time)
    const s = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    const second = value(state.renewToken(s.apiKey, s.token, s.operatorId, 3600)).token
    time.advance(180_000)
    expect(errorOf(state.renewToken(s.apiKey, s.token, s.operatorId, 600))).toBe("apiTokenExpired")
    value(state.renewToken(s.apiKey, second, s.operatorId, 3600))
    expect(errorOf(state.renewToken(s.apiKey, s.token, s.operatorId, 600))).toBe("tokenRequired")
    expect(errorOf(state.renewToken(s.apiKey, second, s.operatorId, 600))).toBe("ok")
  })

  it("a reset token reads as expired (404) until a day past its expiry, then as unknown (400)", async () => {
    const time = manualClock()
    const state = await make(time)
    value(state.issueResetToken("forty@example.com"))
    value(state.issueResetToken("forty-one@example.com"))
    const [first, second] = state.outbox()
    // TTL 600 s; the clean-up runs one day past the first's expiry minus 1 ms: still "expired".
    time.advance(600_000 + 86_400_000 - 1)
    await churn(state)
    expect(errorOf(await state.verifyResetToken(first!.token, "new"))).toBe("expiredResetToken")
    time.advance(1)
    await churn(state)
    expect(errorOf(await state.verifyResetToken(first!.token, "new"))).toBe("invalidResetToken")
    expect(errorOf(await state.verifyResetToken(second!.token, "new"))).toBe("invalidResetToken")
  })

  it("revokeSessions counts only live sessions but removes expired ones too", async () => {
    const time = manualClock()
    const state = await make(time)
    const a = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    const b = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 181))
    time.advance(180_000)
    expect(state.revokeSessions(a.apiKey)).toBe(0)
    expect(errorOf(state.renewToken(a.apiKey, a.token, a.operatorId, 600))).toBe("tokenRequired")
    expect(state.revokeSessions()).toBe(1)
    expect(state.caller(b.apiKey, b.token)).toBeUndefined()
    expect(state.revokeSessions()).toBe(0)
  })

  it("logout of an expired token is refused (tokenRequired) yet revokes the key", async () => {
    const time = manualClock()
    const state = await make(time)
    const s = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 180))
    time.advance(180_000)
    expect(errorOf(state.logout(s.apiKey, s.token))).toBe("tokenRequired")
    expect(errorOf(state.renewToken(s.apiKey, s.token, s.operatorId, 600))).toBe("tokenRequired")
  })
})

describe("State: operators", () => {
  it("a new operator's ID follows the highest seeded one and takes nobody's place", async () => {
    const time = manualClock()
    const state = await make(time)
    time.advance(5000)
    const created = value(await state.initOperator("new@example.com", "pw-new"))
    expect(created.operatorId).toBe("OP0000000042")
    expect(state.operatorRecord("OP0000000040")?.email).toBe("forty@example.com")
    expect(state.operatorRecord("OP0000000041")?.email).toBe("forty-one@example.com")
    expect(value(await state.authByUser("OP0000000040", "u", "pw-u", undefined, 600)).userName).toBe("u")
    expect(value(await state.initOperator("newer@example.com", "pw")).operatorId).toBe("OP0000000043")
    // The record: the operator's own ID as root, no description, created (= updated) when it was made.
    expect(state.operatorRecord(created.operatorId)).toEqual({
      operatorId: "OP0000000042",
      rootOperatorId: "OP0000000042",
      email: "new@example.com",
      description: "",
      createDate: "2026-11-30T00:00:05.000Z",
      updateDate: "2026-11-30T00:00:05.000Z",
    })
    expect(state.operatorRecord("OP0000000040")?.createDate).toBe("2026-11-30T00:00:00.000Z")
    expect(state.operatorRecord("OP0000000099")).toBeUndefined()
  })

  it("the next ID does not depend on the seed's order, and a refused init uses no number", async () => {
    const reversed = await State.make(
      { operators: [seed.operators[1]!, seed.operators[0]!] },
      {
        hashCost: 1,
        resetTokenTtlSeconds: 600,
        clock: manualClock().clock,
        log: () => {},
        rejectTotpReuse: true,
      },
    )
    expect(errorOf(await reversed.initOperator("forty@example.com", "again"))).toBe("sandboxInitRejected")
    expect(errorOf(await reversed.initOperator("FORTY-ONE@example.com", "again"))).toBe("sandboxInitRejected")
    expect(value(await reversed.initOperator("fresh@example.com", "pw")).operatorId).toBe("OP0000000042")
  })

  it("two concurrent inits with one email (in any case): exactly one succeeds", async () => {
    const state = await make()
    const results = await Promise.all([
      state.initOperator("same@example.com", "a"),
      state.initOperator("SAME@example.com", "b"),
    ])
    expect(results.map(errorOf).sort()).toEqual(["ok", "sandboxInitRejected"])
    expect(errorOf(await state.initOperator("Forty@Example.com", "c"))).toBe("sandboxInitRejected")
  })

  it("the session of a new operator lasts 86400 s and signs in again with the new password", async () => {
    const time = manualClock()
    const state = await make(time)
    const created = value(await state.initOperator("later@example.com", "pw-later"))
    time.advance(86_400_000 - 1)
    expect(state.caller(created.apiKey, created.token)?.operatorId).toBe(created.operatorId)
    time.advance(1)
    expect(state.caller(created.apiKey, created.token)).toBeUndefined()
    expect(errorOf(await state.authByEmail("LATER@example.com", "pw-later", undefined, 600))).toBe("ok")
  })
})

describe("State: password reset", () => {
  it("a successful reset revokes that operator's sessions and reset tokens only", async () => {
    const state = await make()
    const mine = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 600))
    const myUser = value(await state.authByUser("OP0000000040", "u", "pw-u", undefined, 600))
    const theirs = value(await state.authByEmail("forty-one@example.com", "pw-41", undefined, 600))
    value(state.issueResetToken("forty@example.com"))
    value(state.issueResetToken("forty@example.com"))
    value(state.issueResetToken("forty-one@example.com"))
    const [a, b, c] = state.outbox()
    value(await state.verifyResetToken(a!.token, "pw-40-new"))
    expect(state.caller(mine.apiKey, mine.token)).toBeUndefined()
    expect(state.caller(myUser.apiKey, myUser.token)).toBeUndefined()
    expect(state.caller(theirs.apiKey, theirs.token)?.operatorId).toBe("OP0000000041")
    expect(errorOf(await state.verifyResetToken(b!.token, "x"))).toBe("invalidResetToken")
    expect(errorOf(await state.verifyResetToken(c!.token, "pw-41-new"))).toBe("ok")
    expect(errorOf(await state.authByEmail("forty@example.com", "pw-40-new", undefined, 600))).toBe("ok")
    expect(errorOf(await state.authByEmail("forty-one@example.com", "pw-41-new", undefined, 600))).toBe("ok")
    // The SAM user's password is not the root's: unchanged.
    expect(errorOf(await state.authByUser("OP0000000040", "u", "pw-u", undefined, 600))).toBe("ok")
  })

  it("one token verified twice at once: exactly one succeeds", async () => {
    const state = await make()
    value(state.issueResetToken("forty@example.com"))
    const [mail] = state.outbox()
    const results = await Promise.all([
      state.verifyResetToken(mail!.token, "first"),
      state.verifyResetToken(mail!.token, "second"),
    ])
    expect(results.map(errorOf)).toEqual(["ok", "invalidResetToken"])
    expect(errorOf(await state.authByEmail("forty@example.com", "first", undefined, 600))).toBe("ok")
  })

  it("the mail and the log line name the operator, the token and its expiry", async () => {
    const lines: Array<string> = []
    const time = manualClock()
    const state = await make(time, (l) => lines.push(l))
    value(state.issueResetToken("FORTY@example.com"))
    const [mail] = state.outbox()
    const token = mail!.token
    expect(mail).toEqual({
      to: "forty@example.com",
      operatorId: "OP0000000040",
      kind: "password-reset",
      token,
      subject: "[SORACOM sandbox] Password reset",
      text:
        "A password reset was requested for operator OP0000000040.\n" +
        `Token: ${token}\n` +
        "It expires at 2026-11-30T00:10:00.000Z and works once.\n",
      sentAt: Date.parse("2026-11-30T00:00:00Z"),
      expiresAt: Date.parse("2026-11-30T00:10:00Z"),
    })
    expect(lines).toEqual([
      `[sandbox] password reset mail to forty@example.com (OP0000000040): token ${token} (expires 2026-11-30T00:10:00.000Z)`,
    ])
    expect(errorOf(state.issueResetToken("nobody@example.com"))).toBe("unknownEmail")
    state.clearOutbox()
    expect(state.outbox()).toEqual([])
  })
})

describe("State: tokens and switched sessions", () => {
  const claimsOf = (token: string) => {
    const [header, payload, signature] = token.split(".")
    return {
      header: JSON.parse(Buffer.from(header ?? "", "base64url").toString()),
      payload: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()),
      signature: signature ?? "",
    }
  }

  it("a token is a JWT (RFC 7519) signed HS256: iss the sandbox, sub the identity, iat/exp in seconds, a fresh jti", async () => {
    const time = manualClock(Date.parse("2026-11-30T00:00:00.900Z"))
    const state = await make(time)
    const root = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 600))
    const user = value(await state.authByUser("OP0000000040", "u", "pw-u", undefined, 600))
    const a = claimsOf(root.token)
    expect(a.header).toEqual({ alg: "HS256", typ: "JWT" })
    // HMAC-SHA-256: 32 bytes, base64url.
    expect(Buffer.from(a.signature, "base64url")).toHaveLength(32)
    expect(a.payload).toEqual({
      iss: "soracom-sandbox",
      sub: "OP0000000040",
      operatorId: "OP0000000040",
      iat: Date.parse("2026-11-30T00:00:00Z") / 1000,
      exp: Date.parse("2026-11-30T00:10:00Z") / 1000,
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    })
    const b = claimsOf(user.token)
    expect(b.payload).toMatchObject({ sub: "OP0000000040/u", operatorId: "OP0000000040", userName: "u" })
    expect(b.payload.jti).not.toBe(a.payload.jti)
    expect(root.apiKey).toMatch(/^api-[0-9a-f-]{36}$/)
  })

  it("a switched user's key renews for at most 3600 s, and the refusal names that bound", async () => {
    const state = await make()
    const seedWithTrust: Seed = {
      operators: [
        {
          ...seed.operators[0]!,
          users: [
            {
              userName: "u",
              password: "pw-u",
              // Two principals: the caller needs to match one of them, not all.
              trustPolicy: [
                { operatorId: "OP0000000041", userName: "nobody" },
                { operatorId: "OP0000000040" },
              ],
            },
          ],
        },
        seed.operators[1]!,
      ],
    }
    const trusting = await State.make(seedWithTrust, {
      hashCost: 1,
      resetTokenTtlSeconds: 600,
      clock: manualClock().clock,
      log: () => {},
      rejectTotpReuse: true,
    })
    const root = value(await trusting.authByEmail("forty@example.com", "pw-40", undefined, 600))
    const switched = value(trusting.switchUser(root.apiKey, root.token, "OP0000000040", "u", 3600))
    expect(switched.userName).toBe("u")
    expect(trusting.renewToken(switched.apiKey, switched.token, "OP0000000040", 3601)).toEqual({
      ok: false,
      error: "constraintViolation",
      detail: "must be an integer between 180 and 3600:tokenTimeoutSeconds",
    })
    expect(errorOf(trusting.renewToken(switched.apiKey, switched.token, "OP0000000040", 3600))).toBe("ok")
    // The principal is OP0000000040's root: another operator's root is not it.
    const otherRoot = value(await trusting.authByEmail("forty-one@example.com", "pw-41", undefined, 600))
    expect(errorOf(trusting.switchUser(otherRoot.apiKey, otherRoot.token, "OP0000000040", "u", 600))).toBe(
      "switchUserNotAllowed",
    )
    // Without a trust policy nobody may switch.
    const r = value(await state.authByEmail("forty@example.com", "pw-40", undefined, 600))
    expect(errorOf(state.switchUser(r.apiKey, r.token, "OP0000000040", "u", 600))).toBe(
      "switchUserNotAllowed",
    )
  })

  it("switching needs a live token: an expired one is refused as missing (401), before the target is looked at", async () => {
    const time = manualClock()
    const trusting = await State.make(
      {
        operators: [
          {
            ...seed.operators[0]!,
            users: [{ userName: "u", password: "pw-u", trustPolicy: [{ operatorId: "OP0000000040" }] }],
          },
        ],
      },
      { hashCost: 1, resetTokenTtlSeconds: 600, clock: time.clock, log: () => {}, rejectTotpReuse: true },
    )
    const root = value(await trusting.authByEmail("forty@example.com", "pw-40", undefined, 180))
    time.advance(179_999)
    expect(errorOf(trusting.switchUser(root.apiKey, root.token, "OP0000000040", "u", 600))).toBe("ok")
    time.advance(1)
    expect(errorOf(trusting.switchUser(root.apiKey, root.token, "OP0000000040", "u", 600))).toBe(
      "tokenRequired",
    )
    expect(errorOf(trusting.switchUser(root.apiKey, "wrong", "OP0000000040", "u", 600))).toBe("tokenRequired")
  })
})
