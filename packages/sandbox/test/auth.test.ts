import * as OTPAuth from "otpauth"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, manualClock, post, start } from "./helpers.ts"

const time = manualClock()
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ clock: time.clock })
})
afterAll(() => sandbox.close())

const totp = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) })

describe("POST /auth", () => {
  it("signs in a root account with email + password: apiKey, operatorId, token, no userName", async () => {
    const r = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
    expect(r.status).toBe(200)
    expect(r.headers["content-type"]).toMatch(/^application\/json/)
    expect(Object.keys(r.json).sort()).toEqual(["apiKey", "operatorId", "token"])
    expect(r.json.operatorId).toBe(demo.operatorId)
    expect(r.json.apiKey).toMatch(/^api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(r.json.token.length).toBeGreaterThan(40)
  })

  it("matches the email case-insensitively", async () => {
    const r = await post(sandbox, "/auth", { email: demo.email.toUpperCase(), password: demo.password })
    expect(r.status).toBe(200)
  })

  it("signs in with a root AuthKey (no userName) and with a SAM user's AuthKey (with userName)", async () => {
    const root = await post(sandbox, "/auth", { authKeyId: demo.authKeyId, authKey: demo.authKey })
    expect(root.status).toBe(200)
    expect(root.json.userName).toBeUndefined()
    const user = await post(sandbox, "/auth", { authKeyId: demo.userAuthKeyId, authKey: demo.userAuthKey })
    expect(user.status).toBe(200)
    expect(user.json.userName).toBe(demo.userName)
    expect(user.json.operatorId).toBe(demo.operatorId)
  })

  it("signs in a SAM user and includes userName", async () => {
    const r = await post(sandbox, "/auth", {
      operatorId: demo.operatorId,
      userName: demo.userName,
      password: demo.userPassword,
    })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ operatorId: demo.operatorId, userName: demo.userName })
  })

  it("routes on the path and ignores the query string (soracom-cli sends POST /v1/auth?)", async () => {
    for (const path of ["/auth?", "/auth?x=1&y"]) {
      const r = await post(sandbox, path, { email: demo.email, password: demo.password })
      expect(r.status).toBe(200)
    }
  })

  it("accepts JSON without an Accept header, and with Accept: application/json, and without Content-Type", async () => {
    const body = { email: demo.email, password: demo.password }
    expect((await post(sandbox, "/auth", body)).status).toBe(200)
    expect((await post(sandbox, "/auth", body, { Accept: "application/json" })).status).toBe(200)
    expect((await post(sandbox, "/auth", body, { "Content-Type": "text/plain" })).status).toBe(200)
  })

  it("answers a request shaped exactly like soracom-cli's (empty query, no Accept, gzip, its User-Agent)", async () => {
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "soracom-cli/1.2.3",
      "X-Soracom-Lang": "ja",
      "Accept-Encoding": "gzip",
    }
    const ok = await post(
      sandbox,
      "/auth?",
      { authKeyId: demo.authKeyId, authKey: demo.authKey, tokenTimeoutSeconds: 3600 },
      headers,
    )
    expect(ok.status).toBe(200)
    expect(ok.json.apiKey).toMatch(/^api-/)
    const bad = await post(sandbox, "/auth?", { authKeyId: demo.authKeyId, authKey: "secret-wrong" }, headers)
    expect(bad.status).toBe(401)
    expect(bad.json).toEqual({ code: "AUM0002", message: "ユーザー名またはパスワードが正しくありません。" })
  })

  it("issues a fresh, distinct API key and token on every call", async () => {
    const a = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
    const b = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
    expect(a.json.apiKey).not.toBe(b.json.apiKey)
    expect(a.json.token).not.toBe(b.json.token)
  })

  it("accepts tokenTimeoutSeconds 180 and 172800 and puts the expiry in the token", async () => {
    for (const seconds of [180, 172800]) {
      const r = await post(sandbox, "/auth", {
        email: demo.email,
        password: demo.password,
        tokenTimeoutSeconds: seconds,
      })
      expect(r.status).toBe(200)
      const payload = JSON.parse(Buffer.from(r.json.token.split(".")[1], "base64url").toString())
      expect(payload.exp - payload.iat).toBe(seconds)
    }
    const d = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
    const payload = JSON.parse(Buffer.from(d.json.token.split(".")[1], "base64url").toString())
    expect(payload.exp - payload.iat).toBe(86400)
  })

  it.each([179, 172801, 0, -1, 1.5, "3600", true])(
    "rejects tokenTimeoutSeconds %j with 400 COM0008",
    async (t) => {
      const r = await post(sandbox, "/auth", {
        email: demo.email,
        password: demo.password,
        tokenTimeoutSeconds: t,
      })
      expect(r.status).toBe(400)
      expect(r.json.code).toBe("COM0008")
      expect(r.json.message).toContain("tokenTimeoutSeconds")
    },
  )

  it.each([
    ["wrong root password", { email: demo.email, password: "nope" }],
    ["unknown email", { email: "nobody@example.com", password: demo.password }],
    ["missing password", { email: demo.email }],
    ["wrong AuthKey secret", { authKeyId: demo.authKeyId, authKey: "secret-nope" }],
    ["unknown AuthKey", { authKeyId: "keyId-nope", authKey: demo.authKey }],
    ["AuthKey id alone", { authKeyId: demo.authKeyId }],
    ["wrong SAM password", { operatorId: demo.operatorId, userName: demo.userName, password: "nope" }],
    ["unknown SAM user", { operatorId: demo.operatorId, userName: "ghost", password: demo.userPassword }],
    [
      "SAM user of another operator",
      { operatorId: "OP0000000009", userName: demo.userName, password: demo.userPassword },
    ],
    ["SAM without operatorId", { userName: demo.userName, password: demo.userPassword }],
    ["no credentials at all", {}],
    ["password alone", { password: demo.password }],
  ])("answers 401 AUM0002 on %s", async (_name, body) => {
    const r = await post(sandbox, "/auth", body)
    expect(r.status).toBe(401)
    expect(r.json).toEqual({ code: "AUM0002", message: "Invalid username/password supplied." })
  })

  it("answers 400 COM0008 on a malformed email", async () => {
    const r = await post(sandbox, "/auth", { email: "not-an-email", password: "x" })
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      code: "COM0008",
      message: "Constraint violation of input value. message:not a well-formed email address:email",
    })
  })

  it("answers 400 COM0008 when a credential field is not a string", async () => {
    const r = await post(sandbox, "/auth", { email: demo.email, password: 1234 })
    expect(r.status).toBe(400)
    expect(r.json.code).toBe("COM0008")
    expect(r.json.message).toContain(":password")
  })
})

