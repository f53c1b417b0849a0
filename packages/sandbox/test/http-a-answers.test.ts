/**
 * Answering one exchange (src/internal/http.ts) where the other tests leave it open: an answer whose client has
 * already hung up is neither sent nor recorded as sent.
 */
import { createServer, type Server } from "node:http"
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import type { Answer } from "../src/internal/answer.ts"
import { HttpExchange } from "../src/internal/http.ts"
import { demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ record: true })
})
afterAll(() => sandbox.close())

const until = async (what: () => boolean) => {
  while (!what()) await new Promise((r) => setTimeout(r, 5))
}

describe("an answer to a client that is gone", () => {
  it("is not recorded: the exchange keeps no response", async () => {
    const s = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
    expect(s.status).toBe(200)
    const headers = `X-Soracom-API-Key: ${s.json.apiKey}\r\nX-Soracom-Token: ${s.json.token}\r\n`
    sandbox.clearExchanges()
    // Both logouts wait the same delay, in arrival order: when the second is answered, the first's turn is over.
    sandbox.faults.set("/auth/logout", { delayMs: 400, times: 2 })
    const gone = connect(sandbox.port, sandbox.host, () =>
      gone.write(`POST /v1/auth/logout HTTP/1.1\r\nHost: x\r\n${headers}Content-Length: 0\r\n\r\n`),
    )
    gone.on("error", () => {})
    await until(() => sandbox.exchanges().length === 1)
    await new Promise<void>((resolve) => {
      gone.on("close", () => resolve())
      gone.destroy()
    })
    const second = await post(sandbox, "/auth/logout", undefined, {
      "X-Soracom-API-Key": s.json.apiKey,
      "X-Soracom-Token": s.json.token,
    })
    const [first, answered] = sandbox.exchanges()
    expect(answered?.response?.status).toBe(second.status)
    expect(first?.request.path).toBe("/v1/auth/logout")
    expect(first?.response).toBeNull()
  })
})

/** Opens a raw connection, writes `text`, and once the server has answered and ended, resets the connection. */
const resetAfterAnswer = (text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    let data = ""
    const socket = connect(sandbox.port, sandbox.host, () => socket.write(text))
    socket.on("data", (d) => {
      data += d
    })
    socket.on("error", reject)
    socket.on("end", () => {
      socket.resetAndDestroy()
      resolve(data)
    })
  })

/** Opens a raw connection, writes `text`, and resets it at once. */
const resetAfterWrite = (text: string): Promise<void> =>
  new Promise((resolve) => {
    const socket = connect(sandbox.port, sandbox.host, () => {
      socket.write(text, () => {
        socket.resetAndDestroy()
        resolve()
      })
    })
    socket.on("error", () => {})
  })

const stillAnswers = async () =>
  expect((await post(sandbox, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)

describe("connections reset by the client", () => {
  it("after a CONNECT's 405: the sandbox lives on", async () => {
    for (let i = 0; i < 5; i++) {
      const text = await resetAfterAnswer(
        `CONNECT 127.0.0.1:${sandbox.port} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      )
      expect(text).toMatch(/^HTTP\/1\.1 405/)
    }
    await stillAnswers()
  })

  it("in the middle of a request: the sandbox lives on", async () => {
    for (let i = 0; i < 5; i++) await resetAfterWrite("POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Le")
    for (let i = 0; i < 5; i++) await resetAfterWrite("GARBAGE\r\n\r\n")
    await stillAnswers()
  })
})

describe("HttpExchange.answer, over real HTTP", () => {
  /** A server whose every request is answered with `answer` (plus `extra` on every answer, when given). */
  const serve = async (answer: Answer, extra?: Record<string, string>) => {
    const server: Server = createServer((req, res) => {
      const ex = new HttpExchange(req, res)
      ex.extraHeaders = extra
      req.resume()
      req.on("end", () => ex.answer(answer))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as { port: number }
    try {
      return await send(`http://127.0.0.1:${port}`, "GET", "/x")
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }

  it("a status without a body keeps its own headers, with Content-Length 0", async () => {
    const r = await serve({ status: 204, headers: { "X-Own": "1" } })
    expect(r.status).toBe(204)
    expect(r.headers["x-own"]).toBe("1")
    expect(r.text).toBe("")
  })

  it("a JSON answer keeps its headers next to the JSON type; the answer's own header wins over an extra one", async () => {
    const r = await serve(
      { status: 201, json: { a: 1 }, headers: { "X-Own": "own" } },
      { "X-Own": "extra", "X-Extra": "e" },
    )
    expect(r.status).toBe(201)
    expect(r.json).toEqual({ a: 1 })
    expect(r.headers["content-type"]).toBe("application/json;charset=UTF-8")
    expect(r.headers["x-own"]).toBe("own")
    expect(r.headers["x-extra"]).toBe("e")
  })

  it("an error takes the table's status unless it names one, and keeps its headers", async () => {
    const byTable = await serve({ error: "rateLimited", detail: "7", headers: { "Retry-After": "7" } })
    expect(byTable.status).toBe(429)
    expect(byTable.headers["retry-after"]).toBe("7")
    expect(byTable.json.code).toBe("SBX0005")
    const named = await serve({ error: "injectedFault", status: 418 })
    expect(named.status).toBe(418)
    expect(named.json.code).toBe("SBX0099")
  })
})

describe("reading a body", () => {
  it("a declared length over the cap is refused at once, before any of the body is sent", async () => {
    const small = await start({ maxBodyBytes: 100 })
    try {
      const text = await new Promise<string>((resolve, reject) => {
        let data = ""
        const socket = connect(small.port, small.host, () =>
          socket.write(
            "POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 101\r\n\r\n",
          ),
        )
        socket.on("data", (d) => {
          data += d
        })
        socket.on("error", reject)
        socket.on("close", () => resolve(data))
      })
      expect(text).toMatch(/^HTTP\/1\.1 413/)
    } finally {
      await small.close()
    }
  })

  it("a request whose client hangs up mid-body is still recorded, without a response", async () => {
    sandbox.clearExchanges()
    const socket = connect(sandbox.port, sandbox.host, () =>
      socket.write(
        'POST /v1/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"em',
        () => socket.destroy(),
      ),
    )
    socket.on("error", () => {})
    await until(() => sandbox.exchanges().length === 1)
    expect(sandbox.exchanges()[0]?.request.path).toBe("/v1/auth")
    expect(sandbox.exchanges()[0]?.response).toBeNull()
  })
})

describe("close", () => {
  it("cancels a delayed answer: its request is never handled after the sandbox closed", async () => {
    const s = await start({ record: true })
    s.faults.set("/auth/password_reset_token/issue", { delayMs: 100 })
    post(s, "/auth/password_reset_token/issue", { email: demo.email }).catch(() => {})
    await until(() => s.exchanges().length === 1)
    await s.close()
    // A later timer fires after the 100 ms one would have (timers fire in order of expiry).
    await new Promise((r) => setTimeout(r, 500))
    expect(s.outbox()).toEqual([])
  })
})
