/**
 * The sandbox's secret hashing against published known answers, not against itself: scrypt as documented
 * (N = 2^cost, r = 8, p = 1, 32-byte key) verifies RFC 7914's test vector, SHA-256 gives FIPS 180's "abc" digest,
 * comparisons of different lengths are false (not a throw), and random tokens have the promised size.
 */
import { describe, expect, it } from "vitest"
import {
  dummyHash,
  hashSecret,
  randomToken,
  sameBytes,
  sha256,
  sha256Hex,
  verifySecret,
} from "../src/internal/secrets.ts"

// RFC 7914 §12, the third vector: P = "pleaseletmein", S = "SodiumChloride", N = 16384 (cost 14), r = 8, p = 1.
// Its 64-byte output; a 32-byte key is its first half (PBKDF2's output blocks are independent).
const rfc7914 =
  "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2" +
  "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"

describe("secrets", () => {
  it("verifies RFC 7914's scrypt vector at its cost, and refuses a wrong secret", async () => {
    const stored = {
      salt: Buffer.from("SodiumChloride"),
      hash: Buffer.from(rfc7914.slice(0, 64), "hex"),
      cost: 14,
    }
    expect(await verifySecret("pleaseletmein", stored)).toBe(true)
    expect(await verifySecret("pleaseletmeIn", stored)).toBe(false)
    // the stored cost is the one used: the same hash read as cost 13 does not verify
    expect(await verifySecret("pleaseletmein", { ...stored, cost: 13 })).toBe(false)
  })

  it("a hash made now verifies its secret only, with a fresh salt each time", async () => {
    const a = await hashSecret("s3cret", 2)
    const b = await hashSecret("s3cret", 2)
    expect(a.cost).toBe(2)
    expect(a.hash.length).toBe(32)
    expect(a.salt.length).toBe(16)
    expect(a.salt.equals(b.salt)).toBe(false)
    expect(await verifySecret("s3cret", a)).toBe(true)
    expect(await verifySecret("s3cret", b)).toBe(true)
    expect(await verifySecret("s3cret!", a)).toBe(false)
    const dummy = await dummyHash(2)
    expect(dummy.cost).toBe(2)
    expect(await verifySecret("s3cret", dummy)).toBe(false)
  })

  it("SHA-256 of 'abc' is FIPS 180-2's digest", () => {
    const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    expect(sha256Hex("abc")).toBe(abc)
    expect(sha256("abc").toString("hex")).toBe(abc)
  })

  it("sameBytes: equal, different, and different lengths (false, no throw)", () => {
    expect(sameBytes(Buffer.from("abc"), Buffer.from("abc"))).toBe(true)
    expect(sameBytes(Buffer.from("abc"), Buffer.from("abd"))).toBe(false)
    expect(sameBytes(Buffer.from("abc"), Buffer.from("abcd"))).toBe(false)
  })

  it("random tokens: 32 bytes (43 base64url characters) by default, another size on request, never repeated", () => {
    const token = randomToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, "base64url").length).toBe(32)
    expect(Buffer.from(randomToken(16), "base64url").length).toBe(16)
    expect(randomToken()).not.toBe(token)
  })
})
