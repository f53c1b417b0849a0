/**
 * The Promise client against a real sandbox on 127.0.0.1: one session for every call, one re-sign-in after a
 * revoked token, no loop on a bad credential, core's errors as rejections.
 */
import type { Sandbox } from "@soracom-auth/sandbox"
import { HTTPError } from "ky"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { AuthFailed, createSoracomAuth, InvalidRequest, type Options } from "../src/index.ts"
import { count, demo, signIns, startTestSandbox } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.clearExchanges()
  sandbox.faults.clear()
})

const client = (options: Partial<Options> = {}) =>
  createSoracomAuth({
    credentials: { authKeyId: demo.authKeyId, authKey: demo.authKey },
    endpoint: sandbox.endpoint,
    ...options,
  })

const operatorPath = `/operators/${demo.operatorId}`

describe("one session for every call", () => {
  it("1,000 concurrent headers() on a cold client → one POST /auth, the same headers for all", async () => {
    await using soracom = client()
    const all = await Promise.all(Array.from({ length: 1000 }, () => soracom.headers()))
    expect(signIns(sandbox)).toBe(1)
    expect(new Set(all.map((h) => `${h["X-Soracom-API-Key"]} ${h["X-Soracom-Token"]}`)).size).toBe(1)
    expect(all[0]!["X-Soracom-API-Key"]).toMatch(/^api-/)
  })

  it("session(), headers(), fetch and ky share it: still one sign-in", async () => {
    await using soracom = client()
    const session = await soracom.session()
    expect(session).toMatchObject({ operatorId: demo.operatorId })
    expect(session.expiresAt).toBeInstanceOf(Date)
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now())
    expect(await soracom.headers()).toEqual({
      "X-Soracom-API-Key": session.apiKey,
      "X-Soracom-Token": session.token,
    })
    const response = await soracom.fetch(operatorPath)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ operatorId: demo.operatorId, email: demo.email })
    const viaKy = await soracom.ky.get(`operators/${demo.operatorId}`).json<{ operatorId: string }>()
    expect(viaKy.operatorId).toBe(demo.operatorId)
    expect((await soracom.ky.get(operatorPath.slice(1))).status).toBe(200)
    expect(signIns(sandbox)).toBe(1)
    const gets = sandbox.exchanges().filter((e) => e.request.method === "GET")
    expect(gets).toHaveLength(3)
    for (const e of gets) {
      expect(e.request.path).toBe(`/v1${operatorPath}`)
      expect(e.request.headers["x-soracom-api-key"]).toBe(session.apiKey)
      expect(e.request.headers["x-soracom-token"]).toBe(session.token)
    }
  })
})

describe("requests as given", () => {
  it("query strings (fetch and ky's searchParams) and ky's json body reach SORACOM as sent", async () => {
    await using soracom = client()
    expect((await soracom.fetch(`${operatorPath}?a=1&b=two`)).status).toBe(200)
    await soracom.ky.get(operatorPath.slice(1), { searchParams: { c: "3" } }).json()
    const renewed = await soracom.ky
      .post(`${operatorPath.slice(1)}/token`, { json: { tokenTimeoutSeconds: 900 } })
      .json<{ token: string }>()
    expect(renewed.token.length).toBeGreaterThan(0)
    const seen = sandbox.exchanges().filter((e) => e.request.path.startsWith(`/v1${operatorPath}`))
    expect(seen.map((e) => [e.request.method, e.request.query, e.request.body])).toEqual([
      ["GET", "a=1&b=two", null],
      ["GET", "c=3", null],
      ["POST", null, { tokenTimeoutSeconds: 900 }],
    ])
    expect(seen[2]?.request.headers["content-type"]).toBe("application/json")
  })
})

