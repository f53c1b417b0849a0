/**
 * The admin API's answers in full (README § Admin API and § Security): the index, each route's status and body,
 * the 403/415/405 details, a sandbox bound to a wildcard address treating loopback names as its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { admin, demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterAll(() => sandbox.close())

const violation = (code: string, message: string) => ({ code, message })

describe("admin API answers", () => {
  it("the index at /_sandbox and /_sandbox/ lists the URLs and every route", async () => {
    for (const path of ["", "/"]) {
      const r = await admin(sandbox, "GET", path)
      expect(r.status).toBe(200)
      expect(r.json).toEqual({
        url: sandbox.url,
        endpoint: sandbox.endpoint,
        adminUrl: sandbox.adminUrl,
        routes: expect.any(Object),
      })
      expect(Object.keys(r.json.routes)).toEqual([
        "GET /_sandbox",
        "GET /_sandbox/outbox",
        "DELETE /_sandbox/outbox",
        "GET /_sandbox/faults",
        "POST /_sandbox/faults",
        "DELETE /_sandbox/faults[?route=/auth]",
        "GET /_sandbox/exchanges",
        "DELETE /_sandbox/exchanges",
        "PUT /_sandbox/recording",
        "DELETE /_sandbox/ratelimit",
        "DELETE /_sandbox/sessions[?apiKey=api-…]",
      ])
    }
  })

  it("faults: POST answers 201 with the fault as stored; an empty body is not a fault", async () => {
    const r = await admin(sandbox, "POST", "/faults", { route: "/auth", status: 503, times: 2 })
    expect(r.status).toBe(201)
    expect(r.json).toEqual({ route: "/auth", status: 503, times: 2 })
    expect((await admin(sandbox, "GET", "/faults")).json).toEqual({ "/auth": { status: 503, times: 2 } })
    const empty = await admin(sandbox, "POST", "/faults", "", { "Content-Type": "application/json" })
    expect(empty.status).toBe(400)
    expect(empty.json).toEqual(violation("SBX0001", "Malformed request body: a fault must be a JSON object"))
    expect((await admin(sandbox, "DELETE", "/faults?route=/auth")).status).toBe(204)
    expect((await admin(sandbox, "GET", "/faults")).json).toEqual({})
  })

  it("recording: PUT {enabled} answers it back and switches; anything else is 400 naming the shape", async () => {
    const on = await admin(sandbox, "PUT", "/recording", { enabled: true })
    expect(on).toMatchObject({ status: 200, json: { enabled: true } })
    await post(sandbox, "/auth", {})
    const exchanges = await admin(sandbox, "GET", "/exchanges")
    expect(exchanges.json.map((e: { request: { path: string } }) => e.request.path)).toEqual(["/v1/auth"])
    expect((await admin(sandbox, "DELETE", "/exchanges")).status).toBe(204)
    expect((await admin(sandbox, "GET", "/exchanges")).json).toEqual([])
    expect((await admin(sandbox, "PUT", "/recording", { enabled: false })).json).toEqual({ enabled: false })
    await post(sandbox, "/auth", {})
    expect(sandbox.exchanges()).toEqual([])
    for (const body of [{ enabled: "yes" }, [true], "", null]) {
      const r = await admin(sandbox, "PUT", "/recording", body === "" ? "" : JSON.stringify(body), {
        "Content-Type": "application/json",
      })
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.json).toEqual(violation("SBX0001", 'Malformed request body: expected {"enabled": true|false}'))
    }
  })

  it("sessions: DELETE revokes one API key or all, answering how many were live", async () => {
    const signIn = async () =>
      (await post(sandbox, "/auth", { email: demo.email, password: demo.password })).json as {
        apiKey: string
      }
    const a = await signIn()
    await signIn()
    const one = await admin(sandbox, "DELETE", `/sessions?apiKey=${encodeURIComponent(a.apiKey)}`)
    expect(one).toMatchObject({ status: 200, json: { revoked: 1 } })
    expect((await admin(sandbox, "DELETE", `/sessions?apiKey=${encodeURIComponent(a.apiKey)}`)).json).toEqual(
      {
        revoked: 0,
      },
    )
    expect((await admin(sandbox, "DELETE", "/sessions")).json.revoked).toBeGreaterThanOrEqual(1)
    expect((await admin(sandbox, "DELETE", "/sessions")).json).toEqual({ revoked: 0 })
  })

  it("ratelimit: DELETE answers 204", async () => {
    expect((await admin(sandbox, "DELETE", "/ratelimit")).status).toBe(204)
  })

  it("405 names the method and path and lists the route's methods", async () => {
    const r = await admin(sandbox, "POST", "/sessions", {})
    expect(r.status).toBe(405)
    expect(r.headers.allow).toBe("DELETE")
    expect(r.json).toEqual(violation("SBX0003", "Method not allowed: POST /_sandbox/sessions"))
    expect((await admin(sandbox, "GET", "/nope")).json).toEqual(
      violation("SBX0002", "No such resource: /_sandbox/nope"),
    )
  })

  it("415 names what was sent: another type, or nothing", async () => {
    const typed = await admin(sandbox, "PUT", "/recording", '{"enabled":true}', {
      "Content-Type": "text/json",
    })
    expect(typed.status).toBe(415)
    expect(typed.json).toEqual(violation("SBX0008", 'Content-Type must be application/json, got "text/json"'))
    const untyped = await send(sandbox.adminUrl, "POST", "/faults", undefined, {})
    expect(untyped.status).toBe(415)
    expect(untyped.json.message).toBe('Content-Type must be application/json, got "nothing"')
    const cased = await admin(sandbox, "PUT", "/recording", '{"enabled":false}', {
      "Content-Type": " Application/JSON ; charset=UTF-8",
    })
    expect(cased.status).toBe(200)
    // A DELETE needs no type.
    expect(
      (await admin(sandbox, "DELETE", "/outbox", undefined, { "Content-Type": "text/plain" })).status,
    ).toBe(204)
  })

  it("403 names the Host or Origin refused; a scheme-less or upper-case loopback origin is fine", async () => {
    const host = await admin(sandbox, "GET", "/outbox", undefined, { Host: "evil.example" })
    expect(host.json).toEqual(
      violation("SBX0007", 'The admin API answers only loopback requests: Host "evil.example"'),
    )
    const origin = await admin(sandbox, "GET", "/outbox", undefined, { Origin: "http://evil.example" })
    expect(origin.json).toEqual(
      violation("SBX0007", 'The admin API answers only loopback requests: Origin "http://evil.example"'),
    )
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: "null" })).status).toBe(403)
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: "HTTP://LOCALHOST:1" })).status).toBe(
      200,
    )
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: "http://127.0.0.1" })).status).toBe(
      200,
    )
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Origin: "http://[::1]:9" })).status).toBe(200)
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Host: "127.0.0.1.evil" })).status).toBe(403)
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Host: "x127.0.0.1" })).status).toBe(403)
    expect((await admin(sandbox, "GET", "/outbox", undefined, { Host: "a b" })).status).toBe(403)
  })

  it("a sandbox bound to 0.0.0.0 answers loopback Host names only", async () => {
    const wide = await start({ host: "0.0.0.0" })
    try {
      const base = `http://127.0.0.1:${wide.port}/_sandbox`
      expect((await send(base, "GET", "/outbox", undefined, { Host: `localhost:${wide.port}` })).status).toBe(
        200,
      )
      expect((await send(base, "GET", "/outbox", undefined, { Host: "0.0.0.0" })).status).toBe(403)
      expect((await send(base, "GET", "/outbox", undefined, { Host: "192.168.1.1" })).status).toBe(403)
    } finally {
      await wide.close()
    }
  })
})
