/**
 * The sandbox's TOTP check against the RFC's own numbers, not against a TOTP library: the secret of RFC 4226
 * Appendix D / RFC 6238 Appendix B ("12345678901234567890" in ASCII), whose published 6-digit HOTP values per
 * counter and 8-digit TOTP values per time are the expectations. TOTP counter = floor(unix seconds / 30); the
 * sandbox documents a tolerance of ±1 period. Every check runs on a sandbox of its own, so that no earlier
 * sign-in (replay protection) can be the reason for a refusal.
 */
import { describe, expect, it } from "vitest"
import { startSandbox } from "../src/index.ts"

// base32("12345678901234567890")
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
/** RFC 4226 Appendix D: HOTP(secret, counter), 6 digits. */
const hotp = [
  "755224",
  "287082",
  "359152",
  "969429",
  "338314",
  "254676",
  "287922",
  "162583",
  "399871",
  "520489",
]

/** Signs in the RFC-secret root account once, at `atSeconds` (unix time), with `code`; the HTTP status. */
const signInAt = async (atSeconds: number, code: string): Promise<number> => {
  const sandbox = await startSandbox({
    port: 0,
    log: false,
    hashCost: 1,
    rateLimit: false,
    clock: () => atSeconds * 1000,
    seed: {
      operators: [
        { operatorId: "OP0000006238", email: "rfc@example.com", password: "pw-6238", mfaSecret: rfcSecret },
      ],
    },
  })
  try {
    const r = await fetch(`${sandbox.url}/auth`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "rfc@example.com", password: "pw-6238", mfaOTPCode: code }),
    })
    await r.arrayBuffer()
    return r.status
  } finally {
    await sandbox.close()
  }
}

describe("sandbox MFA (TOTP, RFC 6238, SHA-1, 6 digits, 30 s, ±1 period)", () => {
  it("accepts the RFC 6238 Appendix B known answers at their times (last 6 of the 8 published digits)", async () => {
    const vectors: ReadonlyArray<readonly [number, string]> = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ]
    for (const [t, code] of vectors)
      expect({ t, status: await signInAt(t, code.slice(-6)) }).toEqual({ t, status: 200 })
  })

  // At t = 95 s the counter is 3 (90…119 s).
  const t = 95

  it("accepts the current code and those of one period either side", async () => {
    expect(await signInAt(t, hotp[3]!)).toBe(200)
    expect(await signInAt(t, hotp[2]!)).toBe(200) // 30 s old
    expect(await signInAt(t, hotp[4]!)).toBe(200) // 30 s ahead
  })

  it("refuses a code 60 s old and one 60 s ahead (two periods away), and codes further out", async () => {
    expect(await signInAt(t, hotp[1]!)).toBe(401) // 60 s old
    expect(await signInAt(t, hotp[5]!)).toBe(401) // 60 s ahead
    expect(await signInAt(t, hotp[0]!)).toBe(401) // 90 s old
    expect(await signInAt(t, hotp[6]!)).toBe(401) // 90 s ahead
  })

  it("a code is valid by time, not forever: the 59 s answer is refused 60 s later", async () => {
    expect(await signInAt(59, "287082")).toBe(200)
    expect(await signInAt(59 + 60, "287082")).toBe(401)
  })
})
