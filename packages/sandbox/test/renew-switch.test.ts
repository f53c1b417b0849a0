import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseSeed, type Sandbox, SeedError } from "../src/index.ts"
import { demo, manualClock, post, start } from "./helpers.ts"

const time = manualClock()
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({
    clock: time.clock,
    seed: {
      operators: [
        {
          operatorId: demo.operatorId,
          email: demo.email,
          password: demo.password,
          users: [
            {
              userName: "target",
              password: "target-password",
              trustPolicy: [{ operatorId: "OP0000000002", userName: "ops" }],
            },
            {
              userName: "anyone-of-2",
              password: "p",
              trustPolicy: [{ operatorId: "OP0000000002", userName: "*" }],
            },
            { userName: "root-only", password: "p", trustPolicy: [{ operatorId: "OP0000000002" }] },
          ],
        },
        {
          operatorId: "OP0000000002",
          email: "other@example.com",
          password: "other-root",
          users: [
            { userName: "ops", password: "ops-password" },
            { userName: "intern", password: "intern-password" },
          ],
        },
      ],
    },
  })
})
afterAll(() => sandbox.close())

interface Session {
  readonly apiKey: string
  readonly token: string
  readonly operatorId: string
  readonly userName?: string
}
const signIn = async (body: object): Promise<Session> => {
  const r = await post(sandbox, "/auth", body)
  expect(r.status).toBe(200)
  return r.json
}
const root = () => signIn({ email: demo.email, password: demo.password })
const ops = () => signIn({ operatorId: "OP0000000002", userName: "ops", password: "ops-password" })
const headersOf = (s: { apiKey: string; token: string }) => ({
  "X-Soracom-API-Key": s.apiKey,
  "X-Soracom-Token": s.token,
})
const renew = (s: Session, body: object = {}, operatorId = s.operatorId) =>
  post(sandbox, `/operators/${operatorId}/token`, body, headersOf(s))
const logout = (s: { apiKey: string; token: string }) =>
  post(sandbox, "/auth/logout", undefined, headersOf(s))

describe("POST /operators/{operator_id}/token (generateAuthToken)", () => {
  it("gives a new token for the same API key; the old token keeps working (renewal revokes nothing)", async () => {
    const s = await root()
    const r = await renew(s, { tokenTimeoutSeconds: 600 })
    expect(r.status).toBe(200)
    expect(Object.keys(r.json)).toEqual(["token"])
    expect(r.json.token).not.toBe(s.token)
    const renewed = { apiKey: s.apiKey, token: r.json.token as string }
    // The old token still renews (it is live), and the new one expires after its own lifetime.
    expect((await renew(s)).status).toBe(200)
    time.advance(601_000)
    expect((await renew({ ...s, ...renewed })).status).toBe(400)
    expect((await logout(s)).status).toBe(204)
    // Logout revokes the API key: every token of it.
    expect((await logout(renewed)).status).toBe(401)
  })

  it("answers 400 SBX0013 for an expired token (the spec's 'authenticate again'), 401 for unknown or missing ones", async () => {
    const s = await signIn({ email: demo.email, password: demo.password, tokenTimeoutSeconds: 180 })
    time.advance(180_000)
    const expired = await renew(s)
    expect(expired.status).toBe(400)
    expect(expired.json.code).toBe("SBX0013")
    const fresh = await root()
    for (const headers of [
      {},
      { "X-Soracom-API-Key": fresh.apiKey },
      { ...headersOf(fresh), "X-Soracom-Token": "x" },
    ]) {
      const r = await post(sandbox, `/operators/${demo.operatorId}/token`, {}, headers)
      expect(r.status).toBe(401)
      expect(r.json.code).toBe("AUM0001")
    }
  })

  it("answers 400 for another operator's path and for a lifetime outside 180…172800", async () => {
    const s = await root()
    const other = await renew(s, {}, "OP0000000002")
    expect(other.status).toBe(400)
    expect(other.json.code).toBe("SBX0014")
    for (const tokenTimeoutSeconds of [179, 172801, 1.5, "600"]) {
      const r = await renew(s, { tokenTimeoutSeconds })
      expect(r.status).toBe(400)
      expect(r.json.code).toBe("COM0008")
    }
    expect((await renew(s, { tokenTimeoutSeconds: 172800 })).status).toBe(200)
    expect((await post(sandbox, `/operators/${demo.operatorId}/token`, "[]", headersOf(s))).status).toBe(400)
  })
})

