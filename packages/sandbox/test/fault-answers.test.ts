/**
 * What a fault answers, byte for byte (README: `malformed` sends a truncated JSON body, status 200 unless given;
 * `status` without a body sends SBX0099; `headers` go on every faulted answer), and that a faulted request is
 * answered before the rate limit counts it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ rateLimit: { limit: 1, windowSeconds: 3600 } })
})
afterEach(() => {
  sandbox.faults.clear()
  sandbox.resetRateLimits()
})
afterAll(() => sandbox.close())

const auth = () => post(sandbox, "/auth", { email: demo.email, password: demo.password })

describe("faulted answers", () => {
  it("malformed: the default truncated body with 200, or the given text and status, with the fault's headers", async () => {
    sandbox.faults.set("/auth", { malformed: true })
    const plain = await auth()
    expect(plain.status).toBe(200)
    expect(plain.text).toBe('{"apiKey":"api-')
    expect(plain.headers["content-type"]).toBe("application/json;charset=UTF-8")
    sandbox.faults.set("/auth", { malformed: true, status: 502, body: '{"x":', headers: { "X-Fault": "m" } })
    const given = await auth()
    expect(given.status).toBe(502)
    expect(given.text).toBe('{"x":')
    expect(given.headers["x-fault"]).toBe("m")
    expect(given.headers["content-type"]).toBe("application/json;charset=UTF-8")
    // A non-string body is not sent as the malformed text.
    sandbox.faults.set("/auth", { malformed: true, body: { a: 1 } })
    expect((await auth()).text).toBe('{"apiKey":"api-')
  })

  it("status without a body: SBX0099 with the fault's status and headers", async () => {
    sandbox.faults.set("/auth", { status: 503, headers: { "Retry-After": "7" } })
    const r = await auth()
    expect(r.status).toBe(503)
    expect(r.headers["retry-after"]).toBe("7")
    expect(r.json).toEqual({ code: "SBX0099", message: "Fault injected by the sandbox." })
  })

  it("status with a JSON body: that body as JSON, with the fault's headers", async () => {
    sandbox.faults.set("/auth", { status: 500, body: [1, "two"], headers: { "X-Fault": "j" } })
    const r = await auth()
    expect(r.status).toBe(500)
    expect(r.headers["content-type"]).toBe("application/json;charset=UTF-8")
    expect(r.headers["x-fault"]).toBe("j")
    expect(r.text).toBe('[1,"two"]')
  })

  it("a text body is text/plain unless the fault's headers say otherwise", async () => {
    sandbox.faults.set("/auth", { status: 500, body: "oops", headers: { "Content-Type": "text/html" } })
    const r = await auth()
    expect(r.headers["content-type"]).toBe("text/html")
    expect(r.text).toBe("oops")
  })

  it("delayMs alone (even 0) leaves the real answer", async () => {
    sandbox.faults.set("/auth", { delayMs: 0 })
    expect((await auth()).status).toBe(200)
  })

  it("faulted requests are not counted by the rate limit (limit 1 here)", async () => {
    sandbox.faults.set("/auth", { status: 503, times: 2 })
    expect((await auth()).status).toBe(503)
    expect((await auth()).status).toBe(503)
    const real = await auth()
    expect(real.status).toBe(200)
    expect(real.headers["x-soracom-ratelimit-remaining"]).toBe("0")
    const limited = await auth()
    expect(limited.status).toBe(429)
    expect(limited.json.code).toBe("SBX0005")
    expect(limited.json.message).toBe(
      `Too many requests. Please retry after ${limited.headers["retry-after"]} seconds.`,
    )
  })
})
