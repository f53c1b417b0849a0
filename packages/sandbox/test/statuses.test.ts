/** Each documented status of each path, in English and Japanese, with bodies from the one error table. */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ErrorName, errorBody, errors, type Sandbox } from "../src/index.ts"
import { demo, manualClock, post, send, start } from "./helpers.ts"

const time = manualClock()
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start({ clock: time.clock })
})
afterAll(() => sandbox.close())

const signIn = async () => (await post(sandbox, "/auth", { email: demo.email, password: demo.password })).json

/** Issues a reset token and returns it from the outbox. */
const resetToken = async () => {
  await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })
  return sandbox.outbox().at(-1)!.token
}

interface Case {
  readonly name: string
  readonly method?: string
  readonly path: string
  readonly body?: () => Promise<unknown> | unknown
  readonly headers?: () => Promise<Record<string, string>> | Record<string, string>
  readonly status: number
  readonly error?: ErrorName
  readonly detail?: string
}

const cases: ReadonlyArray<Case> = [
  {
    name: "/auth 200",
    path: "/auth",
    body: () => ({ email: demo.email, password: demo.password }),
    status: 200,
  },
  {
    name: "/auth 401",
    path: "/auth",
    body: () => ({ email: demo.email, password: "x" }),
    status: 401,
    error: "invalidCredentials",
  },
  {
    name: "/auth 400 email",
    path: "/auth",
    body: () => ({ email: "x", password: "x" }),
    status: 400,
    error: "malformedEmail",
  },
  {
    name: "/auth 400 timeout",
    path: "/auth",
    body: () => ({ email: demo.email, password: demo.password, tokenTimeoutSeconds: 10 }),
    status: 400,
    error: "constraintViolation",
    detail: "must be an integer between 180 and 172800:tokenTimeoutSeconds",
  },
  {
    name: "issue 200",
    path: "/auth/password_reset_token/issue",
    body: () => ({ email: demo.email }),
    status: 200,
  },
  {
    name: "issue 400 unknown email",
    path: "/auth/password_reset_token/issue",
    body: () => ({ email: "ghost@example.com" }),
    status: 400,
    error: "unknownEmail",
  },
  {
    name: "issue 400 malformed email",
    path: "/auth/password_reset_token/issue",
    body: () => ({ email: "ghost" }),
    status: 400,
    error: "malformedEmail",
  },
  {
    name: "issue 400 missing email",
    path: "/auth/password_reset_token/issue",
    body: () => ({}),
    status: 400,
    error: "constraintViolation",
    detail: "may not be empty:email",
  },
  {
    name: "verify 200",
    path: "/auth/password_reset_token/verify",
    body: async () => ({ token: await resetToken(), password: demo.password }),
    status: 200,
  },
  {
    name: "verify 400 unknown token",
    path: "/auth/password_reset_token/verify",
    body: () => ({ token: "no-such-token", password: "x" }),
    status: 400,
    error: "invalidResetToken",
  },
  {
    name: "verify 404 expired token",
    path: "/auth/password_reset_token/verify",
    body: async () => {
      const token = await resetToken()
      time.advance(31 * 60_000)
      return { token, password: "x" }
    },
    status: 404,
    error: "expiredResetToken",
  },
  {
    name: "verify 400 missing password",
    path: "/auth/password_reset_token/verify",
    body: () => ({ token: "t" }),
    status: 400,
    error: "constraintViolation",
    detail: "may not be empty:password",
  },
  {
    name: "logout 204",
    path: "/auth/logout",
    headers: async () => {
      const s = await signIn()
      return { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": s.token }
    },
    status: 204,
  },
  { name: "logout 401 no headers", path: "/auth/logout", status: 401, error: "tokenRequired" },
  {
    name: "logout 401 bad token",
    path: "/auth/logout",
    headers: async () => ({ "X-Soracom-API-Key": (await signIn()).apiKey, "X-Soracom-Token": "forged" }),
    status: 401,
    error: "tokenRequired",
  },
  {
    name: "sandbox/init 201",
    path: "/sandbox/init",
    body: () => ({
      email: `new-${Math.random().toString(36).slice(2)}@example.com`,
      password: "pw",
      authKeyId: "keyId-x",
      authKey: "secret-x",
    }),
    status: 201,
  },
  {
    name: "sandbox/init 400 taken email",
    path: "/sandbox/init",
    body: () => ({ email: demo.email, password: "pw", authKeyId: "keyId-x", authKey: "secret-x" }),
    status: 400,
    error: "sandboxInitRejected",
  },
  {
    name: "unknown path 404",
    path: "/auth/nope",
    body: () => ({}),
    status: 404,
    error: "notFound",
    detail: "/v1/auth/nope",
  },
  {
    name: "GET /auth 405",
    method: "GET",
    path: "/auth",
    status: 405,
    error: "methodNotAllowed",
    detail: "GET /v1/auth",
  },
  {
    name: "malformed JSON 400",
    path: "/auth",
    body: () => "{not json",
    status: 400,
    error: "malformedBody",
  },
]

describe.each(["en", "ja"] as const)("in %s", (lang) => {
  it.each(cases)("$name", async (c) => {
    const body = await c.body?.()
    const headers = { ...(await c.headers?.()), "X-Soracom-Lang": lang }
    const r = await send(sandbox.url, c.method ?? "POST", c.path, body, headers)
    expect(r.status).toBe(c.status)
    if (c.error === undefined) {
      if (c.status === 200 && c.path === "/auth") expect(r.json.token).toBeTypeOf("string")
      else if (c.status === 201) expect(r.json.operatorId).toMatch(/^OP\d{10}$/)
      else expect(r.text).toBe("")
      return
    }
    expect(r.headers["content-type"]).toMatch(/^application\/json/)
    expect(r.json.code).toBe(errors[c.error].code)
    if (c.error === "malformedBody") {
      expect(r.json.message.startsWith(errorBody(c.error, lang).message)).toBe(true)
    } else {
      expect(r.json).toEqual(errorBody(c.error, lang, c.detail))
    }
  })
})

describe("X-Soracom-Lang", () => {
  it.each([
    [undefined, "en"],
    ["en", "en"],
    ["ja", "ja"],
    ["JA", "ja"],
    ["ja-JP", "ja"],
    ["fr", "en"],
  ] as const)("header %j → %s messages", async (header, lang) => {
    const r = await post(
      sandbox,
      "/auth",
      { email: demo.email, password: "x" },
      header === undefined ? {} : { "X-Soracom-Lang": header },
    )
    expect(r.json.message).toBe(errors.invalidCredentials[lang])
  })

  it("every row of the table has both languages and a distinct (code, status, en) triple", () => {
    const seen = new Set<string>()
    for (const [name, entry] of Object.entries(errors)) {
      expect(entry.en.length, name).toBeGreaterThan(0)
      expect(entry.ja.length, name).toBeGreaterThan(0)
      expect(entry.ja, name).not.toBe(entry.en)
      const key = `${entry.code} ${entry.status} ${entry.en}`
      expect(seen.has(key), name).toBe(false)
      seen.add(key)
    }
  })
})
