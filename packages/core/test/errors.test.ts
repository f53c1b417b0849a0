/**
 * The error table's words and shapes (`Errors`): each error's `message` is the one sentence a user reads, with
 * SORACOM's `code` and message appended when the server sent them; `toJSON` carries the fields and the message;
 * `isSoracomAuthError` recognises exactly this library's errors. The sentences are the product's wording (the CLI
 * shows them as they are), so they are pinned here in full.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Schema } from "effect"
import { Errors } from "../src/index.ts"

describe("messages: one sentence per error, SORACOM's detail appended", () => {
  it("without a server detail", () => {
    const cases: ReadonlyArray<readonly [Errors.SoracomAuthError, string]> = [
      [
        new Errors.InvalidRequest({ field: "email", reason: "The email address is required." }),
        "The email address is required.",
      ],
      [new Errors.AuthFailed({}), "SORACOM did not accept the credentials."],
      [new Errors.InvalidEmail({}), "SORACOM rejected the email address."],
      [new Errors.InvalidToken({}), "SORACOM rejected the password reset token."],
      [new Errors.TokenExpired({}), "The password reset token has expired; request a new one."],
      [
        new Errors.SwitchUserNotAllowed({}),
        "SORACOM does not allow switching to that user; its trust policy must list you.",
      ],
      [new Errors.RenewalRefused({}), "SORACOM refused to renew the API token; sign in again."],
      [
        new Errors.RateLimited({ operation: "auth" }),
        "SORACOM is rate-limiting the sign-in; try again in a minute.",
      ],
      [
        new Errors.ServerError({ operation: "logout", status: 503 }),
        "SORACOM failed the sign-out with HTTP 503; try again later.",
      ],
      [
        new Errors.UnexpectedResponse({ operation: "switchUser", status: 302, detail: "a redirect" }),
        "SORACOM answered the user switch with HTTP 302, which the API contract does not allow: a redirect.",
      ],
    ]
    for (const [error, message] of cases) assert.strictEqual(error.message, message, error._tag)
  })

  it("with SORACOM's code and message: both, in that order, after 'SORACOM:'", () => {
    const detail = { code: "AUM0002", serverMessage: "Invalid email or password" }
    assert.strictEqual(
      new Errors.AuthFailed(detail).message,
      "SORACOM did not accept the credentials (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.InvalidEmail(detail).message,
      "SORACOM rejected the email address (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.InvalidToken(detail).message,
      "SORACOM rejected the password reset token (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.TokenExpired(detail).message,
      "The password reset token has expired; request a new one (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.SwitchUserNotAllowed(detail).message,
      "SORACOM does not allow switching to that user; its trust policy must list you (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.RenewalRefused(detail).message,
      "SORACOM refused to renew the API token; sign in again (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.ServerError({ operation: "auth", status: 500, ...detail }).message,
      "SORACOM failed the sign-in with HTTP 500; try again later (SORACOM: AUM0002 Invalid email or password).",
    )
    assert.strictEqual(
      new Errors.UnexpectedResponse({ operation: "auth", status: 418, detail: "odd", ...detail }).message,
      "SORACOM answered the sign-in with HTTP 418, which the API contract does not allow: odd (SORACOM: AUM0002 Invalid email or password).",
    )
  })

  it("only a code, only a message, or empty ones", () => {
    assert.strictEqual(
      new Errors.AuthFailed({ code: "AUM0002" }).message,
      "SORACOM did not accept the credentials (SORACOM: AUM0002).",
    )
    assert.strictEqual(
      new Errors.AuthFailed({ serverMessage: "Invalid" }).message,
      "SORACOM did not accept the credentials (SORACOM: Invalid).",
    )
    // An empty string is no detail: no "(SORACOM: )", no double space.
    assert.strictEqual(
      new Errors.AuthFailed({ code: "", serverMessage: "" }).message,
      "SORACOM did not accept the credentials.",
    )
    assert.strictEqual(
      new Errors.AuthFailed({ code: "", serverMessage: "Invalid" }).message,
      "SORACOM did not accept the credentials (SORACOM: Invalid).",
    )
  })

  it("RateLimited: the wait in whole seconds, rounded up, at least 1 s; each operation by its name", () => {
    const wait = (retryAfter: Duration.Duration) =>
      new Errors.RateLimited({ operation: "auth", retryAfter }).message
    assert.strictEqual(wait(Duration.seconds(30)), "SORACOM is rate-limiting the sign-in; try again in 30 s.")
    assert.strictEqual(
      wait(Duration.millis(29_001)),
      "SORACOM is rate-limiting the sign-in; try again in 30 s.",
    )
    assert.strictEqual(wait(Duration.millis(200)), "SORACOM is rate-limiting the sign-in; try again in 1 s.")
    assert.strictEqual(wait(Duration.zero), "SORACOM is rate-limiting the sign-in; try again in 1 s.")
    const names: Record<Errors.Operation, string> = {
      auth: "sign-in",
      issuePasswordResetToken: "password reset request",
      verifyPasswordResetToken: "password reset",
      logout: "sign-out",
      switchUser: "user switch",
      generateAuthToken: "token renewal",
    }
    for (const [operation, name] of Object.entries(names)) {
      assert.strictEqual(
        new Errors.RateLimited({ operation: operation as Errors.Operation, code: "X" }).message,
        `SORACOM is rate-limiting the ${name}; try again in a minute (SORACOM: X).`,
      )
    }
  })

  it("TransportError: where, why in words, and the code or name that decided it", () => {
    const why: Record<Errors.TransportReason, string> = {
      ConnectionRefused: "the connection was refused",
      ConnectionReset: "the connection was reset",
      DnsFailure: "the host name could not be resolved",
      Timeout: "the request timed out",
      Aborted: "the request was aborted",
      NotBuilt: "the request could not be built",
      Unknown: "the request failed before a response arrived",
    }
    for (const [reason, words] of Object.entries(why)) {
      const e = new Errors.TransportError({
        operation: "auth",
        endpoint: "http://127.0.0.1:9/v1",
        reason: reason as Errors.TransportReason,
      })
      assert.strictEqual(e.message, `Could not reach SORACOM at http://127.0.0.1:9/v1: ${words}.`)
    }
    assert.strictEqual(
      new Errors.TransportError({
        operation: "request",
        endpoint: "https://api.soracom.io/v1",
        reason: "ConnectionRefused",
        detail: "ECONNREFUSED",
      }).message,
      "Could not reach SORACOM at https://api.soracom.io/v1: the connection was refused (ECONNREFUSED).",
    )
    // An empty detail adds nothing.
    assert.strictEqual(
      new Errors.TransportError({ operation: "auth", endpoint: "E", reason: "Timeout", detail: "" }).message,
      "Could not reach SORACOM at E: the request timed out.",
    )
  })
})

describe("toJSON: the fields and the message", () => {
  const plain = (e: unknown) => JSON.parse(JSON.stringify(e))
  it("every error: its tag, fields and message", () => {
    assert.deepStrictEqual(plain(new Errors.InvalidRequest({ field: "email", reason: "R." })), {
      _tag: "InvalidRequest",
      field: "email",
      reason: "R.",
      message: "R.",
    })
    const detail = { code: "C1", serverMessage: "M" }
    for (const e of [
      new Errors.AuthFailed(detail),
      new Errors.InvalidEmail(detail),
      new Errors.InvalidToken(detail),
      new Errors.TokenExpired(detail),
      new Errors.SwitchUserNotAllowed(detail),
      new Errors.RenewalRefused(detail),
    ]) {
      assert.deepStrictEqual(plain(e), { _tag: e._tag, ...detail, message: e.message })
    }
    const server = new Errors.ServerError({ operation: "auth", status: 502 })
    assert.deepStrictEqual(plain(server), {
      _tag: "ServerError",
      operation: "auth",
      status: 502,
      message: server.message,
    })
    const transport = new Errors.TransportError({ operation: "auth", endpoint: "E", reason: "Timeout" })
    assert.deepStrictEqual(plain(transport), {
      _tag: "TransportError",
      operation: "auth",
      endpoint: "E",
      reason: "Timeout",
      message: transport.message,
    })
    const unexpected = new Errors.UnexpectedResponse({ operation: "auth", status: 200, detail: "no apiKey" })
    assert.deepStrictEqual(plain(unexpected), {
      _tag: "UnexpectedResponse",
      operation: "auth",
      status: 200,
      detail: "no apiKey",
      message: unexpected.message,
    })
  })

  it("RateLimited: retryAfterSeconds (a number) instead of the Duration; none when the server gave no wait", () => {
    const limited = new Errors.RateLimited({ operation: "auth", retryAfter: Duration.millis(1500) })
    assert.deepStrictEqual(plain(limited), {
      _tag: "RateLimited",
      operation: "auth",
      retryAfterSeconds: 1.5,
      message: limited.message,
    })
    const bare = new Errors.RateLimited({ operation: "logout" })
    assert.deepStrictEqual(plain(bare), { _tag: "RateLimited", operation: "logout", message: bare.message })
  })
})

describe("isSoracomAuthError", () => {
  it("true for every error of the table", () => {
    for (const e of [
      new Errors.InvalidRequest({ field: "f", reason: "r" }),
      new Errors.AuthFailed({}),
      new Errors.InvalidEmail({}),
      new Errors.InvalidToken({}),
      new Errors.TokenExpired({}),
      new Errors.SwitchUserNotAllowed({}),
      new Errors.RenewalRefused({}),
      new Errors.RateLimited({ operation: "auth" }),
      new Errors.ServerError({ operation: "auth", status: 500 }),
      new Errors.TransportError({ operation: "auth", endpoint: "E", reason: "Unknown" }),
      new Errors.UnexpectedResponse({ operation: "auth", status: 200, detail: "d" }),
    ]) {
      assert.isTrue(Errors.isSoracomAuthError(e), e._tag)
    }
  })

  it("false for look-alikes: a plain object with a known tag, an Error with an unknown or non-string tag", () => {
    const tagged = (tag: unknown) => Object.assign(new Error("x"), { _tag: tag })
    for (const u of [
      undefined,
      null,
      "AuthFailed",
      42,
      { _tag: "AuthFailed" },
      { _tag: "AuthFailed", message: "SORACOM did not accept the credentials." },
      new Error("AuthFailed"),
      tagged("SomethingElse"),
      tagged(7),
      tagged(undefined),
    ]) {
      assert.isFalse(Errors.isSoracomAuthError(u), String(u))
    }
    assert.isTrue(Errors.isSoracomAuthError(tagged("AuthFailed")))
  })
})

describe("the union schema decodes an error sent over a wire", () => {
  it("a RateLimited with its wait, a TransportError", () => {
    const decode = Schema.decodeUnknownSync(Errors.SoracomAuthError)
    const encode = Schema.encodeSync(Errors.SoracomAuthError)
    for (const e of [
      new Errors.RateLimited({ operation: "switchUser", retryAfter: Duration.seconds(3) }),
      new Errors.TransportError({
        operation: "request",
        endpoint: "E",
        reason: "DnsFailure",
        detail: "ENOTFOUND",
      }),
    ]) {
      const back = decode(encode(e))
      assert.strictEqual(back._tag, e._tag)
      assert.strictEqual(back.message, e.message)
    }
  })
})
