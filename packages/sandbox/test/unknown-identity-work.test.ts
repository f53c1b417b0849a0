/**
 * An unknown identity must cost the server the same scrypt work as a known one with a wrong secret, so that the
 * answer time does not reveal which emails, users and AuthKey IDs exist. Observed, not timed: Node reports each
 * asynchronous scrypt job it starts to async_hooks as a `SCRYPTREQUEST` resource, so the test counts the scrypt
 * jobs one request causes. (The sandbox runs in this process.)
 */
import { createHook } from "node:async_hooks"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Sandbox, startSandbox } from "../src/index.ts"

let sandbox: Sandbox
let scryptJobs = 0
const hook = createHook({
  init(_id, type) {
    if (type === "SCRYPTREQUEST") scryptJobs++
  },
})

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    log: false,
    hashCost: 1,
    rateLimit: false,
    seed: {
      operators: [
        {
          operatorId: "OP0000000101",
          email: "known@example.com",
          password: "the-password",
          authKeys: [{ authKeyId: "keyId-known000000000000000000000001", authKey: "secret-known-key" }],
          users: [{ userName: "known-user", password: "user-password" }],
        },
      ],
    },
  })
  hook.enable()
})
afterAll(async () => {
  hook.disable()
  await sandbox.close()
})

/** The status of one POST /auth and how many scrypt jobs it caused. */
const authWork = async (body: Record<string, string>) => {
  const before = scryptJobs
  const r = await fetch(`${sandbox.url}/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  await r.arrayBuffer()
  return { status: r.status, scrypt: scryptJobs - before }
}

describe("POST /auth does the same scrypt work for unknown identities as for wrong secrets", () => {
  it("root: unknown email vs known email with a wrong password", async () => {
    const wrong = await authWork({ email: "known@example.com", password: "not-it" })
    const unknown = await authWork({ email: "nobody@example.com", password: "not-it" })
    expect(wrong.status).toBe(401)
    expect(wrong.scrypt).toBeGreaterThanOrEqual(1)
    expect(unknown).toEqual(wrong)
  })

  it("SAM user: unknown user, unknown operator vs known user with a wrong password", async () => {
    const wrong = await authWork({ operatorId: "OP0000000101", userName: "known-user", password: "not-it" })
    const unknownUser = await authWork({ operatorId: "OP0000000101", userName: "nobody", password: "not-it" })
    const unknownOperator = await authWork({
      operatorId: "OP0000000999",
      userName: "known-user",
      password: "x",
    })
    expect(wrong.status).toBe(401)
    expect(wrong.scrypt).toBeGreaterThanOrEqual(1)
    expect(unknownUser).toEqual(wrong)
    expect(unknownOperator).toEqual(wrong)
  })

  it("AuthKey: unknown AuthKey ID vs known ID with a wrong secret", async () => {
    const wrong = await authWork({
      authKeyId: "keyId-known000000000000000000000001",
      authKey: "secret-not-it",
    })
    const unknown = await authWork({
      authKeyId: "keyId-nobody00000000000000000000001",
      authKey: "secret-not-it",
    })
    expect(wrong.status).toBe(401)
    expect(wrong.scrypt).toBeGreaterThanOrEqual(1)
    expect(unknown).toEqual(wrong)
  })

  it("the count is real: a successful sign-in is one scrypt job too", async () => {
    expect(await authWork({ email: "known@example.com", password: "the-password" })).toEqual({
      status: 200,
      scrypt: 1,
    })
  })
})
