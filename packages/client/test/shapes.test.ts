/**
 * What the client does with inputs of the wrong shape or none at all, and with bodies that are not plain text:
 * no options is a working default, a non-object is refused as such (not read as an empty object), a misspelt option
 * points at the real names, a refused method is named, and an error body without a secret reaches the caller byte
 * for byte.
 */
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { createSoracomAuth, InvalidRequest } from "../src/index.ts"
import { demo, startTestSandbox } from "./helpers.ts"

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
const operatorPath = `/operators/${demo.operatorId}`

const thrown = (f: () => unknown): InvalidRequest => {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequest)
    return error as InvalidRequest
  }
  throw new Error("expected a throw")
}

describe("options of the wrong shape", () => {
  it("no options at all is the documented default: SORACOM's Japan coverage, nothing thrown", async () => {
    await using soracom = createSoracomAuth()
    expect(soracom.baseUrl).toBe("https://api.soracom.io/v1")
  })

  it.each([[42], [true], ["options"], [null], [[key]]])(
    "%j is refused as not an options object",
    (options) => {
      const error = thrown(() => createSoracomAuth(options as never))
      expect(error.field).toBe("options")
      expect(error.message).toContain("takes an options object")
    },
  )

  it.each([[42], ["keyId:key"], [["a", "b"]]])(
    "credentials %j are refused as not an object",
    (credentials) => {
      const error = thrown(() => createSoracomAuth({ credentials } as never))
      expect(error.field).toBe("credentials")
      expect(error.message).toContain("credentials must be an object")
    },
  )

  it("an endpoint given as a function is not read as a coverage", () => {
    const error = thrown(() => createSoracomAuth({ credentials: key, endpoint: (() => "jp") as never }))
    expect(error.field).toBe("endpoint")
    expect(error.message).toContain("base URL")
  })

  it("a misspelt option is named, and the message lists the option names there are", () => {
    const error = thrown(() => createSoracomAuth({ credentials: key, tokenTimeout: 3600 } as never))
    expect(error.field).toBe("tokenTimeout")
    for (const name of ["credentials", "endpoint", "tokenTimeoutSeconds", "language", "mfaCode", "store"])
      expect(error.message).toMatch(new RegExp(`\\b${name}\\b`))
  })

  it.each([
    ["authKeyId", { authKey: demo.authKey }],
    ["authKey", { authKeyId: demo.authKeyId }],
    ["password", { email: demo.email }],
  ])(
    "a part left out (%s) is reported as missing, not as a value of the wrong type",
    (field, credentials) => {
      const error = thrown(() => createSoracomAuth({ credentials } as never))
      expect(error.field).toBe(field)
      expect(error.message).not.toContain("must be a string")
    },
  )
})

describe("requests and responses", () => {
  it("a colon later in a path (a query value) does not make it an absolute URL", async () => {
    await using soracom = createSoracomAuth({ credentials: key, endpoint: sandbox.endpoint })
    const response = await soracom.fetch(`${operatorPath}?note=a:b`)
    expect(response.status).toBe(200)
    expect(sandbox.exchanges().some((e) => e.request.path === `/v1${operatorPath}`)).toBe(true)
  })

  it("an mfaCode giving something else than a string is refused in words", async () => {
    await using soracom = createSoracomAuth({
      credentials: { email: demo.email, password: demo.password },
      endpoint: sandbox.endpoint,
      mfaCode: () => 123456 as never,
    })
    const error = await soracom.session().catch((e: unknown) => e)
    expect(error).toMatchObject({ _tag: "InvalidRequest", field: "mfaCode" })
    expect((error as InvalidRequest).message).toMatch(/mfaCode must return the code as a string/)
  })

  it("a method SORACOM's API does not have is named in the refusal", async () => {
    await using soracom = createSoracomAuth({ credentials: key, endpoint: sandbox.endpoint })
    const error = await soracom.fetch(operatorPath, { method: "PROPFIND" }).catch((e: unknown) => e)
    expect(error).toMatchObject({ _tag: "InvalidRequest", field: "method" })
    expect((error as InvalidRequest).message).toContain("PROPFIND")
  })

  it("an error body that echoes no secret reaches the caller byte for byte (a leading BOM kept)", async () => {
    await using soracom = createSoracomAuth({ credentials: key, endpoint: sandbox.endpoint })
    await soracom.session()
    const body = '\uFEFF{"message":"naïve — 不正"}'
    sandbox.faults.set("/operators/{operator_id}", {
      status: 404,
      body,
      headers: { "content-type": "application/json" },
      times: 1,
    })
    const response = await soracom.fetch(operatorPath)
    expect(response.status).toBe(404)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes).toEqual(new TextEncoder().encode(body))
  })

  it("a stored session with an empty key and token (a user's store) does not mangle an error body", async () => {
    const stored = {
      apiKey: "",
      token: "",
      operatorId: demo.operatorId,
      expiresAt: new Date(Date.now() + 3_600_000),
    }
    await using soracom = createSoracomAuth({
      credentials: key,
      endpoint: sandbox.endpoint,
      store: { load: () => stored, save: () => undefined },
    })
    const body = JSON.stringify({ code: "SBX0400", message: "refused" })
    sandbox.faults.set("/operators/{operator_id}", { status: 400, body: JSON.parse(body), times: 1 })
    const response = await soracom.fetch(operatorPath)
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(body)
  })
})
