/**
 * Property test (fast-check) of the sandbox's input surface: any JSON body, any raw text body and any set of
 * well-formed headers, on every route and the admin API — and any fault the admin API accepts, then a request
 * on the faulted route. The sandbox never answers 5xx (except a fault that asks for one) and never drops the
 * connection without an answer.
 */
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { faultRoutes, type Sandbox } from "../src/index.ts"
import { send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ record: true, recordLimit: { exchanges: 50 } })
})
afterAll(() => sandbox.close())

const tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
/** Headers that change how the request itself is framed: the client library sets those. */
const framing = ["content-length", "transfer-encoding", "host"]
const headerName = fc
  .string({ unit: fc.constantFrom(...tchar), minLength: 1, maxLength: 20 })
  .filter((n) => !framing.includes(n.toLowerCase()))
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
})
const known = fc.constantFrom(
  "x-soracom-api-key",
  "x-soracom-token",
  "x-soracom-lang",
  "content-type",
  "origin",
  "accept",
  "expect",
  "connection",
  "upgrade",
)
const headers = fc.dictionary(fc.oneof(headerName, known), headerValue, { maxKeys: 6 })

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom(
        "email",
        "password",
        "authKeyId",
        "authKey",
        "operatorId",
        "userName",
        "mfaOTPCode",
        "token",
        "tokenTimeoutSeconds",
        "route",
        "enabled",
        "status",
        "headers",
        "body",
      ),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 1, max: 6000 }).map((n) => `{"email":${"[".repeat(n)}${"]".repeat(n)}}`),
  fc.constant(undefined),
)

const v1Paths = [
  ...faultRoutes.filter((r) => r !== "*").map((r) => `/v1${r.replace(/\{\w+\}/g, "OP0000000001")}`),
  "/v1/nope",
]
const adminPaths = [
  "/_sandbox",
  "/_sandbox/outbox",
  "/_sandbox/faults",
  "/_sandbox/exchanges",
  "/_sandbox/recording",
  "/_sandbox/ratelimit",
]
const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")

/** Sends and fails the property on a 5xx or on a connection closed without an answer. */
const answered = async (m: string, path: string, b: string | undefined, h: Record<string, string>) => {
  const r = await send(sandbox.endpoint, m, path, b, h)
  expect(r.status, `${m} ${path} ${JSON.stringify(h)} ${b?.slice(0, 100)}`).toBeGreaterThanOrEqual(200)
  expect(r.status, `${m} ${path} ${JSON.stringify(h)} ${b?.slice(0, 100)}: ${r.text}`).toBeLessThan(500)
}

describe("fuzz: never a 5xx, never a dropped connection", () => {
  it("any body and headers on every /v1 route and admin path", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...v1Paths, ...adminPaths),
        method,
        body,
        headers,
        async (path, m, b, h) => {
          // Clearing the admin state as a side effect is fine; a fault must not stay set for the next run.
          await answered(m, path, b, h)
          sandbox.faults.clear()
        },
      ),
      { numRuns: 400 },
    )
  }, 120_000)

  it("any fault the admin API accepts leaves its route answering (not 5xx unless asked)", async () => {
    const fault = fc.record(
      {
        route: fc.constantFrom(...faultRoutes),
        status: fc.integer({ min: 100, max: 499 }),
        body: fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.string(),
          // Deep nesting, spliced in as text (JSON.stringify itself cannot write it).
          fc.integer({ min: 1, max: 6000 }).map((n) => ({ deep: n })),
        ),
        // Any text at all as names and values: what the admin API accepts must be sendable.
        headers: fc.dictionary(
          fc.oneof(headerName, known, fc.string({ maxLength: 12 })),
          fc.oneof(headerValue, fc.string()),
          {
            maxKeys: 4,
          },
        ),
        malformed: fc.boolean(),
        times: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: ["route"] },
    )
    await fc.assert(
      fc.asyncProperty(fault, body, async (f, b) => {
        sandbox.faults.clear()
        const deep = (f.body as { deep?: number } | undefined)?.deep
        const text =
          typeof deep === "number"
            ? JSON.stringify({ ...f, body: "DEEP" }).replace(
                '"DEEP"',
                `${"[".repeat(deep)}${"]".repeat(deep)}`,
              )
            : JSON.stringify(f)
        const set = await send(sandbox.adminUrl, "POST", "/faults", text, {
          "Content-Type": "application/json",
        })
        expect(set.status, set.text).toBeLessThan(500)
        const path = f.route === "*" ? "/v1/auth" : `/v1${f.route.replace(/\{\w+\}/g, "OP0000000001")}`
        await answered("POST", path, b, {})
        expect((await send(sandbox.adminUrl, "GET", "/faults")).status).toBe(200)
        expect((await send(sandbox.adminUrl, "GET", "/exchanges")).status).toBe(200)
      }),
      { numRuns: 300 },
    )
    sandbox.faults.clear()
  }, 120_000)
})
