/**
 * Schema-first validation: every `fromInput` decodes with the `Fields` schemas and reports the first issue as
 * `InvalidRequest { field, reason }` with the rule's own sentence (`Fields.check`), secrets included (plain or
 * `Redacted`, blank or absent); `Wire.checkAuthBody` (the union of the three credential bodies) names the field
 * at fault or `credentials`; built requests are re-checked before anything is sent.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Redacted } from "effect"
import { AuthRequest, Credentials, Fields, PasswordReset, SwitchUser, Wire } from "../src/index.ts"

const failure = <A>(effect: Effect.Effect<A, { readonly field: string; readonly reason: string }>) => {
  const e = Effect.runSync(Effect.flip(effect))
  return { field: e.field, reason: e.reason }
}
const rule = (field: Fields.FieldName, raw: string) => Option.getOrThrow(Fields.check(field, raw))

describe("fromInput reports the Fields rule's sentence", () => {
  it.each([
    ["plain", ""],
    ["Redacted", Redacted.make("   ")],
  ] as const)("a blank password (%s) → password, 'required'", (_, password) => {
    assert.deepStrictEqual(
      failure(Credentials.fromInput({ kind: "root", email: "ada@example.com", password })),
      {
        field: "password",
        reason: rule("password", ""),
      },
    )
  })

  it("an absent secret (plain JavaScript caller) → its field, 'required'", () => {
    const input = { kind: "authKey", authKeyId: "keyId-1" } as unknown as Credentials.Input
    assert.deepStrictEqual(failure(Credentials.fromInput(input)), {
      field: "authKey",
      reason: rule("authKey", ""),
    })
  })

  it("fields are checked in order, after trimming (operator ID upper-cased)", () => {
    assert.deepStrictEqual(
      failure(
        Credentials.fromInput({
          kind: "samUser",
          operatorId: " op0000000001 ",
          userName: "a b",
          password: "",
        }),
      ),
      { field: "userName", reason: rule("userName", "a b") },
    )
    const ok = Effect.runSync(
      Credentials.fromInput({
        kind: "samUser",
        operatorId: " op0000000001 ",
        userName: " u ",
        password: " p ",
      }),
    )
    assert.strictEqual(ok._tag, "SamUserCredentials")
    if (ok._tag === "SamUserCredentials") {
      assert.strictEqual(ok.operatorId, "OP0000000001")
      assert.strictEqual(ok.userName, "u")
      assert.strictEqual(Redacted.value(ok.password), " p ") // secrets verbatim
    }
  })

  it.each(["1e3", "0x100", "200.5", "abc"])("a lifetime typed as %j is refused by the text rule", (text) => {
    const credentials = { kind: "authKey", authKeyId: "k", authKey: "s" } as const
    assert.deepStrictEqual(failure(AuthRequest.fromInput({ credentials, tokenTimeoutSeconds: text })), {
      field: "tokenTimeoutSeconds",
      reason: rule("tokenTimeoutSeconds", text),
    })
  })

  it("AuthRequest: MFA code and lifetime decoded; blank ones absent", () => {
    const credentials = { kind: "authKey", authKeyId: "k", authKey: "s" } as const
    const request = Effect.runSync(
      AuthRequest.fromInput({ credentials, mfaOtpCode: " 123456 ", tokenTimeoutSeconds: " 3600 " }),
    )
    assert.strictEqual(request.mfaOtpCode, "123456")
    assert.strictEqual(request.tokenTimeoutSeconds, 3600)
    const bare = Effect.runSync(
      AuthRequest.fromInput({ credentials, mfaOtpCode: " ", tokenTimeoutSeconds: "" }),
    )
    assert.isFalse("mfaOtpCode" in bare || "tokenTimeoutSeconds" in bare)
    assert.deepStrictEqual(failure(AuthRequest.fromInput({ credentials, mfaOtpCode: "12345" })), {
      field: "mfaOtpCode",
      reason: rule("mfaOtpCode", "12345"),
    })
  })

  it("password reset: a blank Redacted token or password names its field", () => {
    assert.deepStrictEqual(
      failure(PasswordReset.verifyFromInput({ token: Redacted.make(" "), password: "new-pass" })),
      { field: "token", reason: rule("token", "") },
    )
    assert.deepStrictEqual(
      failure(PasswordReset.verifyFromInput({ token: "t", password: Redacted.make("") })),
      {
        field: "password",
        reason: rule("password", ""),
      },
    )
    assert.deepStrictEqual(failure(PasswordReset.issueFromInput({ email: "nope" })), {
      field: "email",
      reason: rule("email", "nope"),
    })
  })

  it("switch user: digits only, in the switch's own range — never the sign-in's", () => {
    const base = { operatorId: "OP0000000001", userName: "u" }
    const notDigits = failure(SwitchUser.fromInput({ ...base, tokenTimeoutSeconds: "1e3" }))
    assert.strictEqual(notDigits.field, "tokenTimeoutSeconds")
    assert.match(notDigits.reason, /switched user's token lifetime .* 180 to 3600/)
    const tooLong = failure(SwitchUser.fromInput({ ...base, tokenTimeoutSeconds: "7200" }))
    assert.strictEqual(tooLong.field, "tokenTimeoutSeconds")
    assert.match(tooLong.reason, /switched user's token lifetime .* 180 to 3600/)
  })
})

describe("Wire.checkAuthBody: one union of the three credential bodies", () => {
  it("a body fitting one kind names its bad field (wire mfaOTPCode → mfaOtpCode)", () => {
    assert.deepStrictEqual(failure(Wire.checkAuthBody({ authKeyId: "k", authKey: "s", mfaOTPCode: "1" })), {
      field: "mfaOtpCode",
      reason: rule("mfaOtpCode", "1"),
    })
    assert.deepStrictEqual(failure(Wire.checkAuthBody({ email: "ada@example.com", password: " " })), {
      field: "password",
      reason: rule("password", " "),
    })
  })

  it.each([
    { email: "ada@example.com", password: "p", authKeyId: "k", authKey: "s" },
    { authKeyId: "k", authKey: "s", password: "p" },
    { password: "p" },
    {},
  ])("keys of no single kind → credentials: %j", (body) => {
    const { field, reason } = failure(Wire.checkAuthBody(body))
    assert.strictEqual(field, "credentials")
    assert.match(reason, /^Give exactly one kind of credentials/)
  })

  it("a valid body comes back as sent", () => {
    const body = { operatorId: "OP0000000001", userName: "u", password: "p", tokenTimeoutSeconds: 600 }
    assert.deepStrictEqual<unknown>(Effect.runSync(Wire.checkAuthBody(body)), body)
  })
})

describe("built requests are re-checked", () => {
  const off = { disableChecks: true } as const
  it("validateIssue / validateVerify / SwitchUser.validate / Wire.validateAuthRequest refuse bad fields", () => {
    assert.strictEqual(
      failure(PasswordReset.validateIssue(new PasswordReset.IssueRequest({ email: "x" }, off))).field,
      "email",
    )
    const verify = new PasswordReset.VerifyRequest(
      { token: Redacted.make("t"), password: Redacted.make("") },
      off,
    )
    assert.deepStrictEqual(failure(PasswordReset.validateVerify(verify)), {
      field: "password",
      reason: rule("password", ""),
    })
    const sw = new SwitchUser.Request({ operatorId: "OP1", userName: "u" }, off)
    assert.strictEqual(failure(SwitchUser.validate(sw)).field, "operatorId")
    const auth = new AuthRequest.AuthRequest(
      {
        credentials: new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make("") }, off),
      },
      off,
    )
    assert.deepStrictEqual(failure(Wire.validateAuthRequest(auth)), {
      field: "authKey",
      reason: rule("authKey", ""),
    })
  })
})

describe("the rule's code travels with the issue", () => {
  const ruleOf = <A>(effect: Effect.Effect<A, { readonly rule?: string | undefined }>) =>
    Effect.runSync(Effect.flip(effect)).rule
  it("Fields rules, a missing field, the switch's limit and one kind of credentials", () => {
    assert.strictEqual(
      ruleOf(Credentials.fromInput({ kind: "root", email: "nope", password: "p" })),
      "format",
    )
    assert.strictEqual(
      ruleOf(Credentials.fromInput({ kind: "root", email: "a@b.co", password: Redacted.make("") })),
      "required",
    )
    const absent = { kind: "authKey", authKeyId: "k" } as unknown as Credentials.Input
    assert.strictEqual(ruleOf(Credentials.fromInput(absent)), "required")
    const sw = { operatorId: "OP0000000001", userName: "u", tokenTimeoutSeconds: 7200 }
    assert.strictEqual(ruleOf(SwitchUser.fromInput(sw)), "switchRange")
    assert.strictEqual(
      ruleOf(Wire.checkAuthBody({ email: "a@b.co", password: "p", authKey: "s" })),
      "oneKind",
    )
    assert.strictEqual(ruleOf(Wire.checkAuthBody([])), undefined)
  })
})
