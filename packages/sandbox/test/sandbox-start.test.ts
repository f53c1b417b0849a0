/**
 * Where and how `startSandbox` listens (README § Options: `port`, `host`; a warning for a host outside loopback;
 * the log goes to stderr unless told otherwise), how starting fails (a port in use rejects), what a request
 * whose handling throws gets (a 500 and one log line), and `close()` with a request still in flight.
 */

import type { AddressInfo } from "node:net"
import { connect, createServer } from "node:net"
import { afterEach, describe, expect, it, vi } from "vitest"
import { type Sandbox, startSandbox } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

const opened: Array<Sandbox> = []
const open = async (...args: Parameters<typeof start>) => {
  const s = await start(...args)
  opened.push(s)
  return s
}
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

/** A TCP port nothing listens on right now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

const warning = (host: string) =>
  `[sandbox] warning: listening on ${host}, which is not a loopback address: anyone who can reach it can ` +
  "sign in with the seed's credentials (the admin API still answers loopback Host names only)"

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(condition()).toBe(true)
}

describe("where startSandbox listens", () => {
  it("on the port given", async () => {
    const port = await freePort()
    const s = await open({ port })
    expect(s.port).toBe(port)
    expect(s.url).toBe(`http://127.0.0.1:${port}/v1`)
    expect((await post(s, "/auth", { email: demo.email, password: demo.password })).status).toBe(200)
  })

  it("a port in use: the start rejects with EADDRINUSE", async () => {
    const first = await open()
    await expect(start({ port: first.port })).rejects.toMatchObject({ code: "EADDRINUSE" })
    // The first sandbox still answers.
    expect((await post(first, "/auth", {})).status).toBe(401)
  })

  it("on the host given, and no other address", async () => {
    const s = await open({ host: "127.0.0.2" })
    expect(await accepts("127.0.0.2", s.port)).toBe(true)
    expect(await accepts("127.0.0.3", s.port)).toBe(false)
    expect(await accepts("127.0.0.1", s.port)).toBe(false)
  })

  it("any 127.x.y.z (up to three digits a part) is loopback: no warning", async () => {
    const lines: Array<string> = []
    await open({ host: "127.10.200.254", log: (l) => lines.push(l) })
    expect(lines).toEqual([])
  })

  it("loopback however written: an IPv4-mapped 127.0.0.1, ::1 in full; no warning", async () => {
    for (const host of ["::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      const lines: Array<string> = []
      const s = await open({ host, log: (l) => lines.push(l) })
      expect(lines, host).toEqual([])
      const r = await fetch(`${s.url}/auth`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
      expect(r.status, host).toBe(401)
    }
  })

  it("every IPv6 address (::) is not loopback: the warning", async () => {
    const lines: Array<string> = []
    await open({ host: "::", log: (l) => lines.push(l) })
    expect(lines).toEqual([warning("::")])
  })

  it("a log that throws on the warning fails the start with what it threw", async () => {
    const thrown = { not: "an Error" }
    await expect(
      start({
        host: "0.0.0.0",
        log: () => {
          throw thrown
        },
      }),
    ).rejects.toBe(thrown)
  })

  it("a host outside loopback: one warning line naming it", async () => {
    const lines: Array<string> = []
    const s = await open({ host: "0.0.0.0", log: (l) => lines.push(l) })
    expect(lines).toEqual([warning("0.0.0.0")])
    expect(s.url).toBe(`http://0.0.0.0:${s.port}/v1`)
  })

  it("without a log option the lines go to stderr, one a line", async () => {
    const written: Array<string> = []
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    const s = await startSandbox({ hashCost: 1, rateLimit: false, host: "0.0.0.0" })
    opened.push(s)
    expect(written).toEqual([`${warning("0.0.0.0")}\n`])
  })
})

describe("what Node's parser refuses", () => {
  it("garbage HTTP gets the sandbox's JSON 400, then the connection closes", async () => {
    const s = await open()
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(s.port, "127.0.0.1", () => socket.write("BLAH\r\n\r\n"))
      let data = ""
      socket.on("data", (d) => {
        data += d
      })
      socket.on("close", () => resolve(data))
      socket.on("error", () => resolve(data))
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toMatch(/\r\nContent-Type: application\/json/i)
    expect(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)).code).toBe("SBX0001")
  })
})

describe("a request whose handling throws", () => {
  // The log option is the one place a caller's code runs inside a handler: the reset mail is logged.
  const failingLog = (thrown: unknown, lines: Array<string>) => (line: string) => {
    if (line.startsWith("[sandbox] password reset mail")) throw thrown
    lines.push(line)
  }

  it("answers 500 SBX0500 and logs the method, the URL and the error's stack", async () => {
    const lines: Array<string> = []
    const s = await open({ log: failingLog(new Error("the log is down"), lines) })
    const r = await post(s, "/auth/password_reset_token/issue?x=1", { email: demo.email })
    expect(r.status).toBe(500)
    expect(r.json).toEqual({ code: "SBX0500", message: "Internal error" })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^\[sandbox\] internal error on POST \/v1\/auth\/password_reset_token\/issue\?x=1: Error: the log is down\n\s+at /,
    )
  })

  it("something thrown that is not an Error is logged as text, even null", async () => {
    for (const thrown of ["plain words", null]) {
      const lines: Array<string> = []
      const s = await open({ log: failingLog(thrown, lines) })
      const r = await post(s, "/auth/password_reset_token/issue", { email: demo.email })
      expect(r.status).toBe(500)
      expect(lines).toEqual([
        `[sandbox] internal error on POST /v1/auth/password_reset_token/issue: ${String(thrown)}`,
      ])
    }
  })
})

describe("close()", () => {
  it("with a request still in flight: resolves, and the request ends without an answer", async () => {
    const s = await open({ record: true })
    s.faults.set("/auth", { delayMs: 600_000 })
    const pending = post(s, "/auth", { email: demo.email, password: demo.password }).then(
      () => "answered",
      () => "failed",
    )
    await until(() => s.exchanges().length === 1)
    await s.close()
    expect(await pending).toBe("failed")
    expect(s.exchanges()[0]?.response).toBeNull()
  })
})

describe("close() and pending delays", () => {
  // A pending delay's timer keeps a process alive (the `soracom-sandbox` command ends when nothing does, after
  // SIGINT). That very timer is followed: counting the process's timers also counts sockets' own, which come and go.
  it("cancels a fault's pending delay: no timer of the sandbox outlives it", async () => {
    const set = vi.spyOn(globalThis, "setTimeout")
    const cleared = vi.spyOn(globalThis, "clearTimeout")
    try {
      const s = await open({ record: true })
      s.faults.set("*", { delayMs: 600_000 })
      const pending = post(s, "/auth", {}).catch(() => "failed")
      const delayed = () => set.mock.calls.findIndex(([, ms]) => ms === 600_000)
      await until(() => delayed() >= 0)
      const timer = set.mock.results[delayed()]?.value
      expect(cleared.mock.calls.some(([t]) => t === timer)).toBe(false)
      await s.close()
      await pending
      expect(cleared.mock.calls.some(([t]) => t === timer)).toBe(true)
    } finally {
      set.mockRestore()
      cleared.mockRestore()
    }
  })
})

describe("the handle and the preflight", () => {
  it("resetRateLimits on a sandbox without a rate limit does nothing", async () => {
    const s = await open({ rateLimit: false })
    expect(() => s.resetRateLimits()).not.toThrow()
    expect((await post(s, "/auth", {})).status).toBe(401)
  })

  it("a preflight is a 204 with no body (Content-Length 0)", async () => {
    const s = await open()
    const r = await send(s.url, "OPTIONS", "/auth", undefined, {
      Origin: "http://localhost:5173",
      "Access-Control-Request-Method": "POST",
    })
    expect(r.status).toBe(204)
    expect(r.headers["content-length"]).toBe("0")
    expect(r.text).toBe("")
  })
})