describe("POST /auth with MFA (TOTP, RFC 6238)", () => {
  const mfaUser = { operatorId: demo.operatorId, userName: demo.mfaUserName, password: demo.mfaUserPassword }

  it("accepts the current code (and the neighbouring periods)", async () => {
    for (const offset of [-30_000, 0, 30_000]) {
      const code = totp(demo.mfaSecret).generate({ timestamp: time.clock() + offset })
      const r = await post(sandbox, "/auth", { ...mfaUser, mfaOTPCode: code })
      expect(r.status).toBe(200)
      expect(r.json.userName).toBe(demo.mfaUserName)
    }
  })

  it("answers 401 without a code, with a wrong code, and with a stale one", async () => {
    const stale = totp(demo.mfaSecret).generate({ timestamp: time.clock() - 5 * 60_000 })
    const current = totp(demo.mfaSecret).generate({ timestamp: time.clock() })
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, "0")
    for (const extra of [{}, { mfaOTPCode: "" }, { mfaOTPCode: wrong }, { mfaOTPCode: stale }]) {
      const r = await post(sandbox, "/auth", { ...mfaUser, ...extra })
      expect(r.status).toBe(401)
      expect(r.json.code).toBe("AUM0002")
    }
  })

  it("still answers 401 for a right code with a wrong password", async () => {
    const code = totp(demo.mfaSecret).generate({ timestamp: time.clock() })
    const r = await post(sandbox, "/auth", { ...mfaUser, password: "nope", mfaOTPCode: code })
    expect(r.status).toBe(401)
  })

  it("follows the clock option", async () => {
    const code = totp(demo.mfaSecret).generate({ timestamp: time.clock() })
    time.advance(10 * 60_000)
    const r = await post(sandbox, "/auth", { ...mfaUser, mfaOTPCode: code })
    expect(r.status).toBe(401)
  })

  it("applies to a root account with an MFA secret", async () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    const s = await start({
      seed: {
        operators: [
          { operatorId: "OP0000000042", email: "mfa@example.com", password: "pw", mfaSecret: secret },
        ],
      },
    })
    try {
      expect((await post(s, "/auth", { email: "mfa@example.com", password: "pw" })).status).toBe(401)
      const code = totp(secret).generate()
      const r = await post(s, "/auth", { email: "mfa@example.com", password: "pw", mfaOTPCode: code })
      expect(r.status).toBe(200)
      expect(r.json.operatorId).toBe("OP0000000042")
    } finally {
      await s.close()
    }
  })
})

describe("1,000 concurrent /auth calls", () => {
  it("all succeed with 1,000 distinct tokens and API keys", async () => {
    const s = await start()
    try {
      const bodies = [
        { email: demo.email, password: demo.password },
        { authKeyId: demo.authKeyId, authKey: demo.authKey },
        { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
      ]
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => post(s, "/auth?", bodies[i % bodies.length])),
      )
      expect(results.filter((r) => r.status !== 200)).toEqual([])
      expect(new Set(results.map((r) => r.json.token)).size).toBe(1000)
      expect(new Set(results.map((r) => r.json.apiKey)).size).toBe(1000)
    } finally {
      await s.close()
    }
  }, 60_000)
})
