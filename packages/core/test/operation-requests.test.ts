/**
 * What each `SoracomAuth` operation shows outside: the one span it starts (named `SoracomAuth.<operation>`, for
 * an app's traces), the headers of its request (a JSON body is declared as JSON; a request without a body
 * declares none), the secrets scrubbed from what a server echoes back, and the detail of an `UnexpectedResponse`
 * when a 200 carries a body the contract does not allow.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Layer, Redacted, Result, Tracer } from "effect"
import {
  AuthRequest,
  AuthResponse,
  Credentials,
  Errors,
  PasswordReset,
  RetryPolicy,
  SoracomAuth,
  SwitchUser,
} from "../src/index.ts"
import { type Handler, json, okAuth, testHttp } from "./support.ts"

const session = new AuthResponse.AuthResponse({
  apiKey: Redacted.make("api-key-1"),
  token: Redacted.make("token-1"),
  operatorId: "OP0012345678",
  expiresAt: DateTime.makeUnsafe(0),
})
const authRequest = new AuthRequest.AuthRequest({
  credentials: new Credentials.AuthKeyCredentials({
    authKeyId: "keyId-abc",
    authKey: Redacted.make("secret-xyz"),
  }),
})

type Name =
  | "auth"
  | "renewToken"
  | "switchUser"
  | "issuePasswordResetToken"
  | "verifyPasswordResetToken"
  | "logout"
const operations: Record<Name, (a: SoracomAuth.Service) => Effect.Effect<unknown, unknown>> = {
  auth: (a: SoracomAuth.Service) => a.auth(authRequest),
  renewToken: (a: SoracomAuth.Service) => a.renewToken(session),
  switchUser: (a: SoracomAuth.Service) =>
    a.switchUser(session, new SwitchUser.Request({ operatorId: "OP0099999999", userName: "bob" })),
  issuePasswordResetToken: (a: SoracomAuth.Service) =>
    a.issuePasswordResetToken(new PasswordReset.IssueRequest({ email: "ada@example.com" })),
  verifyPasswordResetToken: (a: SoracomAuth.Service) =>
    a.verifyPasswordResetToken(
      new PasswordReset.VerifyRequest({
        token: Redacted.make("reset-token-1"),
        password: Redacted.make("new pass 1"),
      }),
    ),
  logout: (a: SoracomAuth.Service) => a.logout(session),
}

/** SORACOM answering each path as the spec says it succeeds. */
const ok: Handler = (request) =>
  request.path === "/v1/auth" || request.path === "/v1/auth/switch_user"
    ? okAuth()
    : request.path.endsWith("/token")
      ? json(200, { token: "token-2" })
      : json(200, {})

const run = <A, E>(handler: Handler, f: (a: SoracomAuth.Service) => Effect.Effect<A, E>) => {
  const http = testHttp(handler)
  const names: Array<string> = []
  const tracer = Tracer.make({
    span(options) {
      names.push(options.name)
      return new Tracer.NativeSpan(options)
    },
  })
  return Effect.flatMap(SoracomAuth.SoracomAuth, f).pipe(
    Effect.result,
    Effect.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))),
    Effect.withTracer(tracer),
    Effect.map((result) => ({ result, requests: http.requests, names })),
  )
}

describe("SoracomAuth: each operation's span and request", () => {
  it.effect.each(Object.keys(operations) as Array<Name>)("%s: one span named after it", (name) =>
    Effect.gen(function* () {
      const { result, names } = yield* run(ok, operations[name])
      assert.strictEqual(result._tag, "Success")
      assert.deepStrictEqual(names, [`SoracomAuth.${name}`])
    }),
  )

  it.effect.each(Object.keys(operations) as Array<Name>)(
    "%s: a JSON body declared as JSON, no body none",
    (name) =>
      Effect.gen(function* () {
        const { requests } = yield* run(ok, operations[name])
        assert.strictEqual(requests.length, 1)
        const request = requests[0]
        assert.strictEqual(request?.headers.accept, "application/json")
        if (name === "logout") {
          assert.strictEqual(request?.body, undefined)
          assert.notProperty(request?.headers ?? {}, "content-type")
        } else {
          assert.isDefined(request?.body)
          assert.strictEqual(request?.headers["content-type"], "application/json")
        }
      }),
  )
})

/** The detail of the UnexpectedResponse an operation failed with (undefined for any other outcome). */
const unexpectedDetail = (result: Result.Result<unknown, unknown>) =>
  Result.isFailure(result) && result.failure instanceof Errors.UnexpectedResponse
    ? result.failure.detail
    : undefined

describe("SoracomAuth: a 200 whose body the contract does not allow", () => {
  it.effect(
    "sign-in or switch without apiKey/token/operatorId: UnexpectedResponse saying what is missing",
    () =>
      Effect.gen(function* () {
        for (const name of ["auth", "switchUser"] as const) {
          const { result } = yield* run(() => json(200, { apiKey: "k", token: "" }), operations[name])
          assert.strictEqual(
            unexpectedDetail(result),
            "the body is not a JSON object with non-empty apiKey, token and operatorId",
          )
        }
      }),
  )

  it.effect("a renewal without a token: UnexpectedResponse saying so", () =>
    Effect.gen(function* () {
      const { result } = yield* run(() => json(200, { apiKey: "k" }), operations.renewToken)
      assert.strictEqual(unexpectedDetail(result), "the body is not a JSON object with a non-empty token")
    }),
  )
})

describe("SoracomAuth.languageFromLocale", () => {
  it("Japanese only when the locale starts with ja: a priority list with Japanese second is English", () => {
    assert.strictEqual(SoracomAuth.languageFromLocale("ja_JP.UTF-8"), "ja")
    assert.strictEqual(SoracomAuth.languageFromLocale("ja-JP"), "ja")
    assert.strictEqual(SoracomAuth.languageFromLocale("en_US:ja_JP"), "en")
    assert.strictEqual(SoracomAuth.languageFromLocale("en-US,ja-JP"), "en")
  })
})

describe("SoracomAuth.issuePasswordResetToken: nothing to scrub", () => {
  it.effect("it sends no secret, so the server's message is kept whole", () =>
    Effect.gen(function* () {
      const message = "A request for this address was here already; wait before asking again."
      const { result } = yield* run(
        () => json(400, { code: "AUM0001", message }),
        operations.issuePasswordResetToken,
      )
      const failure = Result.isFailure(result) ? result.failure : undefined
      assert.instanceOf(failure, Errors.InvalidEmail)
      assert.strictEqual(failure instanceof Errors.InvalidEmail ? failure.serverMessage : undefined, message)
    }),
  )
})
