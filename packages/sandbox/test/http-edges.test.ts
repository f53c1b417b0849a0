/**
 * The HTTP plumbing at its documented edges (README: bodies ≤ maxBodyBytes → else 413, JSON nesting ≤ 32 → else
 * 400, CONNECT → 405 with `Allow`, errors in the request's language): a body of exactly the cap passes, one byte
 * more does not, whether declared or chunked; nesting is counted on the JSON's structure, not on braces inside
 * strings; raw answers carry the framing headers a client needs.
 */
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { jsonDepthOver, parseJson } from "../src/internal/http.ts"
import { post, send, start } from "./helpers.ts"

const cap = 200
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ maxBodyBytes: cap, record: true })
})
afterAll(() => sandbox.close())

/** A JSON object body of exactly `size` bytes: `{"email":"aaa…"}` (no credentials → 401 when accepted). */
const bodyOf = (size: number) => `{"email":"${"a".repeat(size - 12)}"}`

/** Sends raw bytes and reads until the server closes (or `ms` pass). */
const rawExchange = (text: string | ReadonlyArray<string>, ms = 5000): Promise<string> =>
  new Promise((resolve, reject) => {
    let data = ""
    const socket = connect(sandbox.port, sandbox.host, () => {
      for (const piece of typeof text === "string" ? [text] : text) socket.write(piece)
    })
    const timer = setTimeout(() => socket.destroy(), ms)
    socket.on("data", (d) => {
      data += d
    })
    socket.on("error", reject)
    socket.on("close", () => {
      clearTimeout(timer)
      resolve(data)
    })
  })

