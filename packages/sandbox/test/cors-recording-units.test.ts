/**
 * CORS decisions (Fetch standard: a preflight is an OPTIONS with Access-Control-Request-Method) and the
 * recording's ring (README: the newest exchanges within recordLimit, oldest dropped first), driven directly.
 */
import type { IncomingMessage } from "node:http"
import { describe, expect, it } from "vitest"
import { corsFor } from "../src/cors.ts"
import type { HttpExchange } from "../src/internal/http.ts"
import { bodyValue, Recorder } from "../src/recording.ts"

const req = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage
const page = "http://localhost:5173"
const exposed =
  "Retry-After, X-Soracom-Ratelimit-Limit, X-Soracom-Ratelimit-Remaining, X-Soracom-Ratelimit-Seconds-Before-Refresh"

describe("corsFor", () => {
  it("no Origin, or CORS off: nothing", () => {
    expect(corsFor({ origins: "*" }, req("POST", {}))).toEqual({ headers: undefined, preflight: false })
    expect(corsFor(false, req("POST", { origin: page }))).toEqual({ headers: undefined, preflight: false })
    expect(corsFor({ origins: ["http://other:1"] }, req("POST", { origin: page }))).toEqual({
      headers: undefined,
      preflight: false,
    })
  })

  it("a simple request: Allow-Origin and the exposed rate-limit headers, no preflight", () => {
    expect(corsFor({ origins: "*" }, req("POST", { origin: page }))).toEqual({
      headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": exposed },
      preflight: false,
    })
    expect(corsFor({ origins: [page] }, req("GET", { origin: page }))).toEqual({
      headers: {
        "Access-Control-Allow-Origin": page,
        Vary: "Origin",
        "Access-Control-Expose-Headers": exposed,
      },
      preflight: false,
    })
    // An OPTIONS without Access-Control-Request-Method is not a preflight.
    expect(corsFor({ origins: "*" }, req("OPTIONS", { origin: page })).preflight).toBe(false)
    // A POST that carries the preflight header is still a real request.
    expect(
      corsFor({ origins: "*" }, req("POST", { origin: page, "access-control-request-method": "POST" }))
        .preflight,
    ).toBe(false)
  })

  it("a preflight: methods, the asked headers trimmed when well-formed, max age 600", () => {
    const asked = { origin: page, "access-control-request-method": "POST" }
    expect(
      corsFor({ origins: "*" }, req("OPTIONS", { ...asked, "access-control-request-headers": " a , b " })),
    ).toEqual({
      headers: {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
        "Access-Control-Allow-Headers": "a , b",
        "Access-Control-Max-Age": "600",
      },
      preflight: true,
    })
    const none = corsFor({ origins: "*" }, req("OPTIONS", asked))
    expect(none.preflight).toBe(true)
    expect(none.headers?.["Access-Control-Allow-Headers"]).toBeUndefined()
    const allowed = (list: string) =>
      corsFor({ origins: "*" }, req("OPTIONS", { ...asked, "access-control-request-headers": list }))
        .headers?.["Access-Control-Allow-Headers"]
    expect(allowed("x-a")).toBe("x-a")
    expect(allowed("X-Soracom-API-Key,X-Soracom-Token,traceparent")).toBe(
      "X-Soracom-API-Key,X-Soracom-Token,traceparent",
    )
    for (const bad of ["", "x a", ",x", "x,", "x,,y", "x;y", "x\u00e9", "(x)"])
      expect(allowed(bad), bad).toBeUndefined()
    // 1024 characters are allowed, 1025 are not.
    const long = (n: number) => `x-${"a".repeat(n - 2)}`
    expect(allowed(long(1024))).toBe(long(1024))
    expect(allowed(long(1025))).toBeUndefined()
  })
})

const exchange = (method: string, url: string, headers: Record<string, string> = {}) => {
  const q = url.indexOf("?")
  return {
    req: { method, url, headers },
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? null : url.slice(q + 1),
  } as unknown as HttpExchange
}
const sent = (status: number, rawBody: string) => ({ status, headers: { "content-type": "x" }, rawBody })

