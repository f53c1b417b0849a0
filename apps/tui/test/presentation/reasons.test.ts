/**
 * Field-validation reasons are the app's words for core's rule codes: the English catalog says what core says,
 * the Japanese one says it in Japanese; a reason without a code stays the library's sentence.
 */
import { Errors, Fields, PasswordReset, SwitchUser } from "@soracom-auth/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { messagesFor } from "../../src/presentation/messages.ts"
import { fieldProblem, invalidReason } from "../../src/presentation/reasons.ts"
import { englishLeft } from "../helpers/english.ts"

const broken: ReadonlyArray<readonly [Fields.FieldName, string]> = [
  ["email", " "],
  ["email", "ada@example"],
  ["password", "x".repeat(1025)],
  ["userName", "a b"],
  ["authKeyId", "key\u0000"],
  ["operatorId", "OP1"],
  ["mfaOtpCode", "12345"],
  ["tokenTimeoutSeconds", "179"],
  ["token", ""],
]

describe("field-validation reasons", () => {
  it.each(broken)("%s %j: English is core's sentence, Japanese has no English", (field, raw) => {
    expect(fieldProblem(field, raw, messagesFor("en"))).toBe(
      Fields.check(field, raw).pipe((o) => (o._tag === "Some" ? o.value : undefined)),
    )
    const ja = fieldProblem(field, raw, messagesFor("ja"))
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    expect(englishLeft(ja ?? "")).toEqual([])
  })

  it("valid input has no reason", () => {
    expect(fieldProblem("email", "ada@example.com", messagesFor("ja"))).toBeUndefined()
  })

  it("core's InvalidRequest (its rule code) in Japanese; a reason without a code is kept", () => {
    const ja = messagesFor("ja")
    const email = Effect.runSync(Effect.flip(PasswordReset.issueFromInput({ email: "ada" })))
    expect(invalidReason(email, ja)).toBe(ja.cli.invalid.format.email)
    const switched = Effect.runSync(
      Effect.flip(
        SwitchUser.fromInput({ operatorId: "OP0000000001", userName: "u", tokenTimeoutSeconds: 7200 }),
      ),
    )
    expect(invalidReason(switched, ja)).toBe(ja.cli.invalid.range(180, 3600))
    expect(invalidReason(new Errors.InvalidRequest({ field: "url", reason: "Outside." }), ja)).toBe(
      "Outside.",
    )
  })
})
