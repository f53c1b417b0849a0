import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import {
  credentialsFromEnv,
  credentialsFromFlags,
  mask,
  profileName,
  resolveEndpoint,
} from "../../src/runtime/resolve.ts"

describe("precedence", () => {
  it("profile: --profile > SORACOM_PROFILE > default", () => {
    expect(profileName("a", { SORACOM_PROFILE: "b" })).toBe("a")
    expect(profileName(undefined, { SORACOM_PROFILE: "b" })).toBe("b")
    expect(profileName(undefined, {})).toBe("default")
  })

  it("endpoint: --endpoint > SORACOM_ENDPOINT > --coverage > SORACOM_COVERAGE_TYPE > profile > jp", () => {
    const profile = { coverageType: "g" as const, endpoint: "http://profile.example" }
    const env = { SORACOM_ENDPOINT: "http://env.example", SORACOM_COVERAGE_TYPE: "g" }
    expect(resolveEndpoint({ flag: "http://flag.example/", coverage: "g", env, profile })).toMatchObject({
      url: "http://flag.example/v1",
      source: "--endpoint",
    })
    expect(resolveEndpoint({ coverage: "jp", env, profile }).url).toBe("http://env.example/v1")
    expect(resolveEndpoint({ coverage: "jp", env: { SORACOM_COVERAGE_TYPE: "g" }, profile }).url).toBe(
      "https://api.soracom.io/v1",
    )
    expect(resolveEndpoint({ env: { SORACOM_COVERAGE_TYPE: "g" }, profile }).url).toBe(
      "https://g.api.soracom.io/v1",
    )
    expect(resolveEndpoint({ env: {}, profile }).url).toBe("http://profile.example/v1")
    expect(resolveEndpoint({ env: {}, profile: { coverageType: "g", sandbox: true } }).url).toBe(
      "https://g.api-sandbox.soracom.io/v1",
    )
    expect(resolveEndpoint({ env: {} })).toMatchObject({
      url: "https://api.soracom.io/v1",
      source: "default",
    })
  })

  it("credentials from flags: complete, incomplete, mixed", () => {
    const secret = Redacted.make("s")
    expect(credentialsFromFlags({})).toBeUndefined()
    expect(credentialsFromFlags({ authKeyId: "keyId-1", authKey: secret })).toMatchObject({ kind: "authKey" })
    expect(credentialsFromFlags({ email: "a@example.com", password: secret })).toMatchObject({ kind: "root" })
    expect(
      credentialsFromFlags({ operatorId: "OP0000000001", userName: "u", password: secret }),
    ).toMatchObject({
      kind: "samUser",
    })
    expect(credentialsFromFlags({ authKeyId: "keyId-1" })).toMatchObject({ _tag: "CredentialProblem" })
    expect(credentialsFromFlags({ userName: "u", password: secret })).toMatchObject({
      _tag: "CredentialProblem",
    })
    expect(credentialsFromFlags({ authKeyId: "k", email: "e", authKey: secret })).toMatchObject({
      _tag: "CredentialProblem",
    })
  })

  it("credentials from the environment need both variables", () => {
    expect(credentialsFromEnv({ SORACOM_AUTH_KEY_ID: "keyId-1" })).toBeUndefined()
    expect(credentialsFromEnv({ SORACOM_AUTH_KEY_ID: "keyId-1", SORACOM_AUTH_KEY: "s" })).toMatchObject({
      kind: "authKey",
      authKeyId: "keyId-1",
    })
  })

  it("masks all but the last 4 characters", () => {
    expect(mask("api-0123456789abcdef")).toBe("••••••••cdef")
    expect(mask("short")).toBe("••••")
  })
})

describe("session margin", () => {
  it("hands a session out until the smaller of 5 minutes and 10 % of its lifetime before expiry", async () => {
    const { isUsable, isExpired } = await import("../../src/profiles/SessionCache.ts")
    const base = {
      endpoint: "http://x/v1",
      method: "authKey" as const,
      identity: "keyId-1",
      operatorId: "OP0000000001",
      apiKey: Redacted.make("k"),
      token: Redacted.make("t"),
    }
    const day = { ...base, issuedAt: 0, expiresAt: 86_400_000 }
    expect(isUsable(day, 86_400_000 - 300_001)).toBe(true)
    expect(isUsable(day, 86_400_000 - 300_000)).toBe(false)
    const short = { ...base, issuedAt: 0, expiresAt: 180_000 } // 3 min → 18 s margin
    expect(isUsable(short, 161_999)).toBe(true)
    expect(isUsable(short, 162_000)).toBe(false)
    expect(isExpired(short, 179_999)).toBe(false)
    expect(isExpired(short, 180_000)).toBe(true)
  })
})
