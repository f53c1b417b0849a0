/**
 * The `fromInput` constructors on their success paths and on input a JavaScript caller can pass despite the types
 * (a missing field): the value the request carries is the trimmed input (secrets verbatim), and a missing field
 * is reported as required — "the first broken rule fails with InvalidRequest naming its field".
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { Credentials, PasswordReset, SwitchUser } from "../src/index.ts"

describe("PasswordReset.issueFromInput", () => {
  it.effect("a padded address is the address", () =>
    Effect.gen(function* () {
      const request = yield* PasswordReset.issueFromInput({ email: "  ada@example.com\t" })
      assert.instanceOf(request, PasswordReset.IssueRequest)
      assert.strictEqual(request.email, "ada@example.com")
    }),
  )
})

describe("a missing field (undefined from JavaScript) is a required field", () => {
  it.effect("credentials: email, AuthKey ID, operator ID", () =>
    Effect.gen(function* () {
      const missing = (input: unknown) => Effect.flip(Credentials.fromInput(input as Credentials.Input))
      const root = yield* missing({ kind: "root", password: "pw" })
      assert.deepInclude(root, { field: "email", reason: "The email address is required." })
      const authKey = yield* missing({ kind: "authKey", authKey: "s" })
      assert.deepInclude(authKey, { field: "authKeyId", reason: "The AuthKey ID is required." })
      const sam = yield* missing({ kind: "samUser", userName: "ada", password: "pw" })
      assert.deepInclude(sam, { field: "operatorId", reason: "The operator ID is required." })
    }),
  )

  it.effect("a switch request without a user name", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        SwitchUser.fromInput({ operatorId: "OP0012345678" } as SwitchUser.Input),
      )
      assert.deepInclude(error, { field: "userName", reason: "The user name is required." })
    }),
  )
})

describe("secrets given Redacted are used as they are", () => {
  it.effect("a Redacted password and AuthKey secret, padded: kept verbatim", () =>
    Effect.gen(function* () {
      const root = yield* Credentials.fromInput({
        kind: "root",
        email: " ada@example.com ",
        password: Redacted.make(" pass word "),
      })
      assert.strictEqual(root._tag === "RootCredentials" && root.email, "ada@example.com")
      assert.strictEqual(root._tag === "RootCredentials" && Redacted.value(root.password), " pass word ")
      const key = yield* Credentials.fromInput({
        kind: "authKey",
        authKeyId: "keyId-1",
        authKey: Redacted.make(" k "),
      })
      assert.strictEqual(key._tag === "AuthKeyCredentials" && Redacted.value(key.authKey), " k ")
      const verify = yield* PasswordReset.verifyFromInput({
        token: Redacted.make(" tok "),
        password: Redacted.make(" new pw "),
      })
      assert.strictEqual(Redacted.value(verify.token), "tok")
      assert.strictEqual(Redacted.value(verify.password), " new pw ")
    }),
  )
})
