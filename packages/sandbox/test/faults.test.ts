import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { admin, demo, post, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterEach(() => sandbox.faults.clear())
afterAll(() => sandbox.close())

const auth = () => post(sandbox, "/auth", { email: demo.email, password: demo.password })

describe("fault injection through the JS handle", () => {
  it("answers a status with the default SBX0099 body, in the request's language", async () => {
    sandbox.faults.set("/auth", { status: 503 })
    const r = await auth()
    expect(r.status).toBe(503)
    expect(r.json).toEqual({ code: "SBX0099", message: "Fault injected by the sandbox." })
    const ja = await post(sandbox, "/auth", {}, { "X-Soracom-Lang": "ja" })
    expect(ja.json.message).toBe("サンドボックスが注入した障害です。")
  })

  it("answers a status with a given JSON or text body (SORACOM's gateway 500 is text/plain)", async () => {
    sandbox.faults.set("/auth", { status: 500, body: "Internal error", headers: { "X-Custom": "1" } })
    const text = await auth()
    expect(text.status).toBe(500)
    expect(text.headers["content-type"]).toMatch(/^text\/plain/)
    expect(text.headers["x-custom"]).toBe("1")
    expect(text.text).toBe("Internal error")
    sandbox.faults.set("/auth", { status: 401, body: { code: "AUM0002", message: "custom" } })
    expect((await auth()).json).toEqual({ code: "AUM0002", message: "custom" })
  })

  it("applies `times` times, then the route works again", async () => {
    sandbox.faults.set("/auth", { status: 429, times: 2, headers: { "Retry-After": "1" } })
    expect(sandbox.faults.list()["/auth"]?.times).toBe(2)
    expect((await auth()).status).toBe(429)
    expect(sandbox.faults.list()["/auth"]?.times).toBe(1)
    expect((await auth()).status).toBe(429)
    expect((await auth()).status).toBe(200)
    expect(sandbox.faults.list()).toEqual({})
  })

  it("drops the connection", async () => {
    sandbox.faults.set("/auth", { drop: true, times: 1 })
    await expect(auth()).rejects.toThrow(/socket hang up|ECONNRESET/)
    expect((await auth()).status).toBe(200)
  })

  it("sends a malformed JSON body with a 200 (or a given status)", async () => {
    sandbox.faults.set("/auth", { malformed: true })
    const r = await auth()
    expect(r.status).toBe(200)
    expect(r.headers["content-type"]).toMatch(/^application\/json/)
    expect(() => JSON.parse(r.text)).toThrow()
  })

  it("delays the real answer, or a fault", async () => {
    sandbox.faults.set("/auth", { delayMs: 300 })
    let settled = false
    const delayed = auth().then((r) => {
      settled = true
      return r
    })
    // an undelayed route answers meanwhile; the delayed one is still pending
    expect((await post(sandbox, "/auth/logout")).status).toBe(401)
    expect(settled).toBe(false)
    expect((await delayed).status).toBe(200)
    sandbox.faults.set("/auth", { delayMs: 10, status: 502 })
    expect((await auth()).status).toBe(502)
  })

  it("scopes a fault to its route; '*' covers every /v1 route; a route's own fault wins", async () => {
    sandbox.faults.set("/auth/password_reset_token/issue", { status: 500 })
    expect((await auth()).status).toBe(200)
    expect((await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })).status).toBe(500)
    sandbox.faults.set("*", { status: 503 })
    sandbox.faults.set("/auth", { status: 418 })
    expect((await auth()).status).toBe(418)
    expect((await post(sandbox, "/auth/logout")).status).toBe(503)
    expect((await post(sandbox, "/sandbox/init", {})).status).toBe(503)
    sandbox.faults.clear("*")
    expect((await post(sandbox, "/auth/logout")).status).toBe(401)
  })
})

describe("fault injection through the admin API", () => {
  it("sets, lists and clears faults", async () => {
    const set = await admin(sandbox, "POST", "/faults", { route: "/auth", status: 503, times: 1 })
    expect(set.status).toBe(201)
    expect((await admin(sandbox, "GET", "/faults")).json).toEqual({ "/auth": { status: 503, times: 1 } })
    expect((await auth()).status).toBe(503)
    expect((await auth()).status).toBe(200)
    await admin(sandbox, "POST", "/faults", { route: "/auth", drop: true })
    await admin(sandbox, "POST", "/faults", { route: "/auth/logout", status: 500 })
    expect((await admin(sandbox, "DELETE", "/faults?route=/auth")).status).toBe(204)
    expect(Object.keys((await admin(sandbox, "GET", "/faults")).json)).toEqual(["/auth/logout"])
    expect((await admin(sandbox, "DELETE", "/faults")).status).toBe(204)
    expect((await admin(sandbox, "GET", "/faults")).json).toEqual({})
  })

  it.each([
    [{ status: 503 }, "route"],
    [{ route: "/auth", status: 99 }, "status"],
    [{ route: "/auth", delayMs: -1 }, "delayMs"],
    [{ route: "/auth", times: 0 }, "times"],
    [{ route: "/auth", drop: "yes" }, "drop"],
    [{ route: "/auth", colour: "red" }, "unknown key"],
    [{ route: "/v1/auth", status: 500 }, "route: one of"],
    [[1], "object"],
  ])("rejects %j with 400 naming %s", async (body, word) => {
    const r = await admin(sandbox, "POST", "/faults", body)
    expect(r.status).toBe(400)
    expect(r.json.code).toBe("SBX0001")
    expect(r.json.message).toContain(word)
  })

  it("the JS handle rejects unknown routes and bad faults too", () => {
    expect(() => sandbox.faults.set("/nope", { status: 500 })).toThrow(/route: one of/)
    expect(() => sandbox.faults.set("/auth", { status: 1000 })).toThrow(RangeError)
  })

  it("is never affected by faults itself", async () => {
    sandbox.faults.set("*", { status: 500 })
    expect((await admin(sandbox, "GET", "/faults")).status).toBe(200)
  })
})
