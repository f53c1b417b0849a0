import * as OTPAuth from "otpauth"
import { afterEach, describe, expect, it } from "vitest"
import type { Sandbox, SandboxOptions } from "../src/index.ts"
import { demo, manualClock, post, rawExchange, send, start } from "./helpers.ts"

let sandbox: Sandbox | undefined
const open = async (options: SandboxOptions = {}) => {
  sandbox = await start(options)
  return sandbox
}
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`

describe("#15 item 14: nesting depth is bounded, nothing unserialisable is stored", () => {
  it("a /v1/auth body nested 5,000 deep is a 400, and GET /_sandbox/exchanges still answers 200", async () => {
    const s = await open({ record: true })
    const r = await post(s, "/auth", `{"email":${nested(5000)}}`)
    expect(r.status).toBe(400)
    expect(r.json.code).toBe("SBX0001")
    expect(r.json.message).toContain("nested deeper than")
    const listed = await send(s.adminUrl, "GET", "/exchanges")
    expect(listed.status).toBe(200)
    expect(listed.json[0].request.body).toBeTypeOf("string")
    expect(s.exchanges()).toHaveLength(1)
  })

  it("a fault body nested 5,000 deep is refused (400); /_sandbox/faults and the route keep answering", async () => {
    const s = await open()
    const set = await send(
      s.adminUrl,
      "POST",
      "/faults",
      `{"route":"/auth","status":418,"body":${nested(5000)}}`,
    )
    expect(set.status).toBe(400)
    expect((await send(s.adminUrl, "GET", "/faults")).status).toBe(200)
    expect((await post(s, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)
  })

  it("a fault set through the handle with an unserialisable body is refused", async () => {
    const s = await open()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => s.faults.set("/auth", { status: 418, body: cyclic })).toThrow(RangeError)
    expect(() => s.faults.set("/auth", { status: 418, body: JSON.parse(nested(100)) })).toThrow(RangeError)
    expect((await send(s.adminUrl, "GET", "/faults")).status).toBe(200)
  })
})

describe("#15 item 15: fault headers are validated", () => {
  it.each([
    { "Bad Name": "x" },
    { "X-Ok": "a\r\nSet-Cookie: evil=1" },
    { "X-Ok": "nul\u0000" },
    { "": "x" },
    { "Content-Length": "1" },
    { "Transfer-Encoding": "chunked" },
  ])("refuses headers %j with 400, and the route keeps working", async (headers) => {
    const s = await open()
    const r = await send(s.adminUrl, "POST", "/faults", { route: "/auth", status: 503, headers })
    expect(r.status).toBe(400)
    expect(r.json.message).toMatch(/headers/)
    expect(() => s.faults.set("/auth", { status: 503, headers })).toThrow(RangeError)
    expect((await post(s, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)
  })
})

describe("#15 item 16: a TOTP code is accepted once (RFC 6238 §5.2)", () => {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demo.mfaSecret) })
  const signIn = (s: Sandbox, code: string) =>
    post(s, "/auth", {
      operatorId: demo.operatorId,
      userName: demo.mfaUserName,
      password: demo.mfaUserPassword,
      mfaOTPCode: code,
    })

  it("rejects the second use of a code within its window, then accepts the next period's code", async () => {
    const time = manualClock()
    const s = await open({ clock: time.clock })
    const code = totp.generate({ timestamp: time.clock() })
    expect((await signIn(s, code)).status).toBe(200)
    expect((await signIn(s, code)).status).toBe(401)
    time.advance(10_000)
    expect((await signIn(s, code)).status).toBe(401)
    // An earlier period's code (still inside the ±1 window) is older than the one used: refused too.
    expect((await signIn(s, totp.generate({ timestamp: time.clock() - 30_000 }))).status).toBe(401)
    time.advance(30_000)
    expect((await signIn(s, totp.generate({ timestamp: time.clock() }))).status).toBe(200)
  })

  it("a wrong password does not burn the code", async () => {
    const time = manualClock()
    const s = await open({ clock: time.clock })
    const code = totp.generate({ timestamp: time.clock() })
    const wrong = await post(s, "/auth", {
      operatorId: demo.operatorId,
      userName: demo.mfaUserName,
      password: "wrong",
      mfaOTPCode: code,
    })
    expect(wrong.status).toBe(401)
    expect((await signIn(s, code)).status).toBe(200)
  })

  it("is switchable for tests: rejectTotpReuse: false accepts a code again", async () => {
    const time = manualClock()
    const s = await open({ clock: time.clock, rejectTotpReuse: false })
    const code = totp.generate({ timestamp: time.clock() })
    for (let i = 0; i < 3; i++) expect((await signIn(s, code)).status).toBe(200)
  })
})

describe("#15 item 17: bounded recording, a guarded admin API, CONNECT, rate-limited init", () => {
  it("the recording keeps the newest exchanges within recordLimit (a ring)", async () => {
    const s = await open({ record: true, recordLimit: { exchanges: 3 } })
    for (let i = 0; i < 5; i++) await post(s, "/auth", { email: `n${i}@example.com`, password: "x" })
    expect(s.exchanges().map((e) => e.seq)).toEqual([3, 4, 5])
    const byBytes = await start({ record: true, recordLimit: { bytes: 1000 } })
    try {
      for (let i = 0; i < 10; i++)
        await post(byBytes, "/auth", { email: "a@b.co", password: "x".repeat(300) })
      const kept = byBytes.exchanges()
      const size = kept.reduce((n, e) => n + e.request.rawBody.length + (e.response?.rawBody.length ?? 0), 0)
      expect(size).toBeLessThanOrEqual(1000)
      expect(kept.at(-1)?.seq).toBe(10)
    } finally {
      await byBytes.close()
    }
  })

  it("admin POST/PUT without application/json is 415 and changes nothing", async () => {
    const s = await open()
    const faults = { route: "/auth", status: 503 }
    const r = await send(s.adminUrl, "POST", "/faults", JSON.stringify(faults), {
      "Content-Type": "text/plain",
    })
    expect(r.status).toBe(415)
    expect(r.json.code).toBe("SBX0008")
    expect(s.faults.list()).toEqual({})
    const put = await send(s.adminUrl, "PUT", "/recording", '{"enabled":true}', {
      "Content-Type": "application/x-www-form-urlencoded",
    })
    expect(put.status).toBe(415)
    expect(
      (
        await send(s.adminUrl, "POST", "/faults", faults, {
          "Content-Type": "application/json; charset=utf-8",
        })
      ).status,
    ).toBe(201)
  })

  it.each(["evil.example", "evil.example:80", "10.0.0.1", "127.0.0.1.evil.example"])(
    "admin requests with Host %s are 403 (DNS rebinding)",
    async (host) => {
      const s = await open()
      const r = await send(s.adminUrl, "GET", "/outbox", undefined, { Host: host })
      expect(r.status).toBe(403)
      expect(r.json.code).toBe("SBX0007")
      const del = await send(s.adminUrl, "DELETE", "/faults", undefined, { Host: host })
      expect(del.status).toBe(403)
    },
  )

  it("admin requests from a foreign Origin are 403; loopback Host names and origins are fine", async () => {
    const s = await open()
    const evil = await send(s.adminUrl, "DELETE", "/outbox", undefined, { Origin: "https://evil.example" })
    expect(evil.status).toBe(403)
    for (const host of [`localhost:${s.port}`, `127.0.0.1:${s.port}`, `[::1]:${s.port}`, "127.9.9.9"]) {
      expect((await send(s.adminUrl, "GET", "/outbox", undefined, { Host: host })).status, host).toBe(200)
    }
    const local = await send(s.adminUrl, "GET", "/outbox", undefined, {
      Origin: `http://localhost:${s.port}`,
    })
    expect(local.status).toBe(200)
  })

  it("warns when bound to a non-loopback address, not on loopback", async () => {
    const lines: Array<string> = []
    const wide = await start({ host: "0.0.0.0", log: (l) => lines.push(l) })
    await wide.close()
    expect(lines.join("\n")).toMatch(/warning.*0\.0\.0\.0.*not.*loopback/i)
    lines.length = 0
    const local = await start({ log: (l) => lines.push(l) })
    await local.close()
    expect(lines.join("\n")).not.toMatch(/warning/i)
  })

  it("CONNECT is answered 405 with a JSON body instead of a silent close", async () => {
    const s = await open()
    const text = await rawExchange(
      s,
      `CONNECT 127.0.0.1:${s.port} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`,
    )
    expect(text).toMatch(/^HTTP\/1\.1 405/)
    expect(text).toContain('"code":"SBX0003"')
    expect((await post(s, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)
  })

  it("POST /v1/sandbox/init is rate limited per IP", async () => {
    const s = await open({ rateLimit: { limit: 2, windowSeconds: 60 } })
    const init = (i: number) =>
      post(s, "/sandbox/init", {
        email: `rl${i}@example.com`,
        password: "pw",
        authKeyId: "keyId-x",
        authKey: "secret-x",
      })
    expect((await init(1)).status).toBe(201)
    expect((await init(2)).status).toBe(201)
    const third = await init(3)
    expect(third.status).toBe(429)
    expect(third.headers["retry-after"]).toBeDefined()
  })
})