describe("re-sign-in on 401", () => {
  it("fetch after the token was revoked server-side → one re-sign-in, the caller sees 200", async () => {
    await using soracom = client()
    const first = await soracom.session()
    expect(sandbox.revokeSessions(first.apiKey)).toBe(1)
    const response = await soracom.fetch(operatorPath)
    expect(response.status).toBe(200)
    expect(signIns(sandbox)).toBe(2)
    expect(count(sandbox, "GET", operatorPath)).toBe(2)
    const statuses = sandbox.exchanges().map((e) => `${e.request.method} ${e.response?.status}`)
    expect(statuses).toEqual(["POST 200", "GET 401", "POST 200", "GET 200"])
    expect((await soracom.session()).apiKey).not.toBe(first.apiKey)
  })

  it("50 concurrent requests meeting a revoked token → one re-sign-in between them", async () => {
    await using soracom = client()
    sandbox.revokeSessions((await soracom.session()).apiKey)
    const responses = await Promise.all(Array.from({ length: 50 }, () => soracom.fetch(operatorPath)))
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(signIns(sandbox)).toBe(2)
  })

  it("ky too: a revoked token costs one re-sign-in, and ky sees 200", async () => {
    await using soracom = client()
    sandbox.revokeSessions((await soracom.session()).apiKey)
    const record = await soracom.ky.get(`operators/${demo.operatorId}`).json<{ email: string }>()
    expect(record.email).toBe(demo.email)
    expect(signIns(sandbox)).toBe(2)
  })

  it("a POST (non-idempotent) is retried with its body after the 401", async () => {
    await using soracom = client()
    sandbox.revokeSessions((await soracom.session()).apiKey)
    const response = await soracom.fetch(`${operatorPath}/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokenTimeoutSeconds: 3600 }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty("token")
    const posts = sandbox.exchanges().filter((e) => e.request.path === `/v1${operatorPath}/token`)
    expect(posts.map((e) => [e.response?.status, e.request.body])).toEqual([
      [401, { tokenTimeoutSeconds: 3600 }],
      [200, { tokenTimeoutSeconds: 3600 }],
    ])
  })

  it("a second 401 goes to the caller: fetch resolves with it, ky throws HTTPError; one re-sign-in each", async () => {
    await using soracom = client()
    await soracom.session()
    sandbox.faults.set("/operators/{operator_id}", { status: 401, times: 2 })
    expect((await soracom.fetch(operatorPath)).status).toBe(401)
    expect(signIns(sandbox)).toBe(2)
    expect(count(sandbox, "GET", operatorPath)).toBe(2)
    sandbox.faults.set("/operators/{operator_id}", { status: 401, times: 2 })
    const error = await soracom.ky.get(`operators/${demo.operatorId}`).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(HTTPError)
    expect((error as HTTPError).response.status).toBe(401)
    expect(signIns(sandbox)).toBe(3)
  })

  it("a permanently bad credential → AuthFailed rejected once, no loop", async () => {
    await using soracom = client({ credentials: { authKeyId: demo.authKeyId, authKey: `${demo.authKey}x` } })
    const error = await soracom.fetch(operatorPath).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthFailed)
    expect((error as AuthFailed)._tag).toBe("AuthFailed")
    expect((error as AuthFailed).code).toBe("AUM0002")
    expect(signIns(sandbox)).toBe(1)
    expect(count(sandbox, "GET", operatorPath)).toBe(0)
  })

  it("credentials that stop working mid-run: the 401 costs one sign-in attempt, AuthFailed once, no loop", async () => {
    const email = `mid-run-${Date.now()}@example.com`
    const init = await fetch(`${sandbox.url}/sandbox/init`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email,
        password: "first password",
        authKeyId: "keyId-midrunAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        authKey: "secret-midrunBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      }),
    })
    const { operatorId } = (await init.json()) as { operatorId: string }
    await using soracom = client({ credentials: { email, password: "first password" } })
    expect((await soracom.fetch(`/operators/${operatorId}`)).status).toBe(200)
    // A password reset changes the password and revokes every token of the operator.
    await soracom.issuePasswordResetToken(email)
    const mail = sandbox.outbox().findLast((m) => m.to === email)!
    await soracom.verifyPasswordResetToken(mail.token, "second password")
    sandbox.clearExchanges()
    const error = await soracom.fetch(`/operators/${operatorId}`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthFailed)
    expect(signIns(sandbox)).toBe(1)
    expect(count(sandbox, "GET", `/operators/${operatorId}`)).toBe(1)
  })
})

describe("the rest of the API", () => {
  it("logout revokes the session on the server; the next call signs in again", async () => {
    await using soracom = client()
    const first = await soracom.session()
    await soracom.logout()
    expect(count(sandbox, "POST", "/auth/logout")).toBe(1)
    const check = await fetch(`${sandbox.url}${operatorPath}`, {
      headers: { "X-Soracom-API-Key": first.apiKey, "X-Soracom-Token": first.token },
    })
    expect(check.status).toBe(401)
    expect((await soracom.session()).apiKey).not.toBe(first.apiKey)
    expect(signIns(sandbox)).toBe(2)
  })

  it("SAM users and root; MFA asks mfaCode once per sign-in", async () => {
    await using sam = client({
      credentials: { operatorId: demo.operatorId, userName: demo.userName, password: demo.userPassword },
    })
    expect((await sam.session()).userName).toBe(demo.userName)
    const { TOTP, Secret } = await import("otpauth")
    let asked = 0
    await using mfa = client({
      credentials: {
        operatorId: demo.operatorId,
        userName: demo.mfaUserName,
        password: demo.mfaUserPassword,
      },
      mfaCode: async () => {
        asked++
        return TOTP.generate({ secret: Secret.fromBase32(demo.mfaSecret) })
      },
    })
    await Promise.all([mfa.headers(), mfa.headers(), mfa.session()])
    expect(asked).toBe(1)
    await using root = client({ credentials: { email: demo.email, password: demo.password } })
    expect((await root.session()).userName).toBeUndefined()
  })

  it("language: X-Soracom-Lang on the API calls too, unless the caller sets one", async () => {
    await using soracom = client({ language: "ja" })
    const r = await soracom.fetch("/operators/OP9999999999")
    expect(r.status).toBe(400)
    expect(((await r.json()) as { message: string }).message).toMatch(/[\u3040-\u30ff]/)
    const en = await soracom.fetch("/operators/OP9999999999", { headers: { "X-Soracom-Lang": "en" } })
    expect(((await en.json()) as { message: string }).message).toBe("Invalid Operator Id.")
  })

  it("a store: a fresh stored session avoids the sign-in; save after sign-in; clear on logout", async () => {
    await using first = client()
    const stored = await first.session()
    const saved: Array<unknown> = []
    let cleared = 0
    sandbox.clearExchanges()
    await using soracom = client({
      store: { load: () => stored, save: (s) => void saved.push(s), clear: () => void cleared++ },
    })
    expect((await soracom.headers())["X-Soracom-Token"]).toBe(stored.token)
    expect((await soracom.fetch(operatorPath)).status).toBe(200)
    expect(signIns(sandbox)).toBe(0)
    await soracom.logout()
    expect(cleared).toBe(1)
    await soracom.session()
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ operatorId: demo.operatorId, expiresAt: expect.any(Date) })
  })

  it("a broken store never breaks the client: load throwing → sign in; save throwing → still resolves", async () => {
    await using soracom = client({
      store: {
        load: () => {
          throw new Error("disk on fire")
        },
        save: async () => {
          throw new Error("disk on fire")
        },
      },
    })
    expect((await soracom.session()).operatorId).toBe(demo.operatorId)
  })

  it("password reset: issue and verify, errors as core's classes", async () => {
    await using soracom = client()
    await expect(soracom.issuePasswordResetToken("nobody@example.com")).rejects.toMatchObject({
      _tag: "InvalidEmail",
    })
    await expect(soracom.verifyPasswordResetToken("not-a-token", "new password 1")).rejects.toMatchObject({
      _tag: "InvalidToken",
    })
    await expect(soracom.issuePasswordResetToken("not an email")).rejects.toBeInstanceOf(InvalidRequest)
  })

  it("closed: every method rejects with InvalidRequest naming the client; close is idempotent", async () => {
    const soracom = client()
    await soracom.session()
    await soracom.close()
    await soracom.close()
    await expect(soracom.headers()).rejects.toMatchObject({ _tag: "InvalidRequest", field: "client" })
    await expect(soracom.fetch(operatorPath)).rejects.toBeInstanceOf(InvalidRequest)
  })

  it("an aborted fetch rejects with the signal's reason", async () => {
    await using soracom = client()
    await soracom.session()
    sandbox.faults.set("/operators/{operator_id}", { delayMs: 5000, times: 1 })
    const controller = new AbortController()
    const pending = soracom.fetch(operatorPath, { signal: controller.signal })
    setTimeout(() => controller.abort(new Error("changed my mind")), 50)
    await expect(pending).rejects.toThrow("changed my mind")
  })
})
