/**
 * The Promise client's edges, each against a real sandbox: which options and environments are refused and how
 * they are named, which request methods and paths reach SORACOM, and what the caller's `Response` looks like
 * (no body where HTTP has none, an error body's echo of the session's secrets replaced, a success body untouched).
 */
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { createSoracomAuth, InvalidRequest, type Options } from "../src/index.ts"
import { demo, signIns, startTestSandbox } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.clearExchanges()
  sandbox.faults.clear()
})

const key = { authKeyId: demo.authKeyId, authKey: demo.authKey }
const client = (options: Partial<Options> = {}) =>
  createSoracomAuth({ credentials: key, endpoint: sandbox.endpoint, ...options })
const operatorPath = `/operators/${demo.operatorId}`

const thrown = (f: () => unknown): unknown => {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error("expected a throw")
}

describe("options", () => {
  it.each([
    ["authKeyId", { authKey: demo.authKey }],
    ["operatorId", { userName: "u", password: "p" }],
    ["userName", { operatorId: demo.operatorId, password: "p" }],
  ])("credentials of one kind with a part missing name the part: %s", (field, credentials) => {
    expect(thrown(() => createSoracomAuth({ credentials } as never))).toMatchObject({
      _tag: "InvalidRequest",
      field,
    })
  })

  it("a store whose clear or singleFlight is not a function is refused", () => {
    const base = { load: () => undefined, save: () => undefined }
    for (const store of [
      { ...base, clear: "yes" },
      { ...base, singleFlight: 1 },
    ]) {
      expect(thrown(() => createSoracomAuth({ credentials: key, store } as never))).toMatchObject({
        field: "store",
      })
    }
    expect(() =>
      createSoracomAuth({ credentials: key, store: { ...base, clear: () => undefined } }),
    ).not.toThrow()
  })

  it("coverages and languages that exist are accepted", async () => {
    expect(createSoracomAuth({ credentials: key, endpoint: { coverage: "g" } }).baseUrl).toBe(
      "https://g.api.soracom.io/v1",
    )
    expect(createSoracomAuth({ credentials: key, endpoint: { coverage: "jp" } }).baseUrl).toBe(
      "https://api.soracom.io/v1",
    )
    await using en = client({ language: "en" })
    const r = await en.fetch("/operators/OP9999999999")
    expect(((await r.json()) as { message: string }).message).toBe("Invalid Operator Id.")
  })

  it("mfaCode must give a string; an AuthKey never asks for one", async () => {
    await using root = client({
      credentials: { email: demo.email, password: demo.password },
      mfaCode: () => 123456 as never,
    })
    await expect(root.session()).rejects.toMatchObject({ _tag: "InvalidRequest", field: "mfaCode" })
    expect(signIns(sandbox)).toBe(0)
    let asked = 0
    await using byKey = client({ mfaCode: () => String(++asked) })
    await byKey.session()
    expect(asked).toBe(0)
  })
})

describe("credentials from the environment name what is missing", () => {
  const withEnv = async (env: Record<string, string | undefined>, f: () => Promise<void>) => {
    const saved = { id: process.env.SORACOM_AUTH_KEY_ID, key: process.env.SORACOM_AUTH_KEY }
    const put = (k: string, v: string | undefined) => {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    for (const [k, v] of Object.entries(env)) put(k, v)
    try {
      await f()
    } finally {
      put("SORACOM_AUTH_KEY_ID", saved.id)
      put("SORACOM_AUTH_KEY", saved.key)
    }
  }
  const reason = async () => {
    await using soracom = createSoracomAuth({ endpoint: sandbox.endpoint })
    const error = await soracom.session().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidRequest)
    return error as InvalidRequest
  }

  it("only the key id missing", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: undefined, SORACOM_AUTH_KEY: demo.authKey }, async () => {
      expect((await reason()).message).toBe(
        "No credentials: pass credentials to createSoracomAuth, or set SORACOM_AUTH_KEY_ID.",
      )
    }))

  it("only the key missing (an empty variable counts as missing)", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: "" }, async () => {
      expect((await reason()).message).toBe(
        "No credentials: pass credentials to createSoracomAuth, or set SORACOM_AUTH_KEY.",
      )
    }))

  it("a malformed key is named by its variable", () =>
    withEnv({ SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: "   " }, async () => {
      expect(await reason()).toMatchObject({ field: "SORACOM_AUTH_KEY" })
    }))
})

describe("what reaches SORACOM", () => {
  it("a path without a leading slash, an absolute URL (any case of scheme) and a lower-case method", async () => {
    await using soracom = client()
    expect((await soracom.fetch(operatorPath.slice(1))).status).toBe(200)
    expect((await soracom.fetch(`${sandbox.endpoint}/v1${operatorPath}`)).status).toBe(200)
    expect(
      (await soracom.fetch(`${sandbox.endpoint.replace("http:", "HTTP:")}/v1${operatorPath}`)).status,
    ).toBe(200)
    expect((await soracom.fetch(operatorPath, { method: "get" })).status).toBe(200)
    const paths = sandbox.exchanges().map((e) => e.request.path)
    expect(paths.filter((p) => p === `/v1${operatorPath}`)).toHaveLength(4)
  })

  it("a method SORACOM's API does not have is refused before sending", async () => {
    await using soracom = client()
    await soracom.session()
    const before = sandbox.exchanges().length
    await expect(soracom.fetch(operatorPath, { method: "PROPFIND" })).rejects.toMatchObject({
      _tag: "InvalidRequest",
      field: "method",
    })
    expect(sandbox.exchanges().length).toBe(before)
  })
})

describe("the caller's Response", () => {
  it("204 and HEAD have no body", async () => {
    await using soracom = client()
    sandbox.faults.set("/operators/{operator_id}", { status: 204, body: { x: 1 }, times: 1 })
    const empty = await soracom.fetch(operatorPath)
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    const head = await soracom.fetch(operatorPath, { method: "HEAD" })
    expect(head.body).toBeNull()
  })

  it("the body is whole and decoded: no content-length left to contradict it", async () => {
    await using soracom = client()
    const r = await soracom.fetch(operatorPath)
    expect(r.headers.get("content-length")).toBeNull()
    expect(((await r.json()) as { operatorId: string }).operatorId).toBe(demo.operatorId)
  })

  it("an error body (from 400 on) that echoes the token or API key has them replaced; a success body is left", async () => {
    await using soracom = client()
    const headers = await soracom.headers()
    const token = headers["X-Soracom-Token"]
    const apiKey = headers["X-Soracom-API-Key"]
    const echo = { message: `bad token ${token} for ${apiKey}` }
    sandbox.faults.set("/operators/{operator_id}", { status: 400, body: echo, times: 1 })
    const refused = await (await soracom.fetch(operatorPath)).text()
    expect(refused).toBe(JSON.stringify({ message: "bad token <redacted> for <redacted>" }))
    sandbox.faults.set("/operators/{operator_id}", { status: 200, body: echo, times: 1 })
    expect(await (await soracom.fetch(operatorPath)).text()).toBe(JSON.stringify(echo))
  })
})
