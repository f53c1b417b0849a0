import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, manualClock, post, send, start } from "./helpers.ts"

const time = manualClock()
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ clock: time.clock, record: true })
})
afterAll(() => sandbox.close())

interface Session {
  readonly apiKey: string
  readonly token: string
  readonly operatorId: string
}
const signIn = async (body: object = { authKeyId: demo.authKeyId, authKey: demo.authKey }) => {
  const r = await post(sandbox, "/auth", body)
  expect(r.status).toBe(200)
  return r.json as Session
}
const headersOf = (s: Session) => ({ "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": s.token })
const getOperator = (id: string, headers: Record<string, string> = {}) =>
  send(sandbox.url, "GET", `/operators/${id}`, undefined, headers)

describe("GET /operators/{operator_id} (getOperator)", () => {
  it("answers the caller's own record as GetOperatorResponse", async () => {
    const s = await signIn()
    const r = await getOperator(demo.operatorId, headersOf(s))
    expect(r.status).toBe(200)
    expect(r.headers["content-type"]).toMatch(/^application\/json/)
    expect(r.json).toEqual({
      operatorId: demo.operatorId,
      rootOperatorId: demo.operatorId,
      email: demo.email,
      description: "",
      createDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updateDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  it("also for a SAM user's session (the operator it belongs to)", async () => {
    const s = await signIn({
      operatorId: demo.operatorId,
      userName: demo.userName,
      password: demo.userPassword,
    })
    const r = await getOperator(demo.operatorId, headersOf(s))
    expect(r.status).toBe(200)
    expect(r.json.operatorId).toBe(demo.operatorId)
  })

  it("400 Invalid Operator Id for another operator's ID and an unknown one", async () => {
    const other = await post(sandbox, "/sandbox/init", {
      email: "other-operator@example.com",
      password: "other pass 1",
      authKeyId: "keyId-otherAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      authKey: "secret-otherBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    })
    expect(other.status).toBe(201)
    const s = await signIn()
    for (const id of [other.json.operatorId as string, "OP9999999999", "op0000000001"]) {
      const r = await getOperator(id, headersOf(s))
      expect(r.status, id).toBe(400)
      expect(r.json).toEqual({ code: "SBX0016", message: "Invalid Operator Id." })
    }
    // The other operator reads its own record.
    expect((await getOperator(other.json.operatorId, headersOf(other.json))).status).toBe(200)
  })

  it("401 AUM0001 without headers, with one of them, or with a mismatched pair — before the ID is looked at", async () => {
    const a = await signIn()
    const b = await signIn()
    for (const headers of [
      {},
      { "X-Soracom-API-Key": a.apiKey },
      { "X-Soracom-Token": a.token },
      { "X-Soracom-API-Key": a.apiKey, "X-Soracom-Token": b.token },
      { "X-Soracom-API-Key": "api-unknown", "X-Soracom-Token": a.token },
    ]) {
      for (const id of [demo.operatorId, "OP9999999999"]) {
        const r = await getOperator(id, headers)
        expect(r.status).toBe(401)
        expect(r.json).toEqual({ code: "AUM0001", message: "Token is required in the request header" })
      }
    }
  })

  it("401 once the token is revoked by /auth/logout", async () => {
    const s = await signIn()
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(200)
    expect((await post(sandbox, "/auth/logout", undefined, headersOf(s))).status).toBe(204)
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(401)
  })

  it("401 once the token has expired (its tokenTimeoutSeconds), 200 just before", async () => {
    const s = await signIn({ authKeyId: demo.authKeyId, authKey: demo.authKey, tokenTimeoutSeconds: 180 })
    time.advance(179_999)
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(200)
    time.advance(1)
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(401)
  })

  it("answers in Japanese with X-Soracom-Lang: ja", async () => {
    const s = await signIn()
    const r = await getOperator("OP9999999999", { ...headersOf(s), "X-Soracom-Lang": "ja" })
    expect(r.json.code).toBe("SBX0016")
    expect(r.json.message).toMatch(/[\u3040-\u30ff]/)
  })

  it("405 with Allow: GET for another method; 404 for a deeper unknown path; a fault by its template", async () => {
    const s = await signIn()
    const wrong = await send(sandbox.url, "POST", `/operators/${demo.operatorId}`, {}, headersOf(s))
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe("GET")
    expect((await getOperator(`${demo.operatorId}/nope`, headersOf(s))).status).toBe(404)
    expect((await getOperator("", headersOf(s))).status).toBe(404)
    sandbox.faults.set("/operators/{operator_id}", { status: 503, times: 1 })
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(503)
    expect((await getOperator(demo.operatorId, headersOf(s))).status).toBe(200)
  })

  it("is recorded like every /v1 exchange", async () => {
    sandbox.clearExchanges()
    const s = await signIn()
    await getOperator(demo.operatorId, headersOf(s))
    const last = sandbox.exchanges().at(-1)
    expect(last?.request).toMatchObject({ method: "GET", path: `/v1/operators/${demo.operatorId}` })
    expect(last?.response?.status).toBe(200)
  })
})

describe("revoking sessions server-side (tests of clients)", () => {
  it("revokeSessions(apiKey) revokes that session only; revokeSessions() all; counts live ones", async () => {
    const a = await signIn()
    const b = await signIn()
    expect(sandbox.revokeSessions(a.apiKey)).toBe(1)
    expect(sandbox.revokeSessions(a.apiKey)).toBe(0)
    expect((await getOperator(demo.operatorId, headersOf(a))).status).toBe(401)
    expect((await getOperator(demo.operatorId, headersOf(b))).status).toBe(200)
    expect(sandbox.revokeSessions()).toBeGreaterThanOrEqual(1)
    expect((await getOperator(demo.operatorId, headersOf(b))).status).toBe(401)
    expect((await post(sandbox, "/auth/logout", undefined, headersOf(b))).status).toBe(401)
  })

  it("DELETE /_sandbox/sessions?apiKey=… over HTTP", async () => {
    const a = await signIn()
    const r = await send(sandbox.adminUrl, "DELETE", `/sessions?apiKey=${encodeURIComponent(a.apiKey)}`)
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ revoked: 1 })
    expect((await getOperator(demo.operatorId, headersOf(a))).status).toBe(401)
    const all = await send(sandbox.adminUrl, "DELETE", "/sessions")
    expect(all.status).toBe(200)
  })
})
