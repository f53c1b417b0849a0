/**
 * The fault API's documented bounds (README: status 200…599 — a 1xx is no final answer —, delayMs 0…600000,
 * times ≥ 1, booleans, headers Node can send and that do not break framing, a body that serialises within the
 * nesting bound), each at its edge, and the store's bookkeeping: `times` counts down in the listing, a route's
 * own fault wins over `"*"`.
 */
import { describe, expect, it } from "vitest"
import { Faults, faultProblem, faultRoutes } from "../src/faults.ts"

describe("faultProblem", () => {
  it.each([
    { route: "/auth" },
    { route: "*", status: 200 },
    { route: "/auth", status: 599 },
    { route: "/auth", delayMs: 0 },
    { route: "/auth", delayMs: 600_000 },
    { route: "/auth", delayMs: 0.5 },
    { route: "/auth", times: 1 },
    { route: "/auth", drop: false, malformed: false },
    { route: "/auth", drop: true, malformed: true },
    { route: "/auth", headers: {} },
    { route: "/auth", headers: { "X-Custom": "v", "retry-after": "1" } },
    { route: "/auth", body: "text" },
    { route: "/auth", body: [1, { a: null }] },
    { route: "/operators/{operator_id}/token", status: 500 },
  ])("accepts %j", (fault) => {
    expect(faultProblem(fault)).toBeUndefined()
  })

  it.each([
    [null, "a fault must be a JSON object"],
    ["/auth", "a fault must be a JSON object"],
    [[], "a fault must be a JSON object"],
    [
      { route: "/auth", x: 1 },
      "unknown key x (allowed: route, status, body, headers, delayMs, drop, malformed, times)",
    ],
    [{ route: 5 }, `route: one of ${faultRoutes.map((r) => JSON.stringify(r)).join(", ")}`],
    [{ route: "/auth", status: 199 }, "status: an integer 200…599"],
    [{ route: "/auth", status: 100 }, "status: an integer 200…599"],
    [{ route: "/auth", status: 600 }, "status: an integer 200…599"],
    [{ route: "/auth", status: 500.5 }, "status: an integer 200…599"],
    [{ route: "/auth", status: "500" }, "status: an integer 200…599"],
    [{ route: "/auth", delayMs: -0.1 }, "delayMs: a number 0…600000"],
    [{ route: "/auth", delayMs: 600_001 }, "delayMs: a number 0…600000"],
    [{ route: "/auth", delayMs: "5" }, "delayMs: a number 0…600000"],
    [{ route: "/auth", times: 0 }, "times: an integer ≥ 1"],
    [{ route: "/auth", times: 1.5 }, "times: an integer ≥ 1"],
    [{ route: "/auth", drop: 1 }, "drop: a boolean"],
    [{ route: "/auth", malformed: "yes" }, "malformed: a boolean"],
    [{ route: "/auth", headers: null }, "headers: an object of strings"],
    [{ route: "/auth", headers: ["a"] }, "headers: an object of strings"],
    [{ route: "/auth", headers: "X: y" }, "headers: an object of strings"],
    [{ route: "/auth", headers: { "X-A": 1 } }, "headers: an object of strings"],
    [
      { route: "/auth", headers: { "Bad Name": "x" } },
      'headers: "Bad Name" is not a valid header name and value (RFC 9110 token; no CR, LF or NUL)',
    ],
    [
      { route: "/auth", headers: { "X-A": "a\nb" } },
      'headers: "X-A" is not a valid header name and value (RFC 9110 token; no CR, LF or NUL)',
    ],
    [{ route: "/auth", headers: { "CONTENT-LENGTH": "1" } }, "headers: CONTENT-LENGTH is set by the sandbox"],
    [
      { route: "/auth", headers: { "transfer-encoding": "x" } },
      "headers: transfer-encoding is set by the sandbox",
    ],
    [
      { route: "/auth", body: JSON.parse(`${"[".repeat(33)}${"]".repeat(33)}`) },
      "body: nested deeper than 32",
    ],
  ])("refuses %j: %s", (fault, problem) => {
    expect(faultProblem(fault)).toBe(problem)
  })

  it("a body that is not JSON (a BigInt, a function) is refused", () => {
    expect(faultProblem({ route: "/auth", body: 10n })).toBe("body: not serialisable as JSON")
    expect(faultProblem({ route: "/auth", body: () => 1 })).toBe("body: not serialisable as JSON")
  })

  it("a body nested exactly 32 deep is fine", () => {
    expect(
      faultProblem({ route: "/auth", body: JSON.parse(`${"[".repeat(32)}${"]".repeat(32)}`) }),
    ).toBeUndefined()
  })

  it("faultRoutes: every /v1 route once, then '*'", () => {
    expect(faultRoutes).toEqual([
      "/auth",
      "/auth/password_reset_token/issue",
      "/auth/password_reset_token/verify",
      "/auth/logout",
      "/auth/switch_user",
      "/operators/{operator_id}/token",
      "/sandbox/init",
      "/operators/{operator_id}",
      "*",
    ])
  })
})

describe("Faults", () => {
  it("set refuses what faultProblem refuses, naming it", () => {
    const faults = new Faults()
    expect(() => faults.set("/auth", { status: 600 })).toThrow(
      new RangeError("faults.set: status: an integer 200…599"),
    )
    expect(faults.list()).toEqual({})
  })

  it("times counts down in the listing and the fault goes away after its last use; without times it stays", () => {
    const faults = new Faults()
    faults.set("/auth", { status: 503, times: 2 })
    faults.set("/auth/logout", { status: 500 })
    expect(faults.list()).toEqual({ "/auth": { status: 503, times: 2 }, "/auth/logout": { status: 500 } })
    expect(faults.take("/auth")).toEqual({ status: 503, times: 2 })
    expect(faults.list()["/auth"]).toEqual({ status: 503, times: 1 })
    expect(faults.take("/auth")?.status).toBe(503)
    expect(faults.list()).toEqual({ "/auth/logout": { status: 500 } })
    expect(faults.take("/auth")).toBeUndefined()
    for (let i = 0; i < 5; i++) expect(faults.take("/auth/logout")?.status).toBe(500)
    expect(Object.keys(faults.list())).toEqual(["/auth/logout"])
  })

  it("a route's own fault wins over '*', which covers the others; clear one or all", () => {
    const faults = new Faults()
    expect(faults.take("/auth")).toBeUndefined()
    faults.set("*", { status: 502, times: 3 })
    faults.set("/auth", { status: 401 })
    expect(faults.take("/auth")?.status).toBe(401)
    expect(faults.take("/auth/logout")?.status).toBe(502)
    expect(faults.list()["*"]).toEqual({ status: 502, times: 2 })
    faults.clear("/auth")
    expect(faults.take("/auth")?.status).toBe(502)
    faults.clear()
    expect(faults.take("/auth/logout")).toBeUndefined()
    expect(faults.list()).toEqual({})
  })
})