describe("POST /auth/switch_user", () => {
  it("switches when the target's trust policy lists the caller; the token lasts 3600 s by default", async () => {
    const caller = await ops()
    const r = await post(
      sandbox,
      "/auth/switch_user",
      { operatorId: demo.operatorId, userName: "target" },
      headersOf(caller),
    )
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ operatorId: demo.operatorId, userName: "target" })
    expect(Object.keys(r.json).sort()).toEqual(["apiKey", "operatorId", "token", "userName"])
    const switched = r.json as Session
    // It is a real session: it renews (at most 3600 s) and signs out.
    expect((await renew(switched, { tokenTimeoutSeconds: 3601 })).status).toBe(400)
    expect((await renew(switched, { tokenTimeoutSeconds: 3600 })).status).toBe(200)
    time.advance(3600_000)
    expect((await renew(switched)).status).toBe(400)
    // The caller's own session (86400 s) is untouched by the switch.
    expect((await logout(caller)).status).toBe(204)
  })

  it("answers 400 SBX0015 when not trusted, for an unknown user, and for a principal of the wrong kind", async () => {
    const caller = await ops()
    const intern = await signIn({
      operatorId: "OP0000000002",
      userName: "intern",
      password: "intern-password",
    })
    const otherRoot = await signIn({ email: "other@example.com", password: "other-root" })
    const tryFrom = (s: Session, userName: string) =>
      post(sandbox, "/auth/switch_user", { operatorId: demo.operatorId, userName }, headersOf(s))
    for (const [who, target] of [
      [intern, "target"],
      [otherRoot, "target"],
      [caller, "nobody"],
      [caller, "root-only"],
      [intern, "root-only"],
    ] as const) {
      const r = await tryFrom(who, target)
      expect(r.status, `${who.userName ?? "root"} → ${target}`).toBe(400)
      expect(r.json.code).toBe("SBX0015")
    }
    expect((await tryFrom(otherRoot, "root-only")).status).toBe(200)
    expect((await tryFrom(intern, "anyone-of-2")).status).toBe(200)
    expect((await tryFrom(otherRoot, "anyone-of-2")).status).toBe(200)
  })

  it("answers 401 without a live key + token, 400 COM0008 for a missing field or a lifetime over 3600", async () => {
    const caller = await ops()
    const body = { operatorId: demo.operatorId, userName: "target" }
    expect((await post(sandbox, "/auth/switch_user", body)).status).toBe(401)
    for (const bad of [
      { userName: "target" },
      { operatorId: demo.operatorId },
      { ...body, userName: 42 },
      { ...body, tokenTimeoutSeconds: 3601 },
      { ...body, tokenTimeoutSeconds: 179 },
    ]) {
      const r = await post(sandbox, "/auth/switch_user", bad, headersOf(caller))
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.json.code).toBe("COM0008")
    }
    expect(
      (await post(sandbox, "/auth/switch_user", { ...body, tokenTimeoutSeconds: 180 }, headersOf(caller)))
        .status,
    ).toBe(200)
  })
})

describe("seed: trustPolicy", () => {
  it("rejects malformed principals with a path", () => {
    const bad = {
      operators: [
        {
          operatorId: demo.operatorId,
          email: demo.email,
          password: "p",
          users: [
            {
              userName: "u",
              password: "p",
              trustPolicy: [{ operatorId: "OP1" }, { operatorId: "OP0000000002", userName: "a b", x: 1 }],
            },
            { userName: "v", password: "p", trustPolicy: {} },
          ],
        },
      ],
    }
    let error: unknown
    try {
      parseSeed(bad)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SeedError)
    expect((error as SeedError).issues).toEqual([
      "operators[0].users[0].trustPolicy[0].operatorId: must look like OP0000000001 (OP + 10 digits)",
      "operators[0].users[0].trustPolicy[1].x: unknown key (allowed: operatorId, userName)",
      'operators[0].users[0].trustPolicy[1].userName: "*" or 1–100 characters of A–Z a–z 0–9 and @ + = . _ , -',
      "operators[0].users[1].trustPolicy: must be an array",
    ])
  })
})
