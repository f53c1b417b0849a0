import { afterEach, describe, expect, it } from "vitest"
import { type Sandbox, startSandbox } from "../src/index.ts"
import { demo, manualClock, post, send, start } from "./helpers.ts"

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const auth = (s: Sandbox) => post(s, "/auth", { email: demo.email, password: demo.password })

describe("rate limiting per client IP", () => {
  it("counts down in X-Soracom-Ratelimit-* headers, then answers 429 with Retry-After, until the window ends", async () => {
    const time = manualClock()
    sandbox = await start({ rateLimit: { limit: 3, windowSeconds: 60 }, clock: time.clock })
    const remaining: Array<string | undefined> = []
    for (let i = 0; i < 3; i++) {
      const r = await auth(sandbox)
      expect(r.status).toBe(200)
      expect(r.headers["x-soracom-ratelimit-limit"]).toBe("3")
      remaining.push(r.headers["x-soracom-ratelimit-remaining"] as string)
    }
    expect(remaining).toEqual(["2", "1", "0"])
    time.advance(20_000)
    const limited = await auth(sandbox)
    expect(limited.status).toBe(429)
    expect(limited.headers["retry-after"]).toBe("40")
    expect(limited.headers["x-soracom-ratelimit-seconds-before-refresh"]).toBe("40")
    expect(limited.headers["x-soracom-ratelimit-remaining"]).toBe("0")
    expect(limited.json).toEqual({
      code: "SBX0005",
      message: "Too many requests. Please retry after 40 seconds.",
    })
    const ja = await post(sandbox, "/auth", {}, { "X-Soracom-Lang": "ja" })
    expect(ja.status).toBe(429)
    expect(ja.json.message).toContain("40 秒後")
    time.advance(40_000)
    expect((await auth(sandbox)).status).toBe(200)
  })

  it("counts each of the three endpoints separately and leaves logout, sandbox/init and 404s alone", async () => {
    sandbox = await start({ rateLimit: { limit: 1 } })
    expect((await auth(sandbox)).status).toBe(200)
    expect((await auth(sandbox)).status).toBe(429)
    expect((await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })).status).toBe(200)
    expect((await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })).status).toBe(429)
    expect(
      (await post(sandbox, "/auth/password_reset_token/verify", { token: "t", password: "p" })).status,
    ).toBe(400)
    expect(
      (await post(sandbox, "/auth/password_reset_token/verify", { token: "t", password: "p" })).status,
    ).toBe(429)
    for (let i = 0; i < 3; i++) {
      const r = await post(sandbox, "/auth/logout")
      expect(r.status).toBe(401)
      expect(r.headers["x-soracom-ratelimit-limit"]).toBeUndefined()
      expect((await post(sandbox, "/nope", {})).status).toBe(404)
    }
  })

  it("limits failed attempts too (brute force) and can be reset through the handle and the admin API", async () => {
    sandbox = await start({ rateLimit: { limit: 2 } })
    for (let i = 0; i < 2; i++)
      expect((await post(sandbox, "/auth", { email: demo.email, password: "x" })).status).toBe(401)
    expect((await auth(sandbox)).status).toBe(429)
    sandbox.resetRateLimits()
    expect((await auth(sandbox)).status).toBe(200)
    expect((await auth(sandbox)).status).toBe(200)
    expect((await auth(sandbox)).status).toBe(429)
    expect((await send(sandbox.adminUrl, "DELETE", "/ratelimit")).status).toBe(204)
    expect((await auth(sandbox)).status).toBe(200)
  })

  it("is on by default (60 per minute) and off with rateLimit: false", async () => {
    const on = await startSandbox({ hashCost: 1, log: false })
    try {
      const r = await auth(on)
      expect(r.headers["x-soracom-ratelimit-limit"]).toBe("60")
    } finally {
      await on.close()
    }
    const off = await start({ rateLimit: false })
    try {
      const results = await Promise.all(Array.from({ length: 100 }, () => auth(off)))
      expect(
        results.every((r) => r.status === 200 && r.headers["x-soracom-ratelimit-limit"] === undefined),
      ).toBe(true)
    } finally {
      await off.close()
    }
  })

  it("rejects nonsensical limits at start", async () => {
    await expect(start({ rateLimit: { limit: 0 } })).rejects.toThrow(RangeError)
    await expect(start({ rateLimit: { windowSeconds: -1 } })).rejects.toThrow(RangeError)
  })
})
