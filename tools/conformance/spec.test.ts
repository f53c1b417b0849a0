/**
 * The checking machinery itself: the vendored documents load, the Auth subset agrees with the whole spec,
 * and the validators accept what the spec allows and reject what it does not.
 */
import { isDeepStrictEqual } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"
import {
  type CheckedPath,
  checkedPathOf,
  checkedPaths,
  documentedStatuses,
  type LoadedSpecs,
  loadSpecs,
  requestExamples,
} from "./src/spec.ts"
import { makeValidators, type Validators, type WireRequest } from "./src/validators.ts"

let specs: LoadedSpecs
let v: Validators

beforeAll(async () => {
  specs = await loadSpecs()
  v = makeValidators(specs)
}, 60_000)

const json = { "content-type": "application/json" }
const post = (path: string, body: unknown, headers: WireRequest["headers"] = json): WireRequest => ({
  method: "POST",
  path,
  headers,
  body: body === undefined ? "" : JSON.stringify(body),
})

describe("the vendored spec", () => {
  it("is three valid OpenAPI 3.0 documents, dereferenced", () => {
    expect(specs.documents.whole.info.title).toBe("Soracom API")
    expect(specs.documents.authSubset.info.version).toBe(specs.documents.whole.info.version)
    expect(specs.documents.sandbox.info.title).toBe("SORACOM SANDBOX API")
    expect(JSON.stringify(specs.operation("/auth"))).not.toContain("$ref")
  })

  it("documents the statuses the project relies on", () => {
    const statuses = Object.fromEntries(
      (Object.keys(checkedPaths) as Array<CheckedPath>).map((p) => [
        p,
        documentedStatuses(specs.operation(p)),
      ]),
    )
    expect(statuses).toEqual({
      "/auth": ["200", "401"],
      "/auth/password_reset_token/issue": ["200", "400"],
      "/auth/password_reset_token/verify": ["200", "400", "404"],
      "/auth/logout": ["204"],
      "/auth/switch_user": ["200", "400"],
      "/operators/{operator_id}/token": ["200", "400"],
      "/sandbox/init": ["201", "400"],
      "/operators/{operator_id}": ["200", "400"],
    })
  })

  it("Auth subset and whole spec agree on every Auth path and schema", () => {
    const { whole, authSubset } = specs.documents
    for (const path of [
      "/auth",
      "/auth/password_reset_token/issue",
      "/auth/password_reset_token/verify",
      "/auth/logout",
      "/auth/switch_user",
      "/operators/{operator_id}/token",
    ]) {
      const a = whole.paths[path]?.post
      const b = authSubset.paths[path]?.post
      expect(b?.operationId, path).toBe(a?.operationId)
      expect(Object.keys(b?.responses ?? {}), path).toEqual(Object.keys(a?.responses ?? {}))
      expect(isDeepStrictEqual(b?.requestBody?.content, a?.requestBody?.content), path).toBe(true)
      for (const status of Object.keys(a?.responses ?? {})) {
        expect(
          isDeepStrictEqual(b?.responses[status]?.content, a?.responses[status]?.content),
          `${path} ${status}`,
        ).toBe(true)
      }
      expect(b?.security, path).toEqual(a?.security)
    }
    for (const name of [
      "AuthRequest",
      "AuthResponse",
      "IssuePasswordResetTokenRequest",
      "VerifyPasswordResetTokenRequest",
      "SwitchUserRequest",
      "GenerateTokenRequest",
      "GenerateTokenResponse",
      "APICallErrorMessage",
    ]) {
      expect(specs.component(name, "authSubset"), name).toEqual(specs.component(name, "whole"))
    }
  })
})

