import { afterEach, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, manualClock, post, start } from "./helpers.ts"

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const issue = (s: Sandbox, email: string = demo.email) =>
  post(s, "/auth/password_reset_token/issue", { email })
const verify = (s: Sandbox, token: string, password: string) =>
  post(s, "/auth/password_reset_token/verify", { token, password })
const signIn = (s: Sandbox, password: string) => post(s, "/auth", { email: demo.email, password })

describe("password reset", () => {
  it("mails a ≥128-bit token to the outbox and the log; verify sets the password and revokes the old one", async () => {
    const lines: Array<string> = []
    const time = manualClock()
    sandbox = await start({ log: (l) => lines.push(l), clock: time.clock })
    const r = await issue(sandbox)
    expect(r.status).toBe(200)
    expect(r.text).toBe("")
    const [mail, ...rest] = sandbox.outbox()
    expect(rest).toEqual([])
    expect(mail).toMatchObject({ to: demo.email, operatorId: demo.operatorId, kind: "password-reset" })
    expect(Buffer.from(mail!.token, "base64url").length * 8).toBeGreaterThanOrEqual(128)
    expect(mail!.expiresAt - mail!.sentAt).toBe(30 * 60_000)
    expect(mail!.text).toContain(mail!.token)
    expect(lines.some((l) => l.includes(mail!.token) && l.includes(demo.email))).toBe(true)

    expect((await verify(sandbox, mail!.token, "brand-new-password")).status).toBe(200)
    expect((await signIn(sandbox, demo.password)).status).toBe(401)
    expect((await signIn(sandbox, "brand-new-password")).status).toBe(200)
  })

  it("the token works once: a second verify is 400", async () => {
    sandbox = await start()
    await issue(sandbox)
    const { token } = sandbox.outbox()[0]!
    expect((await verify(sandbox, token, "p1")).status).toBe(200)
    const again = await verify(sandbox, token, "p2")
    expect(again.status).toBe(400)
    expect(again.json.code).toBe("SBX0010")
    expect((await signIn(sandbox, "p1")).status).toBe(200)
  })

  it("expires after the TTL (404), by the clock option; a custom TTL is honoured", async () => {
    const time = manualClock()
    sandbox = await start({ clock: time.clock, resetTokenTtlSeconds: 60 })
    await issue(sandbox)
    await issue(sandbox)
    const [a, b] = sandbox.outbox()
    time.advance(59_999)
    expect((await verify(sandbox, a!.token, "p1")).status).toBe(200)
    time.advance(1)
    const expired = await verify(sandbox, b!.token, "p2")
    // b was also invalidated by a's success: used beats expired → 400
    expect(expired.status).toBe(400)
    await issue(sandbox)
    const c = sandbox.outbox()[2]!
    time.advance(60_000)
    const r = await verify(sandbox, c.token, "p3")
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ code: "SBX0011", message: "Token expired." })
    expect((await signIn(sandbox, "p1")).status).toBe(200)
  })

  it("success makes other outstanding reset tokens and the operator's API tokens stop working", async () => {
    sandbox = await start()
    const session = (await signIn(sandbox, demo.password)).json
    const samSession = (
      await post(sandbox, "/auth", {
        operatorId: demo.operatorId,
        userName: demo.userName,
        password: demo.userPassword,
      })
    ).json
    await issue(sandbox)
    await issue(sandbox)
    const [first, second] = sandbox.outbox()
    expect((await verify(sandbox, second!.token, "new")).status).toBe(200)
    expect((await verify(sandbox, first!.token, "other")).status).toBe(400)
    for (const s of [session, samSession]) {
      const r = await post(sandbox, "/auth/logout", undefined, {
        "X-Soracom-API-Key": s.apiKey,
        "X-Soracom-Token": s.token,
      })
      expect(r.status).toBe(401)
    }
  })

  it("outbox can be cleared; unknown email issues nothing", async () => {
    sandbox = await start()
    expect((await issue(sandbox, "ghost@example.com")).status).toBe(400)
    expect(sandbox.outbox()).toEqual([])
    await issue(sandbox)
    expect(sandbox.outbox()).toHaveLength(1)
    sandbox.clearOutbox()
    expect(sandbox.outbox()).toEqual([])
  })
})
