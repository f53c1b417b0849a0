import { afterEach, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const page = "http://127.0.0.1:5173"
const preflight = (base: string, origin: string, requestHeaders = "content-type,traceparent,b3") =>
  send(base, "OPTIONS", "/auth", undefined, {
    Origin: origin,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": requestHeaders,
  })
const auth = (s: Sandbox, origin?: string) =>
  post(
    s,
    "/auth",
    { email: demo.email, password: demo.password },
    origin === undefined ? {} : { Origin: origin },
  )

describe("CORS on /v1", () => {
  it("by default any origin: preflights answer 204 with the asked headers, answers carry Allow-Origin *", async () => {
    sandbox = await start({ rateLimit: { limit: 5, windowSeconds: 60 } })
    const pre = await preflight(sandbox.url, page)
    expect(pre.status).toBe(204)
    expect(pre.headers["access-control-allow-origin"]).toBe("*")
    expect(pre.headers["access-control-allow-methods"]).toContain("POST")
    expect(pre.headers["access-control-allow-headers"]).toBe("content-type,traceparent,b3")
    const r = await auth(sandbox, page)
    expect(r.status).toBe(200)
    expect(r.headers["access-control-allow-origin"]).toBe("*")
    expect(r.headers["access-control-expose-headers"]).toContain("X-Soracom-Ratelimit-Remaining")
    // the rate-limit headers are still there, next to CORS's
    expect(r.headers["x-soracom-ratelimit-remaining"]).toBe("4")
  })

  it("a list of origins: only those get headers (and Vary: Origin)", async () => {
    sandbox = await start({ cors: { origins: [page] } })
    const allowed = await preflight(sandbox.url, page)
    expect(allowed.headers["access-control-allow-origin"]).toBe(page)
    expect(allowed.headers.vary).toBe("Origin")
    const other = await preflight(sandbox.url, "http://evil.example")
    expect(other.headers["access-control-allow-origin"]).toBeUndefined()
    expect(
      (await auth(sandbox, "http://evil.example")).headers["access-control-allow-origin"],
    ).toBeUndefined()
  })

  it("cors: false sends none; a malformed Access-Control-Request-Headers is not echoed", async () => {
    sandbox = await start({ cors: false })
    const off = await preflight(sandbox.url, page)
    expect(off.headers["access-control-allow-origin"]).toBeUndefined()
    await sandbox.close()
    sandbox = await start()
    const odd = await preflight(sandbox.url, page, "x-a, bad header")
    expect(odd.status).toBe(204)
    expect(odd.headers["access-control-allow-headers"]).toBeUndefined()
  })

  it("never on the admin API; a bad origin option is a RangeError", async () => {
    sandbox = await start()
    const admin = await send(sandbox.adminUrl, "OPTIONS", "/outbox", undefined, {
      Origin: page,
      "Access-Control-Request-Method": "GET",
    })
    expect(admin.headers["access-control-allow-origin"]).toBeUndefined()
    await expect(start({ cors: { origins: ["localhost:5173"] } })).rejects.toThrow(RangeError)
  })
})
