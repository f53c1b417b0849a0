/**
 * Handling of one `/v1` request (src/internal/api.ts) where the other tests leave it open: a dropped request or a
 * malformed answer is not handled behind the client's back, the rate limit counts per client address, and a body
 * that is not a JSON object is refused with the reason the README's error table gives.
 */
import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ rateLimit: { limit: 1, windowSeconds: 3600 } })
})
afterAll(() => sandbox.close())

/** POST /v1/auth from a chosen loopback address; the status, or the connection's error code. */
const authFrom = (localAddress: string): Promise<{ status: number; remaining: unknown }> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify({ email: demo.email, password: demo.password })
    const req = request(
      {
        host: sandbox.host,
        port: sandbox.port,
        localAddress,
        method: "POST",
        path: "/v1/auth",
        agent: false,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume()
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, remaining: res.headers["x-soracom-ratelimit-remaining"] }),
        )
      },
    )
    req.on("error", reject)
    req.end(payload)
  })

describe("a dropped request", () => {
  it("is not handled: a password reset dropped by a fault sends no mail", async () => {
    sandbox.resetRateLimits()
    sandbox.clearOutbox()
    sandbox.faults.set("/auth/password_reset_token/issue", { drop: true, times: 1 })
    await expect(post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })).rejects.toThrow()
    // A later request on the same route is answered: by then the dropped one would have been handled too.
    sandbox.resetRateLimits()
    const again = await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })
    expect(again.status).toBe(200)
    expect(sandbox.outbox()).toHaveLength(1)
  })
})

describe("a malformed answer", () => {
  it("is the only answer: a password reset behind it is not handled (no mail)", async () => {
    sandbox.resetRateLimits()
    sandbox.clearOutbox()
    sandbox.faults.set("/auth/password_reset_token/issue", { malformed: true, times: 1 })
    const cut = await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email }).catch(
      () => undefined,
    )
    expect(cut?.json).toBeUndefined()
    // A later request on the same route is answered: by then the first one would have been handled too.
    sandbox.resetRateLimits()
    const again = await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })
    expect(again.status).toBe(200)
    expect(sandbox.outbox()).toHaveLength(1)
  })
})

describe("the rate limit counts per client address and route", () => {
  it("a second address has its own window on the same route", async () => {
    sandbox.resetRateLimits()
    expect(await authFrom("127.0.0.1")).toEqual({ status: 200, remaining: "0" })
    expect((await authFrom("127.0.0.1")).status).toBe(429)
    expect(await authFrom("127.0.0.2")).toEqual({ status: 200, remaining: "0" })
    expect((await authFrom("127.0.0.2")).status).toBe(429)
  })
})

describe("a /v1 body that is not a JSON object", () => {
  const required = { code: "SBX0001", message: "Malformed request body: a JSON object is required" }

  it.each(["", " ", "\r\n\t ", "[]", "[1,2]", '"str"', "null", "42", "true"])(
    "%j is 400 SBX0001 'a JSON object is required'",
    async (body) => {
      const r = await post(sandbox, "/auth/switch_user", body)
      expect(r.status).toBe(400)
      expect(r.json).toEqual(required)
    },
  )

  it("what JSON cannot parse is refused with the parser's reason instead", async () => {
    const r = await post(sandbox, "/auth/switch_user", "{")
    expect(r.status).toBe(400)
    expect(r.json.code).toBe("SBX0001")
    expect(r.json.message).toMatch(/^Malformed request body: ./)
    expect(r.json.message).not.toBe(required.message)
  })
})
