/**
 * The credentials check of the authenticated routes comes first: a request without a usable
 * `X-Soracom-API-Key` + `X-Soracom-Token` pair is 401 AUM0001 whatever its body says, and an empty header
 * value is no value. (A present pair is looked up only after the body's fields are checked, so a body error
 * shows whether the empty header was taken for a missing one.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterAll(() => sandbox.close())

const tokenRequired = { code: "AUM0001", message: "Token is required in the request header" }

const root = async () => {
  const r = await post(sandbox, "/auth", { email: demo.email, password: demo.password })
  expect(r.status).toBe(200)
  return r.json as { apiKey: string; token: string; operatorId: string }
}

/** Each way a pair is unusable without being absent: one value or both empty. */
const emptyPairs = (s: { apiKey: string; token: string }) => [
  { "X-Soracom-API-Key": "", "X-Soracom-Token": s.token },
  { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": "" },
  { "X-Soracom-API-Key": "", "X-Soracom-Token": "" },
]

describe("an empty credentials header is a missing one, checked before the body", () => {
  it("switch_user: 401 AUM0001 for a body that lacks every field", async () => {
    const s = await root()
    for (const headers of emptyPairs(s)) {
      const r = await post(sandbox, "/auth/switch_user", {}, headers)
      expect(r.status, JSON.stringify(headers)).toBe(401)
      expect(r.json).toEqual(tokenRequired)
    }
    // The same body with the real pair is a field error: the header check above is what answered.
    const named = await post(
      sandbox,
      "/auth/switch_user",
      {},
      {
        "X-Soracom-API-Key": s.apiKey,
        "X-Soracom-Token": s.token,
      },
    )
    expect(named.status).toBe(400)
    expect(named.json.code).toBe("COM0008")
  })

  it("token renewal: 401 AUM0001 for a lifetime out of bounds", async () => {
    const s = await root()
    const path = `/operators/${s.operatorId}/token`
    for (const headers of emptyPairs(s)) {
      const r = await post(sandbox, path, { tokenTimeoutSeconds: 1 }, headers)
      expect(r.status, JSON.stringify(headers)).toBe(401)
      expect(r.json).toEqual(tokenRequired)
    }
    const named = await post(
      sandbox,
      path,
      { tokenTimeoutSeconds: 1 },
      {
        "X-Soracom-API-Key": s.apiKey,
        "X-Soracom-Token": s.token,
      },
    )
    expect(named.status).toBe(400)
    expect(named.json.code).toBe("COM0008")
  })

  it("getOperator and logout: 401 AUM0001 with an empty value; the pair itself still works", async () => {
    const s = await root()
    for (const headers of emptyPairs(s)) {
      const g = await send(sandbox.url, "GET", `/operators/${s.operatorId}`, undefined, headers)
      expect(g.status).toBe(401)
      expect(g.json).toEqual(tokenRequired)
      const out = await post(sandbox, "/auth/logout", undefined, headers)
      expect(out.status).toBe(401)
      expect(out.json).toEqual(tokenRequired)
    }
    const pair = { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": s.token }
    expect((await send(sandbox.url, "GET", `/operators/${s.operatorId}`, undefined, pair)).status).toBe(200)
  })
})