describe("request validation (closed objects)", () => {
  it("accepts every request example in the spec", () => {
    for (const path of [
      "/auth",
      "/auth/password_reset_token/issue",
      "/auth/password_reset_token/verify",
    ] as const) {
      const examples = requestExamples(specs.operation(path))
      expect(examples.length, path).toBeGreaterThan(0)
      for (const ex of examples)
        expect(v.request(post(path, ex)), `${path} ${JSON.stringify(ex)}`).toEqual({ ok: true })
    }
  })

  it("accepts a full AuthRequest with SORACOM's exact key names", () => {
    const body = { email: "a@example.com", password: "p", mfaOTPCode: "123456", tokenTimeoutSeconds: 172800 }
    expect(v.request(post("/auth", body))).toEqual({ ok: true })
  })

  it.each([
    ["a misspelt MFA key", { email: "a@example.com", password: "p", mfaOtpCode: "123456" }, "mfaOtpCode"],
    ["a property the spec lacks", { email: "a@example.com", password: "p", kind: "root" }, "kind"],
    ["a nested credentials object", { credentials: { email: "a@example.com" } }, "credentials"],
    [
      "user_name instead of userName",
      { operatorId: "OP0000000001", user_name: "u", password: "p" },
      "user_name",
    ],
    [
      "a lifetime above the maximum",
      { email: "a@example.com", password: "p", tokenTimeoutSeconds: 172801 },
      "<= 172800",
    ],
    [
      "a non-integer lifetime",
      { email: "a@example.com", password: "p", tokenTimeoutSeconds: 1.5 },
      "integer",
    ],
    [
      "a lifetime as a string",
      { email: "a@example.com", password: "p", tokenTimeoutSeconds: "3600" },
      "integer",
    ],
    ["a password as a number", { email: "a@example.com", password: 1234 }, "string"],
  ])("/auth rejects %s", (_, body, mentions) => {
    const verdict = v.request(post("/auth", body))
    expect(verdict.ok).toBe(false)
    expect(JSON.stringify(verdict)).toContain(mentions)
  })

  it("issue and verify require their fields and nothing else", () => {
    expect(v.request(post("/auth/password_reset_token/issue", {})).ok).toBe(false)
    expect(
      v.request(post("/auth/password_reset_token/issue", { email: "a@example.com", lang: "en" })).ok,
    ).toBe(false)
    expect(v.request(post("/auth/password_reset_token/verify", { token: "t" })).ok).toBe(false)
    expect(v.request(post("/auth/password_reset_token/verify", { token: "t", password: "p" }))).toEqual({
      ok: true,
    })
  })

  it("rejects a body that is not JSON, or not labelled JSON", () => {
    expect(v.request({ ...post("/auth", undefined), body: "{" }).ok).toBe(false)
    expect(
      v.request(post("/auth", { email: "a@example.com", password: "p" }, { "content-type": "text/plain" }))
        .ok,
    ).toBe(false)
  })

  it("logout: no body, and both security headers", () => {
    const headers = { "x-soracom-api-key": "api-1", "x-soracom-token": "tok" }
    expect(v.request(post("/auth/logout", undefined, headers))).toEqual({ ok: true })
    expect(v.request(post("/auth/logout", {}, { ...headers, ...json })).ok).toBe(false)
    expect(v.request(post("/auth/logout", undefined, { "x-soracom-api-key": "api-1" })).ok).toBe(false)
  })
})

describe("authenticated GET /operators/{operator_id}", () => {
  const get = (path: string, headers: WireRequest["headers"]): WireRequest => ({
    method: "GET",
    path,
    headers,
    body: "",
  })
  const keys = { "x-soracom-api-key": "api-1", "x-soracom-token": "tok" }
  const record = {
    operatorId: "OP0000000001",
    rootOperatorId: "OP0000000001",
    email: "a@example.com",
    description: "",
    createDate: "2026-11-30T00:00:00.000Z",
    updateDate: "2026-11-30T00:00:00.000Z",
  }
  const res = (status: number, body: unknown) => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })

  it("a concrete path matches its template; a deeper or other path does not", () => {
    expect(checkedPathOf("/operators/OP0000000001")).toBe("/operators/{operator_id}")
    expect(checkedPathOf("/operators/OP0000000001/token")).toBe("/operators/{operator_id}/token")
    expect(checkedPathOf("/operators/OP0000000001/token/x")).toBeUndefined()
    expect(checkedPathOf("/operators/")).toBeUndefined()
    expect(checkedPathOf("/auth")).toBe("/auth")
  })

  it("requests: GET, both security headers, no body", () => {
    expect(v.request(get("/operators/OP0000000001", keys))).toEqual({ ok: true })
    expect(v.request({ ...get("/operators/OP0000000001", keys), method: "POST" }).ok).toBe(false)
    expect(v.request(get("/operators/OP0000000001", { "x-soracom-token": "tok" })).ok).toBe(false)
    expect(v.request({ ...get("/operators/OP0000000001", keys), body: "{}" }).ok).toBe(false)
  })

  it("responses: 200 GetOperatorResponse (closed, all required), 400 and 401 error bodies", () => {
    const path = "/operators/{operator_id}"
    expect(v.response(path, res(200, record))).toEqual({ ok: true })
    expect(v.response(path, res(200, { ...record, extra: 1 })).ok).toBe(false)
    const { description: _, ...withoutDescription } = record
    expect(v.response(path, res(200, withoutDescription)).ok).toBe(false)
    expect(v.response(path, res(400, { code: "SBX0013", message: "Invalid Operator Id." }))).toEqual({
      ok: true,
    })
    expect(v.response(path, res(401, { code: "AUM0001", message: "x" }))).toEqual({ ok: true })
    expect(v.response(path, res(404, { code: "X", message: "y" })).ok).toBe(false)
  })
})

