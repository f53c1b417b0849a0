/** Hostile and odd input: the sandbox answers with a JSON body and never crashes. */
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ maxBodyBytes: 1024 })
})
afterAll(() => sandbox.close())

const stillAlive = async () =>
  expect((await post(sandbox, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)

describe("hostile input", () => {
  it.each(["{", "[1,2]", '"str"', "null", "42", "", "   ", "\u0000\u0001"])(
    "answers 400 SBX0001 to body %j on /auth",
    async (body) => {
      const r = await post(sandbox, "/auth", body)
      expect(r.status).toBe(400)
      expect(r.json.code).toBe("SBX0001")
      await stillAlive()
    },
  )

  it("answers 413 with a JSON body when the body is over the cap (declared length)", async () => {
    const r = await post(sandbox, "/auth", { email: demo.email, password: "x".repeat(5000) })
    expect(r.status).toBe(413)
    expect(r.json).toEqual({ code: "SBX0004", message: "Request body too large (limit 1024 bytes)." })
    await stillAlive()
  })

  it("answers 413 when a chunked body grows over the cap", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(sandbox.port, sandbox.host, () => {
        socket.write(
          "POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        )
        const chunk = "a".repeat(600)
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
        socket.write("0\r\n\r\n")
      })
      let data = ""
      socket.on("data", (d) => {
        data += d
      })
      socket.on("end", () => resolve(data))
      socket.on("close", () => resolve(data))
      socket.on("error", reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 413/)
    expect(raw).toContain('"code":"SBX0004"')
    await stillAlive()
  })

  it("cuts off a client that keeps sending after its 413", async () => {
    const raw = await new Promise<string>((resolve) => {
      let data = ""
      let timer: NodeJS.Timeout | undefined
      const socket = connect(sandbox.port, sandbox.host, () => {
        socket.write("POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
        timer = setInterval(() => socket.write("x".repeat(16 * 1024)), 5)
      })
      socket.on("data", (d) => {
        data += d
      })
      socket.on("error", () => {})
      socket.on("close", () => {
        clearInterval(timer)
        resolve(data)
      })
    })
    expect(raw).toMatch(/^HTTP\/1\.1 413/)
    await stillAlive()
  })

  it("answers oversized headers with 431 and a JSON body", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(sandbox.port, sandbox.host, () =>
        socket.write(`POST /v1/auth HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
      )
      let data = ""
      socket.on("data", (d) => {
        data += d
      })
      socket.on("close", () => resolve(data))
      socket.on("error", () => resolve(data))
    })
    expect(raw).toMatch(/^HTTP\/1\.1 431/)
    expect(raw).toContain('"code":"SBX0006"')
    await stillAlive()
  })

  it("accepts a JSON body with a UTF-8 byte order mark", async () => {
    const r = await post(
      sandbox,
      "/auth",
      `\uFEFF${JSON.stringify({ email: demo.email, password: demo.password })}`,
    )
    expect(r.status).toBe(200)
  })

  it("answers garbage HTTP with 400 and a JSON body", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(sandbox.port, sandbox.host, () => socket.write("BLAH\r\n\r\n\r\n"))
      let data = ""
      socket.on("data", (d) => {
        data += d
      })
      socket.on("close", () => resolve(data))
      socket.on("error", () => resolve(data))
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw).toContain('"code":"SBX0001"')
    await stillAlive()
  })

  it.each([
    "/",
    "/v1",
    "/v1/",
    "/v2/auth",
    "/v1/auth/",
    "/v1/operators",
    "/v1/auth/switch",
    "/v1/sandbox",
    "/x1/auth",
    "/%zz",
  ])("answers 404 with a JSON body on %s", async (path) => {
    const r = await send(sandbox.endpoint, "POST", path, {})
    expect(r.status).toBe(404)
    expect(r.json.code).toBe("SBX0002")
  })

  it.each(["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])(
    "answers 405 to %s /v1/auth with Allow: POST",
    async (m) => {
      const r = await send(sandbox.url, m, "/auth")
      expect(r.status).toBe(405)
      expect(r.headers.allow).toBe("POST")
      expect(r.json.code).toBe("SBX0003")
    },
  )

  it("answers HEAD /v1/auth with 405 and no body", async () => {
    const r = await send(sandbox.url, "HEAD", "/auth")
    expect(r.status).toBe(405)
  })

  it("survives prototype-pollution-shaped and deeply nested JSON", async () => {
    const r1 = await post(sandbox, "/auth", '{"__proto__":{"polluted":1},"email":"a@b.co","password":"x"}')
    expect(r1.status).toBe(401)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const deep = "[".repeat(400) + "]".repeat(400)
    const r2 = await post(sandbox, "/auth", `{"email":${deep}}`)
    expect(r2.status).toBe(400)
    await stillAlive()
  })

  it("survives clients that hang up mid-request", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(sandbox.port, sandbox.host, () => {
        socket.write('POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"em')
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 20)
      })
    })
    await stillAlive()
  })
})