describe("Recorder", () => {
  it("numbers exchanges from 1, stamps them with the clock, keeps request and response as given", () => {
    let now = 1000
    const r = new Recorder(true, { exchanges: 10, bytes: 1000 }, () => now)
    const respond = r.request(exchange("POST", "/v1/auth?x=1", { "x-a": "b" }), '{"a":1}')
    now = 2000
    r.request(exchange("GET", "/v1/nope"), undefined)
    respond(sent(200, "plain"))
    expect(r.list()).toEqual([
      {
        seq: 1,
        at: 1000,
        request: {
          method: "POST",
          url: "/v1/auth?x=1",
          path: "/v1/auth",
          query: "x=1",
          headers: { "x-a": "b" },
          body: { a: 1 },
          rawBody: '{"a":1}',
        },
        response: { status: 200, headers: { "content-type": "x" }, body: "plain", rawBody: "plain" },
      },
      {
        seq: 2,
        at: 2000,
        request: {
          method: "GET",
          url: "/v1/nope",
          path: "/v1/nope",
          query: null,
          headers: {},
          body: null,
          rawBody: "",
        },
        response: null,
      },
    ])
    expect(r.on).toBe(true)
  })

  it("keeps at most `exchanges` of them, dropping the oldest; 0 keeps none", () => {
    const r = new Recorder(true, { exchanges: 2, bytes: 1000 }, () => 0)
    for (let i = 0; i < 5; i++) r.request(exchange("GET", `/v1/${i}`), "")(sent(200, ""))
    expect(r.list().map((e) => e.seq)).toEqual([4, 5])
    const none = new Recorder(true, { exchanges: 0, bytes: 1000 }, () => 0)
    none.request(exchange("GET", "/v1/x"), "")
    expect(none.list()).toEqual([])
  })

  it("keeps the request and response bodies within `bytes`: exactly at the bound stays, one more drops the oldest", () => {
    const r = new Recorder(true, { exchanges: 100, bytes: 10 }, () => 0)
    r.request(exchange("POST", "/v1/a"), "12345")(sent(200, ""))
    r.request(exchange("POST", "/v1/b"), "123")(sent(200, "12"))
    expect(r.list().map((e) => e.request.path)).toEqual(["/v1/a", "/v1/b"])
    r.request(exchange("POST", "/v1/c"), "1")
    // 11 bytes: the first (5 bytes) goes, 6 remain.
    expect(r.list().map((e) => e.request.path)).toEqual(["/v1/b", "/v1/c"])
    // A response that pushes over the bound drops from the oldest, possibly the exchange itself.
    const respond = r.request(exchange("POST", "/v1/d"), "")
    respond(sent(200, "1234567890"))
    expect(r.list().map((e) => e.request.path)).toEqual(["/v1/d"])
  })

  it("stays in order over many evictions (the ring compacts past 1024 dropped entries)", () => {
    const r = new Recorder(true, { exchanges: 3, bytes: 1_000_000 }, () => 0)
    for (let i = 1; i <= 3000; i++) r.request(exchange("GET", `/v1/${i}`), "")(sent(204, ""))
    expect(r.list().map((e) => e.seq)).toEqual([2998, 2999, 3000])
    r.clear()
    expect(r.list()).toEqual([])
    r.request(exchange("GET", "/v1/after"), "")
    expect(r.list().map((e) => [e.seq, e.request.path])).toEqual([[3001, "/v1/after"]])
  })

  it("clear also forgets the bytes counted", () => {
    const r = new Recorder(true, { exchanges: 100, bytes: 10 }, () => 0)
    r.request(exchange("POST", "/v1/a"), "123456789")
    r.clear()
    r.request(exchange("POST", "/v1/b"), "123456789")
    expect(r.list().map((e) => e.request.path)).toEqual(["/v1/b"])
  })

  it("bodyValue: empty → null, JSON → parsed (within the nesting bound), anything else → the text", () => {
    expect(bodyValue("")).toBeNull()
    expect(bodyValue("0")).toBe(0)
    expect(bodyValue('{"a":[1]}')).toEqual({ a: [1] })
    expect(bodyValue("{nope")).toBe("{nope")
    const deep = `${"[".repeat(33)}${"]".repeat(33)}`
    expect(bodyValue(deep)).toBe(deep)
  })
})
