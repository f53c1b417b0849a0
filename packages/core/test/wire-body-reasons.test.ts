/**
 * `Wire.checkAuthBody` on bodies a server may receive that are not even the right shape: not an object at all
 * (the body as a whole is at fault, with no rule code), or a field of the wrong JSON type (the field at fault,
 * with the type it should have). A server answers these to its client, so the words are part of the contract.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Wire } from "../src/index.ts"

const failure = (body: unknown) => {
  const e = Effect.runSync(Effect.flip(Wire.checkAuthBody(body)))
  return { field: e.field, reason: e.reason, rule: e.rule }
}

describe("Wire.checkAuthBody: not the right shape", () => {
  it.each([[[]], ["email=ada@example.com"], [null], [42]])("%j: the body, not any field", (body) => {
    assert.deepStrictEqual(failure(body), {
      field: "body",
      reason: "The request body is not a JSON object of the expected shape.",
      rule: undefined,
    })
  })

  it("a number where a string goes: that field, 'Expected a string.'", () => {
    assert.deepStrictEqual(failure({ email: 5, password: "pw-123456" }), {
      field: "email",
      reason: "Expected a string.",
      rule: undefined,
    })
    assert.deepStrictEqual(failure({ authKeyId: "keyId-abc", authKey: true }), {
      field: "authKey",
      reason: "Expected a string.",
      rule: undefined,
    })
  })

  it("text where a number goes (the lifetime): that field, 'Expected a whole number.'", () => {
    assert.deepStrictEqual(
      failure({ authKeyId: "keyId-abc", authKey: "secret-xyz", tokenTimeoutSeconds: "600" }),
      { field: "tokenTimeoutSeconds", reason: "Expected a whole number.", rule: undefined },
    )
  })
})