describe("body cap", () => {
  it("a body of exactly maxBodyBytes is read (then judged: 400 for a malformed email), one byte more is 413", async () => {
    expect(Buffer.byteLength(bodyOf(cap))).toBe(cap)
    const atCap = await post(sandbox, "/auth", bodyOf(cap))
    expect(atCap.status).toBe(400)
    expect(atCap.json.code).toBe("COM0008")
    const over = await post(sandbox, "/auth", bodyOf(cap + 1))
    expect(over.status).toBe(413)
    expect(over.json).toEqual({ code: "SBX0004", message: `Request body too large (limit ${cap} bytes).` })
    expect(over.headers.connection).toBe("close")
  })

  it("chunked: the same edge, and a body in several chunks is read whole", async () => {
    const chunked = (pieces: ReadonlyArray<string>) => [
      "POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
      ...pieces.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`),
      "0\r\n\r\n",
    ]
    const body = bodyOf(cap)
    const whole = await rawExchange(chunked([body.slice(0, 50), body.slice(50, 120), body.slice(120)]))
    expect(whole).toMatch(/^HTTP\/1\.1 400/)
    expect(whole).toContain("not a well-formed email address")
    const over = bodyOf(cap + 1)
    const cut = await rawExchange(chunked([over.slice(0, 100), over.slice(100)]))
    expect(cut).toMatch(/^HTTP\/1\.1 413/)
    // The exchange is recorded with the whole body the server read.
    const recorded = sandbox.exchanges().find((e) => e.request.rawBody === body)
    expect(recorded?.response?.status).toBe(400)
  })
})

describe("JSON nesting bound (32)", () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`

  it("32 levels are parsed, 33 are refused with the reason", () => {
    expect(jsonDepthOver(nested(32), 32)).toBe(false)
    expect(jsonDepthOver(nested(33), 32)).toBe(true)
    expect(parseJson(nested(32)).ok).toBe(true)
    expect(parseJson(nested(33))).toEqual({ ok: false, reason: "nested deeper than 32" })
    expect(jsonDepthOver(`[${"[]".repeat(5)}]`, 1)).toBe(true)
    expect(jsonDepthOver("[[]]", 2)).toBe(false)
  })

  it("siblings do not add up: 40 empty objects side by side are 2 levels", () => {
    const siblings = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":{}`).join(",")}}`
    expect(jsonDepthOver(siblings, 2)).toBe(false)
    expect(jsonDepthOver(`[${"[],".repeat(39)}[]]`, 2)).toBe(false)
  })

  it("brackets inside strings do not count, escaped quotes do not end a string, an escaped backslash does not escape the quote after it", () => {
    expect(jsonDepthOver(`{"a":"${"{[".repeat(40)}"}`, 2)).toBe(false)
    expect(jsonDepthOver(`{"a":"\\"${"{".repeat(40)}"}`, 2)).toBe(false)
    // "\\" is one escaped backslash: the string ends at the next quote, and the nesting after it counts.
    expect(jsonDepthOver(`{"a":"\\\\","b":${nested(3)}}`, 3)).toBe(true)
    expect(jsonDepthOver(`{"a":"\\\\","b":${nested(2)}}`, 3)).toBe(false)
  })

  it("over HTTP: 32 levels reach the route (401, no credentials), 33 are 400 SBX0001 naming the bound", async () => {
    const ok = await post(sandbox, "/auth", nested(4))
    expect(ok.status).toBe(401)
    const deep = await send(sandbox.url, "POST", "/auth", `{"x":${nested(32)}}`)
    expect(deep.status).toBe(400)
    expect(deep.json).toEqual({ code: "SBX0001", message: "Malformed request body: nested deeper than 32" })
  })

  it("a UTF-8 byte order mark is skipped, once", () => {
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(parseJson('\uFEFF\uFEFF{"a":1}').ok).toBe(false)
    expect(parseJson("{")).toMatchObject({ ok: false, reason: expect.any(String) })
  })
})

describe("answers", () => {
  it("every JSON answer carries Content-Type application/json;charset=UTF-8 and its exact Content-Length", async () => {
    const r = await post(sandbox, "/auth", {})
    expect(r.headers["content-type"]).toBe("application/json;charset=UTF-8")
    expect(r.headers["content-length"]).toBe(String(Buffer.byteLength(r.text)))
    const ja = await post(sandbox, "/auth", {}, { "X-Soracom-Lang": "ja" })
    expect(ja.headers["content-length"]).toBe(String(Buffer.byteLength(ja.text)))
    expect(Buffer.byteLength(ja.text)).toBeGreaterThan(ja.text.length)
  })

  it("an answer without a body (204) has Content-Length 0 and is recorded with lower-case header names", async () => {
    sandbox.clearExchanges()
    const s = await post(sandbox, "/auth", { email: "demo@example.com", password: "demo-root-password" })
    const out = await post(sandbox, "/auth/logout", undefined, {
      "X-Soracom-API-Key": s.json.apiKey,
      "X-Soracom-Token": s.json.token,
    })
    expect(out.status).toBe(204)
    expect(out.text).toBe("")
    const logout = sandbox.exchanges().find((e) => e.request.path === "/v1/auth/logout")
    expect(logout?.response?.status).toBe(204)
    expect(logout?.response?.headers["content-length"]).toBe("0")
    const signIn = sandbox.exchanges().find((e) => e.request.path === "/v1/auth")
    expect(signIn?.response?.headers["content-type"]).toBe("application/json;charset=UTF-8")
  })

  it("the query is split off the path: none, empty, and a value", async () => {
    sandbox.clearExchanges()
    for (const path of ["/auth", "/auth?", "/auth?x=1?y"]) await post(sandbox, path, {})
    const seen = sandbox.exchanges().map((e) => [e.request.path, e.request.query, e.response?.status])
    expect(seen).toEqual([
      ["/v1/auth", null, 401],
      ["/v1/auth", "", 401],
      ["/v1/auth", "x=1?y", 401],
    ])
  })

  it("CONNECT: 405 in the asked language, with Allow, Content-Length and Connection: close", async () => {
    const raw = await rawExchange(
      `CONNECT 127.0.0.1:${sandbox.port} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Soracom-Lang: ja\r\n\r\n`,
    )
    const [head = "", body = ""] = raw.split("\r\n\r\n")
    expect(head).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(head).toContain("\r\nAllow: GET, POST, PUT, DELETE\r\n")
    expect(head).toContain("\r\nConnection: close")
    expect(head).toContain("\r\nContent-Type: application/json;charset=UTF-8\r\n")
    expect(head).toContain(`\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`)
    expect(JSON.parse(body)).toEqual({
      code: "SBX0003",
      message: "このメソッドは許可されていません: CONNECT",
    })
    const en = await rawExchange(`CONNECT 127.0.0.1:${sandbox.port} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
    expect(JSON.parse(en.split("\r\n\r\n")[1] ?? "")).toEqual({
      code: "SBX0003",
      message: "Method not allowed: CONNECT",
    })
  })

  it("unparsable HTTP: 400 SBX0001 in English with framing headers, then close", async () => {
    const raw = await rawExchange("NOT HTTP AT ALL\r\n\r\n")
    const [head = "", body = ""] = raw.split("\r\n\r\n")
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(head).toContain(`\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`)
    expect(head).toContain("\r\nConnection: close")
    expect(head).not.toContain("Allow:")
    expect(JSON.parse(body)).toEqual({
      code: "SBX0001",
      message: "Malformed request body: unparsable HTTP request",
    })
  })
})
