/**
 * The request fields of each /v1 route at their edges, as the README's endpoint table states them: which field a
 * COM0008 names and why, what `null` and absent mean, the lifetime bounds of each route, and which credentials
 * `/auth` picks when a body carries several kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterAll(() => sandbox.close())

const violation = (detail: string) => ({
  code: "COM0008",
  message: `Constraint violation of input value. message:${detail}`,
})
const lifetimeOf = (token: string): number => {
  const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString())
  return claims.exp - claims.iat
}
const headersOf = (s: { apiKey: string; token: string }) => ({
  "X-Soracom-API-Key": s.apiKey,
  "X-Soracom-Token": s.token,
})
const root = async () => {
  const r = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
  expect(r.status).toBe(200)
  return r.json as { apiKey: string; token: string; operatorId: string }
}

describe("POST /auth fields", () => {
  it.each(["email", "password", "authKeyId", "authKey", "operatorId", "userName", "mfaOTPCode"])(
    "a non-string %s is 400 COM0008 naming it",
    async (key) => {
      const r = await post(sandbox, "/auth", { [key]: 42 })
      expect(r.status).toBe(400)
      expect(r.json).toEqual(violation(`must be a string:${key}`))
    },
  )

  it("null counts as absent, for every field and for tokenTimeoutSeconds (the default lifetime)", async () => {
    const r = await post(sandbox, "/auth", {
      email: demo.email,
      password: demo.password,
      authKeyId: null,
      authKey: null,
      operatorId: null,
      userName: null,
      mfaOTPCode: null,
      tokenTimeoutSeconds: null,
    })
    expect(r.status).toBe(200)
    expect(r.json.userName).toBeUndefined()
    expect(lifetimeOf(r.json.token)).toBe(86400)
  })

  it("the lifetime's 400 names the range 180…172800", async () => {
    const r = await post(sandbox, "/auth", {
      email: demo.email,
      password: demo.password,
      tokenTimeoutSeconds: 9e9,
    })
    expect(r.json).toEqual(violation("must be an integer between 180 and 172800:tokenTimeoutSeconds"))
  })

  it("either AuthKey field makes it an AuthKey sign-in: half a pair next to a good email + password is 401", async () => {
    for (const half of [{ authKeyId: demo.authKeyId }, { authKey: demo.authKey }]) {
      const r = await post(sandbox, "/auth", { email: demo.email, password: demo.password, ...half })
      expect(r.status).toBe(401)
      expect(r.json.code).toBe("AUM0002")
    }
    const both = await post(sandbox, "/auth", {
      email: "not an email",
      authKeyId: demo.authKeyId,
      authKey: demo.authKey,
    })
    expect(both.status).toBe(200)
  })

  it("email + password win over SAM user fields; a SAM sign-in needs all three of its fields", async () => {
    const r = await post(sandbox, "/auth", {
      email: demo.email,
      password: demo.password,
      operatorId: demo.operatorId,
      userName: demo.userName,
    })
    expect(r.status).toBe(200)
    expect(r.json.userName).toBeUndefined()
    for (const body of [
      { operatorId: demo.operatorId, userName: demo.userName },
      { operatorId: demo.operatorId, password: demo.userPassword },
      { userName: demo.userName, password: demo.userPassword },
    ]) {
      const bad = await post(sandbox, "/auth", body)
      expect(bad.status).toBe(401)
      expect(bad.json.code).toBe("AUM0002")
    }
  })

  it("an empty mfaOTPCode is no code: a user without MFA signs in, a user with MFA gets 401", async () => {
    const plain = await post(sandbox, "/auth", { email: demo.email, password: demo.password, mfaOTPCode: "" })
    expect(plain.status).toBe(200)
    const mfa = await post(sandbox, "/auth", {
      operatorId: demo.operatorId,
      userName: demo.mfaUserName,
      password: demo.mfaUserPassword,
      mfaOTPCode: "",
    })
    expect(mfa.status).toBe(401)
    expect(mfa.json.code).toBe("AUM0002")
  })
})

describe("password reset fields", () => {
  it.each([
    [{}, "may not be empty:email"],
    [{ email: "" }, "may not be empty:email"],
    [{ email: null }, "may not be empty:email"],
    [{ email: 7 }, "must be a string:email"],
    [{ email: "no-at-sign" }, "not a well-formed email address:email"],
  ])("issue %j → 400 %s", async (body, detail) => {
    const r = await post(sandbox, "/auth/password_reset_token/issue", body)
    expect(r.status).toBe(400)
    expect(r.json).toEqual(violation(detail))
  })

  it.each([
    [{}, "may not be empty:password"],
    [{ token: "t" }, "may not be empty:password"],
    [{ password: "" }, "may not be empty:password"],
    [{ password: "p" }, "may not be empty:token"],
    [{ password: "p", token: "" }, "may not be empty:token"],
    [{ password: "p", token: 1 }, "must be a string:token"],
    [{ password: true, token: "t" }, "must be a string:password"],
  ])("verify %j → 400 %s", async (body, detail) => {
    const r = await post(sandbox, "/auth/password_reset_token/verify", body)
    expect(r.status).toBe(400)
    expect(r.json).toEqual(violation(detail))
  })
})

describe("authenticated routes' fields", () => {
  it("an empty X-Soracom-API-Key or X-Soracom-Token is a missing one: 401 AUM0001", async () => {
    const s = await root()
    for (const headers of [
      { "X-Soracom-API-Key": "", "X-Soracom-Token": s.token },
      { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": "" },
    ]) {
      const r = await post(sandbox, "/auth/logout", undefined, headers)
      expect(r.status).toBe(401)
      expect(r.json.code).toBe("AUM0001")
    }
    expect((await post(sandbox, "/auth/logout", undefined, headersOf(s))).status).toBe(204)
  })

  it("renewal: 86400 s by default (also for null), 172800 accepted, 172801 named", async () => {
    const s = await root()
    const path = `/operators/${s.operatorId}/token`
    const byDefault = await post(sandbox, path, {}, headersOf(s))
    expect(byDefault.status).toBe(200)
    expect(lifetimeOf(byDefault.json.token)).toBe(86400)
    const byNull = await post(sandbox, path, { tokenTimeoutSeconds: null }, headersOf(s))
    expect(lifetimeOf(byNull.json.token)).toBe(86400)
    const longest = await post(sandbox, path, { tokenTimeoutSeconds: 172800 }, headersOf(s))
    expect(lifetimeOf(longest.json.token)).toBe(172800)
    const over = await post(sandbox, path, { tokenTimeoutSeconds: 172801 }, headersOf(s))
    expect(over.status).toBe(400)
    expect(over.json).toEqual(violation("must be an integer between 180 and 172800:tokenTimeoutSeconds"))
  })

  it("switch user: 3600 s by default, 180 and 3600 accepted, 179 and 3601 named; both fields required", async () => {
    const s = await root()
    const body = { operatorId: demo.operatorId, userName: demo.userName }
    const byDefault = await post(sandbox, "/auth/switch_user", body, headersOf(s))
    expect(byDefault.status).toBe(200)
    expect(byDefault.json.userName).toBe(demo.userName)
    expect(lifetimeOf(byDefault.json.token)).toBe(3600)
    for (const t of [180, 3600]) {
      const r = await post(sandbox, "/auth/switch_user", { ...body, tokenTimeoutSeconds: t }, headersOf(s))
      expect(lifetimeOf(r.json.token)).toBe(t)
    }
    for (const t of [179, 3601]) {
      const r = await post(sandbox, "/auth/switch_user", { ...body, tokenTimeoutSeconds: t }, headersOf(s))
      expect(r.status).toBe(400)
      expect(r.json).toEqual(violation("must be an integer between 180 and 3600:tokenTimeoutSeconds"))
    }
    for (const [partial, detail] of [
      [{ userName: demo.userName }, "may not be empty:operatorId"],
      [{ operatorId: "", userName: demo.userName }, "may not be empty:operatorId"],
      [{ operatorId: demo.operatorId }, "may not be empty:userName"],
      [{ operatorId: demo.operatorId, userName: 3 }, "must be a string:userName"],
    ] as const) {
      const r = await post(sandbox, "/auth/switch_user", partial, headersOf(s))
      expect(r.status).toBe(400)
      expect(r.json).toEqual(violation(detail))
    }
  })
})

describe("POST /sandbox/init fields", () => {
  let n = 0
  const init = (extra: Record<string, unknown>) =>
    post(sandbox, "/sandbox/init", {
      email: `init-${++n}@example.com`,
      password: "pw",
      authKeyId: "keyId-x",
      authKey: "secret-x",
      ...extra,
    })

  it.each([
    [{ coverageTypes: null }],
    [{ coverageTypes: [] }],
    [{ coverageTypes: ["g"] }],
    [{ coverageTypes: ["jp"] }],
    [{ registerPaymentMethod: null }],
    [{ registerPaymentMethod: false }],
    [{ authKeyId: "keyId-", authKey: "secret-" }],
  ])("accepts %j (201, a session of 86400 s)", async (extra) => {
    const r = await init(extra)
    expect(r.status).toBe(201)
    expect(lifetimeOf(r.json.token)).toBe(86400)
  })

  it.each([
    [{ coverageTypes: "g" }, 'must be an array of "g" or "jp":coverageTypes'],
    [{ coverageTypes: ["g", "eu"] }, 'must be an array of "g" or "jp":coverageTypes'],
    [{ coverageTypes: [null] }, 'must be an array of "g" or "jp":coverageTypes'],
    [{ registerPaymentMethod: "yes" }, "must be a boolean:registerPaymentMethod"],
    [{ registerPaymentMethod: 0 }, "must be a boolean:registerPaymentMethod"],
    [{ authKey: "" }, "may not be empty:authKey"],
    [{ authKeyId: undefined }, "may not be empty:authKeyId"],
    [{ password: 5 }, "must be a string:password"],
  ])("refuses %j: 400 COM0008 %s", async (extra, detail) => {
    const r = await init(extra)
    expect(r.status).toBe(400)
    expect(r.json).toEqual(violation(detail))
  })

  it.each([
    [{ authKeyId: "keyid-x" }],
    [{ authKeyId: "x-keyId-" }],
    [{ authKey: "Secret-x" }],
    [{ authKey: "x-secret-" }],
  ])("refuses %j: 400 SBX0012 (keyId-… / secret-… pair)", async (extra) => {
    const r = await init(extra)
    expect(r.status).toBe(400)
    expect(r.json.code).toBe("SBX0012")
  })
})
