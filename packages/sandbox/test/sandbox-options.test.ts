/**
 * `startSandbox`'s options at their documented bounds (README § Options): each bound value starts, one past it is
 * a RangeError naming the option; CORS origins must be origins; the URLs of an IPv6 or named loopback host; the
 * handle's controls reach the running server.
 */
import { describe, expect, it } from "vitest"
import { type SandboxOptions, startSandbox, testSandboxOptions } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

const starts = async (options: SandboxOptions) => {
  const s = await startSandbox({ ...testSandboxOptions, seed: { operators: [] }, ...options })
  await s.close()
}
const refuses = (options: SandboxOptions, message: string) =>
  expect(startSandbox({ ...testSandboxOptions, seed: { operators: [] }, ...options })).rejects.toThrow(
    new RangeError(message),
  )

describe("startSandbox options", () => {
  it("hashCost: 1…20, an integer", async () => {
    await starts({ hashCost: 1 })
    await refuses({ hashCost: 0 }, "startSandbox: hashCost must be an integer 1…20, got 0")
    await refuses({ hashCost: 21 }, "startSandbox: hashCost must be an integer 1…20, got 21")
    await refuses({ hashCost: 1.5 }, "startSandbox: hashCost must be an integer 1…20, got 1.5")
  })

  it("resetTokenTtlSeconds: 1 s … 365 days", async () => {
    await starts({ resetTokenTtlSeconds: 1 })
    await starts({ resetTokenTtlSeconds: 365 * 86400 })
    await refuses(
      { resetTokenTtlSeconds: 365 * 86400 + 1 },
      "startSandbox: resetTokenTtlSeconds must be an integer 1…31536000, got 31536001",
    )
  })

  it("maxBodyBytes: 1 … 64 MiB", async () => {
    await starts({ maxBodyBytes: 1 })
    await starts({ maxBodyBytes: 64 * 1024 * 1024 })
    await refuses({ maxBodyBytes: 0 }, "startSandbox: maxBodyBytes must be an integer 1…67108864, got 0")
    await refuses(
      { maxBodyBytes: 64 * 1024 * 1024 + 1 },
      "startSandbox: maxBodyBytes must be an integer 1…67108864, got 67108865",
    )
  })

  it("rateLimit: limit 1 … 10^9, windowSeconds 1 … 86400", async () => {
    await starts({ rateLimit: { limit: 1, windowSeconds: 1 } })
    await starts({ rateLimit: { limit: 1_000_000_000, windowSeconds: 86400 } })
    await refuses(
      { rateLimit: { limit: 1_000_000_001 } },
      "startSandbox: rateLimit.limit must be an integer 1…1000000000, got 1000000001",
    )
    await refuses(
      { rateLimit: { windowSeconds: 86401 } },
      "startSandbox: rateLimit.windowSeconds must be an integer 1…86400, got 86401",
    )
    await refuses(
      { rateLimit: { windowSeconds: 0 } },
      "startSandbox: rateLimit.windowSeconds must be an integer 1…86400, got 0",
    )
  })

  it("recordLimit: exchanges 0 … 10^6, bytes 0 … 1 GiB", async () => {
    await starts({ recordLimit: { exchanges: 0, bytes: 0 } })
    await starts({ recordLimit: { exchanges: 1_000_000, bytes: 1024 * 1024 * 1024 } })
    await refuses(
      { recordLimit: { exchanges: -1 } },
      "startSandbox: recordLimit.exchanges must be an integer 0…1000000, got -1",
    )
    await refuses(
      { recordLimit: { exchanges: 1_000_001 } },
      "startSandbox: recordLimit.exchanges must be an integer 0…1000000, got 1000001",
    )
    await refuses(
      { recordLimit: { bytes: 1024 * 1024 * 1024 + 1 } },
      "startSandbox: recordLimit.bytes must be an integer 0…1073741824, got 1073741825",
    )
  })

  it("cors.origins: '*' or origins (scheme http/https, a host, no path)", async () => {
    await starts({ cors: { origins: ["http://localhost:5173", "https://app.example"] } })
    await starts({ cors: { origins: [] } })
    for (const origin of [
      "localhost:5173",
      "http://a/b",
      "ftp://a",
      "http://",
      "http://a b",
      "xhttp://a",
      "http://a/",
    ])
      await refuses(
        { cors: { origins: [origin] } },
        'startSandbox: cors.origins must be "*" or origins like http://localhost:5173',
      )
  })
})

describe("where it listens", () => {
  it("IPv6 loopback: the URLs bracket the address; no warning", async () => {
    const lines: Array<string> = []
    const s = await start({ host: "::1", log: (l) => lines.push(l) })
    try {
      expect(s.host).toBe("::1")
      expect(s.endpoint).toBe(`http://[::1]:${s.port}`)
      expect(s.url).toBe(`http://[::1]:${s.port}/v1`)
      expect(s.adminUrl).toBe(`http://[::1]:${s.port}/_sandbox`)
      const r = await fetch(`${s.url}/auth`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: demo.email, password: demo.password }),
      })
      expect(r.status).toBe(200)
      expect(lines).toEqual([])
    } finally {
      await s.close()
    }
  })

  it("localhost and 127.x.y.z are loopback (no warning)", async () => {
    for (const host of ["localhost", "127.0.0.2"]) {
      const lines: Array<string> = []
      const s = await start({ host, log: (l) => lines.push(l) })
      await s.close()
      expect(lines, host).toEqual([])
    }
  })

  it("close is idempotent and the port is freed", async () => {
    const s = await start()
    const first = s.close()
    expect(s.close()).toBe(first)
    await first
    await expect(send(s.url, "POST", "/auth", {})).rejects.toThrow()
  })
})

describe("the handle's controls", () => {
  it("setRecording, clearExchanges, resetRateLimits, clearOutbox act on the running server", async () => {
    const s = await start({ rateLimit: { limit: 1, windowSeconds: 60 } })
    try {
      expect(s.seed.operators[0]?.operatorId).toBe(demo.operatorId)
      s.setRecording(true)
      expect((await post(s, "/auth", {})).status).toBe(401)
      expect((await post(s, "/auth", {})).status).toBe(429)
      expect(s.exchanges().map((e) => e.response?.status)).toEqual([401, 429])
      s.resetRateLimits()
      s.setRecording(false)
      expect((await post(s, "/auth", {})).status).toBe(401)
      expect(s.exchanges()).toHaveLength(2)
      s.clearExchanges()
      expect(s.exchanges()).toEqual([])
      await post(s, "/auth/password_reset_token/issue", { email: demo.email })
      expect(s.outbox()).toHaveLength(1)
      s.clearOutbox()
      expect(s.outbox()).toEqual([])
    } finally {
      await s.close()
    }
  })
})
