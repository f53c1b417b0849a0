import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, manualClock, post, start } from "./helpers.ts"

const time = manualClock()
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ clock: time.clock })
})
afterAll(() => sandbox.close())

const signIn = async (body: object = { email: demo.email, password: demo.password }) =>
  (await post(sandbox, "/auth", body)).json as { apiKey: string; token: string }
const logout = (headers: Record<string, string>) => post(sandbox, "/auth/logout", undefined, headers)
const headersOf = (s: { apiKey: string; token: string }) => ({
  "X-Soracom-API-Key": s.apiKey,
  "X-Soracom-Token": s.token,
})

describe("POST /auth/logout", () => {
  it("answers 204 with no body and revokes exactly that key and token", async () => {
    const a = await signIn()
    const b = await signIn()
    const r = await logout(headersOf(a))
    expect(r.status).toBe(204)
    expect(r.text).toBe("")
    expect((await logout(headersOf(a))).status).toBe(401)
    expect((await logout(headersOf(b))).status).toBe(204)
  })

  it("answers 401 AUM0001 without headers, with one of them, or with a mismatched pair", async () => {
    const a = await signIn()
    const b = await signIn()
    for (const headers of [
      {},
      { "X-Soracom-API-Key": a.apiKey },
      { "X-Soracom-Token": a.token },
      { "X-Soracom-API-Key": a.apiKey, "X-Soracom-Token": b.token },
      { "X-Soracom-API-Key": "api-unknown", "X-Soracom-Token": a.token },
    ]) {
      const r = await logout(headers)
      expect(r.status).toBe(401)
      expect(r.json).toEqual({ code: "AUM0001", message: "Token is required in the request header" })
    }
    expect((await logout(headersOf(a))).status).toBe(204)
  })

  it("answers 401 for an expired token", async () => {
    const a = await signIn({ email: demo.email, password: demo.password, tokenTimeoutSeconds: 180 })
    time.advance(180_000)
    expect((await logout(headersOf(a))).status).toBe(401)
  })

  it("works for SAM users and AuthKey sessions, and ignores any body", async () => {
    const sam = await signIn({
      operatorId: demo.operatorId,
      userName: demo.userName,
      password: demo.userPassword,
    })
    expect((await post(sandbox, "/auth/logout", "{not json", headersOf(sam))).status).toBe(204)
    const key = await signIn({ authKeyId: demo.authKeyId, authKey: demo.authKey })
    expect((await logout(headersOf(key))).status).toBe(204)
  })
})

describe("POST /sandbox/init", () => {
  const init = (body: object) => post(sandbox, "/sandbox/init", body)
  const valid = {
    email: "fresh@example.com",
    password: "fresh-pw",
    authKeyId: "keyId-prod",
    authKey: "secret-prod",
  }

  it("creates an operator (201, AuthResponse) who can then sign in; the email cannot be reused", async () => {
    const r = await init({ ...valid, coverageTypes: ["g", "jp"], registerPaymentMethod: true })
    expect(r.status).toBe(201)
    expect(r.json.operatorId).toMatch(/^OP\d{10}$/)
    expect(r.json.operatorId).not.toBe(demo.operatorId)
    expect(r.json.apiKey).toMatch(/^api-/)
    expect(
      (await post(sandbox, "/auth", { email: valid.email, password: valid.password })).json.operatorId,
    ).toBe(r.json.operatorId)
    expect((await init(valid)).status).toBe(400)
  })

  it("gives distinct operator IDs to concurrent inits", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => init({ ...valid, email: `c${i}@example.com` })),
    )
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201))
    expect(new Set(results.map((r) => r.json.operatorId)).size).toBe(10)
  })

  it.each([
    [{ ...valid, email: "x@example.org", authKeyId: "nope" }, "SBX0012"],
    [{ ...valid, email: "y@example.org", authKey: "nope" }, "SBX0012"],
    [{ ...valid, email: "broken" }, "COM0008"],
    [{ email: "z@example.org", password: "p" }, "COM0008"],
    [{ ...valid, email: "w@example.org", coverageTypes: ["eu"] }, "COM0008"],
  ])("rejects %j with 400 %s", async (body, code) => {
    const r = await init(body)
    expect(r.status).toBe(400)
    expect(r.json.code).toBe(code)
  })
})
