import { hostname } from "node:os"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { admin, demo, post, rawExchange, send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterAll(() => sandbox.close())

describe("the admin index", () => {
  it("describes every route in words, the body-taking ones with their fields", async () => {
    const r = await admin(sandbox, "GET", "")
    const routes = r.json.routes as Record<string, string>
    for (const [route, description] of Object.entries(routes)) {
      expect(typeof description, route).toBe("string")
      // A description, not a placeholder: several words.
      expect(description.split(/\s+/).length, route).toBeGreaterThanOrEqual(2)
    }
    // The fault fields the README lists, and the recording switch.
    for (const field of ["route", "status", "body", "headers", "delayMs", "drop", "malformed", "times"])
      expect(routes["POST /_sandbox/faults"]).toContain(field)
    expect(routes["PUT /_sandbox/recording"]).toContain("enabled")
    expect(routes["DELETE /_sandbox/sessions[?apiKey=api-…]"]).toContain("revoked")
  })
})

describe("faults over the admin API", () => {
  it("DELETE ?route= clears that route's fault only; without it, all", async () => {
    for (const route of ["/auth", "/auth/logout", "*"])
      expect((await admin(sandbox, "POST", "/faults", { route, status: 503 })).status).toBe(201)
    expect((await admin(sandbox, "DELETE", "/faults?route=%2Fauth")).status).toBe(204)
    expect(Object.keys((await admin(sandbox, "GET", "/faults")).json).sort()).toEqual(["*", "/auth/logout"])
    expect((await admin(sandbox, "DELETE", "/faults")).status).toBe(204)
    expect((await admin(sandbox, "GET", "/faults")).json).toEqual({})
  })
})

describe("a blank body is no body", () => {
  it("whitespace on a DELETE is ignored; on a POST it is a missing fault, not unparsable JSON", async () => {
    expect((await admin(sandbox, "DELETE", "/outbox", " \r\n\t")).status).toBe(204)
    const r = await admin(sandbox, "POST", "/faults", " \n", { "Content-Type": "application/json" })
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      code: "SBX0001",
      message: "Malformed request body: a fault must be a JSON object",
    })
  })
})

describe("who may use the admin API", () => {
  it("an HTTP/1.0 request without a Host is refused, naming the empty Host", async () => {
    const text = await rawExchange(sandbox, "GET /_sandbox/outbox HTTP/1.0\r\n\r\n")
    expect(text).toMatch(/^HTTP\/1\.1 403/)
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toEqual({
      code: "SBX0007",
      message: 'The admin API answers only loopback requests: Host ""',
    })
  })

  it("any 127.x.y.z address with 1–3 digit parts is loopback; other names are not", async () => {
    for (const host of ["127.10.200.3", "127.255.255.254:8080", "127.0.0.1", "localhost", "[::1]:1"])
      expect((await admin(sandbox, "GET", "/outbox", undefined, { Host: host })).status, host).toBe(200)
    for (const host of ["128.0.0.1", "localhost.example", "[::2]", "127.0.0.1.example", "example.127.0.0.1"])
      expect((await admin(sandbox, "GET", "/outbox", undefined, { Host: host })).status, host).toBe(403)
  })

  it("an Origin's scheme is taken off only at its start, and only a well-formed one", async () => {
    for (const origin of ["[::1]x://", "127.0.0.1.x://", "://localhost", "1a://localhost", "-a://localhost"])
      expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: origin })).status, origin).toBe(403)
    for (const origin of ["a+b.c-d://localhost", "x://127.0.0.1:9"])
      expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: origin })).status, origin).toBe(200)
  })

  it("a sandbox bound to a host name answers that name (this machine's own)", async () => {
    const named = await start({ host: hostname() })
    try {
      const r = await send(named.adminUrl, "GET", "/outbox", undefined, {
        Host: `${hostname()}:${named.port}`,
      })
      expect(r.status).toBe(200)
      const other = await send(named.adminUrl, "GET", "/outbox", undefined, { Host: "other.example" })
      expect(other.status).toBe(403)
    } finally {
      await named.close()
    }
  })
})

describe("DELETE /_sandbox/ratelimit", () => {
  it("forgets the counters: a client over the limit is let in again", async () => {
    const limited = await start({ rateLimit: { limit: 1, windowSeconds: 3600 } })
    try {
      const signIn = () => post(limited, "/auth", { email: demo.email, password: demo.password })
      expect((await signIn()).status).toBe(200)
      expect((await signIn()).status).toBe(429)
      expect((await send(limited.adminUrl, "DELETE", "/ratelimit")).status).toBe(204)
      expect((await signIn()).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
