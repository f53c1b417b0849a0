/**
 * Issue → InvalidRequest for issues core's own decodes do not raise today, so that a future schema's issue still
 * reads as what it is: a forbidden operation keeps Schema's own words for the field it concerns, never the
 * "one kind of credentials" sentence (which is about a body's keys). And every rule a field can break comes with
 * a sentence of its own, whatever the input.
 */
import { assert, describe, it } from "@effect/vitest"
import { Option } from "effect"
import * as SchemaIssue from "effect/SchemaIssue"
import { Fields } from "../src/index.ts"
import { invalidRequest, oneKind } from "../src/internal/field.ts"

describe("issues without a Fields rule", () => {
  it("a forbidden operation on a field: that field, Schema's own message, no rule", () => {
    const error = invalidRequest(
      new SchemaIssue.Pointer(["email"], new SchemaIssue.Forbidden({ message: "cannot be checked here" })),
    )
    assert.strictEqual(error.field, "email")
    assert.include(error.reason, "cannot be checked here")
    assert.notStrictEqual(error.reason, oneKind)
    assert.isUndefined(error.rule)
  })
})

describe("every broken rule has its sentence", () => {
  const inputs = [
    "",
    " ",
    "x",
    "a b",
    "@",
    "op1",
    "OP12345",
    "12345",
    "1234567",
    "0",
    "-1",
    "x\u0000y",
    "\uD800",
  ]
  for (const field of Fields.fieldNames) {
    it(`${field}: whatever the input, a broken rule comes with a sentence`, () => {
      for (const input of inputs) {
        const problem = Fields.problem(field, input)
        if (Option.isNone(problem)) continue
        assert.isString(problem.value.message, `${field} ${JSON.stringify(input)}`)
        assert.isAbove(problem.value.message.length, 10)
      }
    })
  }
})
