/**
 * The recording's byte bound counts what the recording holds (README: "the newest exchanges within recordLimit"):
 * an answer that arrives after its exchange was dropped or cleared is not held, so it must not use up room — else
 * a slow request cleared away (`clearExchanges()` between two steps of a test) would shrink the recording for
 * good. And the ring's storage stays bounded however many exchanges pass through it.
 */
import { describe, expect, it } from "vitest"
import type { HttpExchange } from "../src/internal/http.ts"
import { Recorder } from "../src/recording.ts"
import { post, send, start } from "./helpers.ts"

const exchange = (path: string) =>
  ({ req: { method: "POST", url: path, headers: {} }, path, query: null }) as unknown as HttpExchange
const answer = (rawBody: string) => ({ status: 200, headers: {}, rawBody })
const paths = (r: Recorder) => r.list().map((e) => e.request.path)

describe("Recorder: only what it holds counts against `bytes`", () => {
  it("an answer to a cleared exchange takes no room", () => {
    const r = new Recorder(true, { exchanges: 100, bytes: 10 }, () => 0)
    const late = r.request(exchange("/v1/a"), "")
    r.clear()
    late(answer("123456789"))
    expect(r.list()).toEqual([])
    // All 10 bytes are free: a 10-byte exchange is kept.
    r.request(exchange("/v1/b"), "1234567890")
    expect(paths(r)).toEqual(["/v1/b"])
  })

  it("an answer to an exchange dropped for the count takes no room", () => {
    const r = new Recorder(true, { exchanges: 1, bytes: 10 }, () => 0)
    const late = r.request(exchange("/v1/a"), "")
    r.request(exchange("/v1/b"), "1")
    late(answer("123456789"))
    expect(r.list().map((e) => [e.request.path, e.response])).toEqual([["/v1/b", null]])
    // b goes for the count; c's 10 bytes fit the bound exactly.
    r.request(exchange("/v1/c"), "1234567890")
    expect(paths(r)).toEqual(["/v1/c"])
  })

  it("an answer to an exchange dropped when nothing else is held takes no room", () => {
    const r = new Recorder(true, { exchanges: 0, bytes: 10 }, () => 0)
    const late = r.request(exchange("/v1/a"), "")
    late(answer("12345678901"))
    expect(r.list()).toEqual([])
  })

  it("the only exchange held is dropped when its own answer goes over the bound, and the room comes back", () => {
    const r = new Recorder(true, { exchanges: 100, bytes: 10 }, () => 0)
    r.request(exchange("/v1/a"), "1")(answer("1234567890"))
    expect(r.list()).toEqual([])
    r.request(exchange("/v1/b"), "12345")(answer("12345"))
    expect(paths(r)).toEqual(["/v1/b"])
  })

  it("its storage stays bounded: at most about twice what it holds, plus a fixed slack", () => {
    for (const kept of [3, 3000]) {
      const r = new Recorder(true, { exchanges: kept, bytes: 1_000_000 }, () => 0)
      const storage = (r as unknown as { entries: Array<unknown> }).entries
      let most = 0
      for (let i = 1; i <= 20_000; i++) {
        r.request(exchange(`/v1/${i}`), "")(answer(""))
        most = Math.max(most, storage.length)
      }
      expect(r.list().map((e) => e.seq)).toEqual(
        Array.from({ length: kept }, (_, i) => 20_000 - kept + 1 + i),
      )
      expect(most, `${kept} kept`).toBeLessThanOrEqual(2 * kept + 1100)
    }
  })
})

describe("a running sandbox's recording", () => {
  it("a slow answer that comes after clearExchanges() does not use up recordLimit.bytes", async () => {
    const s = await start({ record: true, recordLimit: { bytes: 2000 } })
    try {
      // The first /auth answers a 1900-byte text after a pause; the request is recorded when it arrives.
      s.faults.set("/auth", { status: 503, body: "x".repeat(1900), delayMs: 300, times: 1 })
      const slow = post(s, "/auth", {})
      for (let i = 0; i < 500 && s.exchanges().length === 0; i++) await new Promise((r) => setTimeout(r, 10))
      expect(s.exchanges().map((e) => [e.request.path, e.response])).toEqual([["/v1/auth", null]])
      s.clearExchanges()
      expect((await slow).text).toBe("x".repeat(1900))
      expect(s.exchanges()).toEqual([])
      // A 300-byte request and its small answer fit the 2000 bytes the recording now holds nothing of.
      const r = await send(s.url, "POST", "/nope", `"${"y".repeat(298)}"`)
      expect(r.status).toBe(404)
      expect(s.exchanges().map((e) => [e.request.path, e.response?.status])).toEqual([["/v1/nope", 404]])
    } finally {
      await s.close()
    }
  })
})