describe("response validation", () => {
  const res = (status: number, body: unknown, contentType = "application/json") => ({
    status,
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })
  const authOk = { apiKey: "api-1", operatorId: "OP0000000001", token: "t" }

  it("200 /auth: an AuthResponse, userName optional, nothing invented", () => {
    expect(v.response("/auth", res(200, authOk))).toEqual({ ok: true })
    expect(v.response("/auth", res(200, { ...authOk, userName: "u" }))).toEqual({ ok: true })
    expect(v.response("/auth", res(200, { ...authOk, expiresAt: 1 })).ok).toBe(false)
    expect(v.response("/auth", res(200, { ...authOk, apiKey: 1 })).ok).toBe(false)
    expect(v.response("/auth", res(200, authOk, "text/plain")).ok).toBe(false)
  })

  it("documented errors carry {code, message}", () => {
    const err = { code: "AUM0002", message: "Invalid username/password supplied." }
    expect(v.response("/auth", res(401, err))).toEqual({ ok: true })
    expect(v.response("/auth", res(401, { message: "x" })).ok).toBe(false)
    expect(v.response("/auth", res(401, "")).ok).toBe(false)
    expect(v.response("/auth/password_reset_token/verify", res(404, { code: "X", message: "y" }))).toEqual({
      ok: true,
    })
  })

  it("2xx without documented content must be empty", () => {
    expect(v.response("/auth/password_reset_token/issue", res(200, ""))).toEqual({ ok: true })
    expect(v.response("/auth/password_reset_token/issue", res(200, {})).ok).toBe(false)
    expect(v.response("/auth/logout", res(204, ""))).toEqual({ ok: true })
    // generateAuthToken documents APICallError for its 400; SORACOM sends the bare {code, message}.
    expect(v.response("/operators/{operator_id}/token", res(400, { code: "X", message: "y" }))).toEqual({
      ok: true,
    })
    expect(v.response("/operators/{operator_id}/token", res(400, { errorMessage: {} })).ok).toBe(false)
    expect(v.response("/operators/{operator_id}/token", res(200, { token: "t" }))).toEqual({ ok: true })
    expect(v.response("/operators/{operator_id}/token", res(200, { token: "t", apiKey: "k" })).ok).toBe(false)
  })

  it("undocumented statuses: 429 always allowed, 5xx only from faults, anything else fails", () => {
    expect(v.response("/auth", res(429, { code: "COM0001", message: "Too many requests" }))).toEqual({
      ok: true,
    })
    expect(v.response("/auth", res(503, { code: "X", message: "y" })).ok).toBe(false)
    expect(v.response("/auth", res(503, { code: "X", message: "y" }), { faulted: true })).toEqual({
      ok: true,
    })
    expect(v.response("/auth", res(500, "Internal error", "text/plain"), { faulted: true })).toEqual({
      ok: true,
    })
    expect(v.response("/auth", res(400, { code: "COM0008", message: "x" })).ok).toBe(false)
    expect(v.response("/auth/password_reset_token/issue", res(401, { code: "X", message: "y" })).ok).toBe(
      false,
    )
  })
})
