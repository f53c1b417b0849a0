/**
 * Bad options: core's `InvalidRequest` naming the option, in one sentence on one line — never a schema dump —
 * thrown by createSoracomAuth before anything is sent. Missing credentials reject only the calls that sign in.
 */
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createSoracomAuth, InvalidRequest } from "../src/index.ts"
import { demo, startTestSandbox } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

const key = { authKeyId: demo.authKeyId, authKey: demo.authKey }

const thrown = (f: () => unknown): unknown => {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error("expected a throw")
}

describe("createSoracomAuth refuses bad options", () => {
  it.each([
    ["credentials", { credentials: "keyId-abc" }],
    ["credentials", { credentials: { authKeyId: demo.authKeyId, email: demo.email, password: "p" } }],
    ["credentials", { credentials: {} }],
    ["authKey", { credentials: { authKeyId: demo.authKeyId } }],
    ["authKeyId", { credentials: { authKeyId: "key id", authKey: demo.authKey } }],
    ["email", { credentials: { email: "not an email", password: "p" } }],
    ["password", { credentials: { email: demo.email, password: "" } }],
    ["password", { credentials: { email: demo.email, password: 1234 } }],
    ["operatorId", { credentials: { operatorId: "", userName: "u", password: "p" } }],
    ["endpoint", { credentials: key, endpoint: "ftp://example.com" }],
    ["endpoint", { credentials: key, endpoint: "not a url" }],
    ["endpoint", { credentials: key, endpoint: { coverage: "us" } }],
    ["endpoint", { credentials: key, endpoint: 8080 }],
    ["tokenTimeoutSeconds", { credentials: key, tokenTimeoutSeconds: 179 }],
    ["tokenTimeoutSeconds", { credentials: key, tokenTimeoutSeconds: 172_801 }],
    ["tokenTimeoutSeconds", { credentials: key, tokenTimeoutSeconds: 3600.5 }],
    ["tokenTimeoutSeconds", { credentials: key, tokenTimeoutSeconds: "3600" }],
    ["language", { credentials: key, language: "fr" }],
    ["mfaCode", { credentials: key, mfaCode: "123456" }],
    ["store", { credentials: key, store: { load: () => undefined } }],
    ["store", { credentials: key, store: { save: async () => {} } }],
    ["store", { credentials: key, store: { load: "session", save: async () => {} } }],
    ["tokenTimeout", { credentials: key, tokenTimeout: 3600 }],
    ["options", "http://127.0.0.1:8080"],
  ])("%s ← %j", (field, options) => {
    const before = sandbox.exchanges().length
    const error = thrown(() => createSoracomAuth(options as never))
    expect(error).toBeInstanceOf(InvalidRequest)
    expect(error).toMatchObject({ _tag: "InvalidRequest", field })
    const message = (error as InvalidRequest).message
    expect(message).not.toContain("\n")
    expect(message.length).toBeLessThan(200)
    expect(message).toMatch(/\.$/)
    expect(String(error)).not.toMatch(/Schema|Expected|└|├/)
    expect(sandbox.exchanges().length).toBe(before)
  })
})

describe("createSoracomAuth takes good options as given", () => {
  it("tokenTimeoutSeconds in range: accepted, and the sign-in asks for that lifetime", async () => {
    await using soracom = createSoracomAuth({
      credentials: key,
      endpoint: sandbox.endpoint,
      tokenTimeoutSeconds: 1_800,
    })
    const before = sandbox.exchanges().length
    const session = await soracom.session()
    const signIn = sandbox
      .exchanges()
      .slice(before)
      .find((e) => e.request.path === "/v1/auth")
    expect(signIn?.request.body).toMatchObject({ tokenTimeoutSeconds: 1_800 })
    // half an hour, not the one-hour default: generous slack either side
    const left = session.expiresAt.getTime() - Date.now()
    expect(left).toBeGreaterThan(1_500_000)
    expect(left).toBeLessThanOrEqual(1_800_000)
  })
})

describe("credentials from the environment", () => {
  const withEnv = async (env: Record<string, string | undefined>, f: () => Promise<void>) => {
    const saved = { id: process.env.SORACOM_AUTH_KEY_ID, key: process.env.SORACOM_AUTH_KEY }
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    try {
      await f()
    } finally {
      for (const [k, v] of [
        ["SORACOM_AUTH_KEY_ID", saved.id],
        ["SORACOM_AUTH_KEY", saved.key],
      ] as const) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  }

  it("SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY when credentials are omitted", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: demo.authKey }, async () => {
      await using soracom = createSoracomAuth({ endpoint: sandbox.endpoint })
      expect((await soracom.session()).operatorId).toBe(demo.operatorId)
    }))

  it("none: calls that sign in reject with InvalidRequest naming the variables; password reset still works", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: undefined, SORACOM_AUTH_KEY: undefined }, async () => {
      await using soracom = createSoracomAuth({ endpoint: sandbox.endpoint })
      const before = sandbox.exchanges().length
      const error = await soracom.headers().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidRequest)
      expect(error).toMatchObject({ field: "credentials" })
      expect((error as InvalidRequest).message).toBe(
        "No credentials: pass credentials to createSoracomAuth, or set SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY.",
      )
      await expect(soracom.fetch(`/operators/${demo.operatorId}`)).rejects.toBeInstanceOf(InvalidRequest)
      expect(sandbox.exchanges().length).toBe(before)
      await soracom.issuePasswordResetToken(demo.email)
    }))

  it("a malformed variable is named", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: "key id", SORACOM_AUTH_KEY: demo.authKey }, async () => {
      await using soracom = createSoracomAuth({ endpoint: sandbox.endpoint })
      await expect(soracom.session()).rejects.toMatchObject({
        _tag: "InvalidRequest",
        field: "SORACOM_AUTH_KEY_ID",
      })
    }))
})
