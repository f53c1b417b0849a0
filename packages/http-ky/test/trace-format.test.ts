/**
 * The trace's pure parts, by their documented contract: text bodies shown up to 1 KiB (whole at exactly 1 KiB,
 * the first 1 KiB and the size beyond), the default secret headers redacted without extra names, and `format`'s
 * curl-like lines for an answered and an unanswered exchange.
 */
import { describe, expect, it } from "vitest"
import { HttpTrace } from "../src/index.ts"

describe("redactBody", () => {
  it("a text body of exactly 1 KiB is shown whole; one byte more is cut to 1 KiB with the size", () => {
    const kib = "a".repeat(1023) + "z"
    expect(HttpTrace.redactBody(kib, "text/plain")).toBe(kib)
    const over = `${kib}!`
    expect(HttpTrace.redactBody(over, "text/plain")).toBe(`${kib}… <1025 bytes>`)
  })

  it("the size is in bytes, not characters", () => {
    const text = "é".repeat(1100)
    expect(HttpTrace.redactBody(text, "text/plain; charset=utf-8")).toBe(`${"é".repeat(1024)}… <2200 bytes>`)
  })

  it("XML and HTML types are text; other types are summarised by size", () => {
    expect(HttpTrace.redactBody("<a/>", "application/xml")).toBe("<a/>")
    expect(HttpTrace.redactBody("<p/>", "application/xhtml+xml")).toBe("<p/>")
    expect(HttpTrace.redactBody("plain words", "application/octet-stream")).toBe("<11 bytes>")
    expect(HttpTrace.redactBody("plain words")).toBe("<11 bytes>")
  })

  it("the type decides, not a parameter that mentions text/", () => {
    expect(HttpTrace.redactBody("\u0001binary", "application/octet-stream; profile=text/plain")).toBe(
      "<7 bytes>",
    )
  })
})

describe("redactHeaders", () => {
  it("without extra names, the usual credential headers are redacted and the others kept", () => {
    expect(
      HttpTrace.redactHeaders({ Authorization: "Bearer t", Cookie: "c=1", Accept: "application/json" }),
    ).toEqual({ authorization: "<redacted>", cookie: "<redacted>", accept: "application/json" })
  })
})

describe("format", () => {
  it("an answered exchange: request lines, the status with the duration, the response lines", () => {
    expect(
      HttpTrace.format({
        method: "POST",
        url: "http://127.0.0.1:1/v1/auth",
        requestHeaders: { "content-type": "application/json" },
        requestBody: '{"a":1}',
        status: 200,
        responseHeaders: { "x-r": "1" },
        responseBody: '{"ok":true}',
        durationMs: 12.345,
      }),
    ).toBe(
      [
        "> POST http://127.0.0.1:1/v1/auth",
        "> content-type: application/json",
        '> {"a":1}',
        "< 200 (12.3 ms)",
        "< x-r: 1",
        '< {"ok":true}',
      ].join("\n"),
    )
  })

  it("an answer without headers or body: just the status line", () => {
    expect(
      HttpTrace.format({
        method: "DELETE",
        url: "http://h/v1/x",
        requestHeaders: {},
        status: 204,
        durationMs: 0.04,
      }),
    ).toBe("> DELETE http://h/v1/x\n< 204 (0.0 ms)")
  })

  it("an unanswered exchange: why, or 'unknown failure' when nobody said", () => {
    const base = { method: "GET", url: "http://h/v1/x", requestHeaders: {}, durationMs: 1 }
    expect(HttpTrace.format({ ...base, error: "timed out" })).toBe(
      "> GET http://h/v1/x\n< no response: timed out (1.0 ms)",
    )
    expect(HttpTrace.format(base)).toBe("> GET http://h/v1/x\n< no response: unknown failure (1.0 ms)")
  })
})
