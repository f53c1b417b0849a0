/**
 * CANARY: secrets `CANARY-…` in every secret field, through every failure path — no canary may appear in any
 * error text, JSON or inspection, nor in any request/response/credentials printout. The server below echoes the
 * whole request (body and headers) into its error messages, to prove that server text is scrubbed too.
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, DateTime, Duration, Effect, Exit, Fiber, Layer, Logger, Redacted, References } from "effect"
import { TestClock } from "effect/testing"
import {
  AuthRequest,
  AuthResponse,
  Credentials,
  Errors,
  PasswordReset,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Answer, fetchFailed, json, nodeError, type Recorded, testHttp, text } from "./support.ts"

const { inspect } = (await import("node:util" as string)) as {
  inspect: (u: unknown, options?: { depth?: number; showHidden?: boolean }) => string
}

const CANARY = "CANARY-"
const canary = (name: string) => `${CANARY}${name}-7f3a`

const printouts = (value: unknown): ReadonlyArray<string> => {
  const out = [String(value), inspect(value, { depth: 20 }), JSON.stringify(value) ?? ""]
  if (value instanceof Error) out.push(value.message, value.stack ?? "", String(value.cause ?? ""))
  return out
}

const assertNoCanary = (label: string, value: unknown) => {
  for (const text of printouts(value)) {
    assert.isFalse(text.includes(CANARY), `${label} leaked a canary: ${text.slice(0, 400)}`)
  }
}

const credentials = [
  new Credentials.RootCredentials({
    email: "ada@example.com",
    password: Redacted.make(canary("root-password")),
  }),
  new Credentials.AuthKeyCredentials({ authKeyId: "keyId-abc", authKey: Redacted.make(canary("authkey")) }),
  new Credentials.SamUserCredentials({
    operatorId: "OP0012345678",
    userName: "ada",
    password: Redacted.make(canary("sam-pw")),
  }),
] as const
const verify = new PasswordReset.VerifyRequest({
  token: Redacted.make(canary("reset-token")),
  password: Redacted.make(canary("new-password")),
})
const issue = new PasswordReset.IssueRequest({ email: "ada@example.com" })
const session = new AuthResponse.AuthResponse({
  apiKey: Redacted.make(canary("api-key")),
  token: Redacted.make(canary("api-token")),
  operatorId: "OP0012345678",
  expiresAt: DateTime.makeUnsafe(0),
})

const echo = (r: Recorded) => `echo ${JSON.stringify(r.body)} ${JSON.stringify(r.headers)}`

const answers: ReadonlyArray<readonly [string, (r: Recorded) => Answer]> = [
  ...[400, 401, 403, 404, 409, 418, 429, 500, 502, 503].map(
    (status) =>
      [`${status} json echo`, (r: Recorded) => json(status, { code: echo(r), message: echo(r) })] as const,
  ),
  ["500 text echo", (r) => text(500, echo(r))],
  ["200 garbage echo", (r) => text(200, echo(r))],
  ["200 bad auth body", (r) => json(200, { apiKey: echo(r) })],
  ["refused", () => ({ fail: fetchFailed("ECONNREFUSED") })],
  ["reset with canary message", () => ({ fail: nodeError("ECONNRESET", `socket hang up ${canary("m")}`) })],
  ["unknown with canary", () => ({ fail: new Error(`boom ${canary("x")}`) })],
]

const operations: ReadonlyArray<
  readonly [string, (a: SoracomAuth.Service) => Effect.Effect<unknown, unknown>]
> = [
  ...credentials.map(
    (c) =>
      [
        `auth ${c._tag}`,
        (a: SoracomAuth.Service) => a.auth(new AuthRequest.AuthRequest({ credentials: c })),
      ] as const,
  ),
  ["issue", (a) => a.issuePasswordResetToken(issue)],
  ["verify", (a) => a.verifyPasswordResetToken(verify)],
  ["logout", (a) => a.logout(session)],
]

/**
 * A case can leak only when the request carries a secret (not `issue`: an email only) and the answer makes the
 * operation fail (a 200 to issue/verify/logout is a success: no error to leak into). Those cases are the matrix;
 * the others still run, under a separate "cannot leak" title, so the matrix's count means what it says. Each case
 * checks its own classification (secret sent or not, failure or not), so a wrong table cannot hide a case.
 */
const cases = operations.flatMap(([opName, op]) =>
  answers.map(([answerName, answer]) => ({
    opName,
    op,
    answerName,
    answer,
    canLeak: !opName.startsWith("issue") && !(answerName.startsWith("200") && !opName.startsWith("auth")),
  })),
)
const titleOf = (c: (typeof cases)[number]) =>
  c.canLeak ? `${c.opName} × ${c.answerName}` : `cannot leak: ${c.opName} × ${c.answerName}`

/** The case's classification holds: a leakable case sent a canary and failed; another did not send one or succeeded. */
const assertClassified = (c: (typeof cases)[number], sentCanary: boolean, failed: boolean) => {
  if (c.canLeak) {
    assert.isTrue(sentCanary, `${titleOf(c)}: counted as leakable but no secret was sent`)
    assert.isTrue(failed, `${titleOf(c)}: counted as leakable but the operation succeeded`)
  } else
    assert.isTrue(!sentCanary || !failed, `${titleOf(c)}: could leak, yet it is not counted in the matrix`)
}

describe("canary: no secret in any printout", () => {
  it("requests, credentials and responses print no secret", () => {
    for (const c of credentials) {
      assertNoCanary(c._tag, c)
      assertNoCanary(
        `AuthRequest.AuthRequest ${c._tag}`,
        new AuthRequest.AuthRequest({ credentials: c, mfaOtpCode: "123456" }),
      )
    }
    assertNoCanary("verify request", verify)
    assertNoCanary("AuthResponse", session)
  })

  for (const c of cases) {
    const { opName, op, answerName, answer } = c
    it.effect(titleOf(c), () =>
      Effect.gen(function* () {
        const http = testHttp((r) => answer(r))
        const exit = yield* Effect.flatMap(SoracomAuth.SoracomAuth, op).pipe(
          Effect.provide(
            SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer)),
          ),
          Effect.exit,
        )
        assert.isTrue(Exit.isFailure(exit) || answerName.startsWith("200"), "expected a failure")
        // the server really saw the canary (so the scrub is tested)
        assertClassified(c, JSON.stringify(http.requests).includes(CANARY), Exit.isFailure(exit))
        if (Exit.isFailure(exit)) {
          assertNoCanary(`${opName} × ${answerName} cause`, Cause.pretty(exit.cause))
          for (const error of Cause.prettyErrors(exit.cause)) assertNoCanary(`${opName} pretty`, error)
          const failure = exit.cause.reasons.find(Cause.isFailReason)
          if (failure !== undefined) assertNoCanary(`${opName} × ${answerName}`, failure.error)
        }
        assertNoCanary("exit", exit)
      }),
    )
  }

  it.effect("InvalidRequest never echoes the rejected value", () =>
    Effect.gen(function* () {
      const errors = [
        yield* Effect.flip(
          AuthRequest.fromInput({ credentials: { kind: "root", email: canary("x"), password: canary("p") } }),
        ),
        yield* Effect.flip(
          AuthRequest.fromInput({
            credentials: { kind: "authKey", authKeyId: "k", authKey: `${canary("k")} ${"x".repeat(2000)}` },
          }),
        ),
        yield* Effect.flip(
          PasswordReset.verifyFromInput({
            token: `${canary("t")}${"x".repeat(2000)}`,
            password: "p",
          }),
        ),
        yield* Effect.flip(
          AuthRequest.fromInput({
            credentials: { kind: "root", email: "ada@example.com", password: canary("p") },
            mfaOtpCode: canary("mfa"),
          }),
        ),
      ]
      for (const e of errors) assertNoCanary(e.field, e)
    }),
  )
})

describe("canary: no secret in the retry warnings", () => {
  // Every operation × every answer again, now with retries on: everything a logger receives (message,
  // annotations, cause, Effect's default formatting) is checked.
  const retrying = RetryPolicy.make({ maxAttempts: 3, baseDelay: "10 millis", jitter: 0 })
  for (const c of cases) {
    const { opName, op, answerName, answer } = c
    it.effect(`${titleOf(c)} (retrying)`, () =>
      Effect.gen(function* () {
        const logged: Array<unknown> = []
        let warnings = 0
        const capture = Logger.make((o) => {
          warnings++
          logged.push(
            o.message,
            o.fiber.getRef(References.CurrentLogAnnotations),
            Cause.pretty(o.cause),
            Logger.formatSimple.log(o),
            Logger.formatJson.log(o),
          )
        })
        const http = testHttp((r) => answer(r))
        const fiber = yield* Effect.forkChild(
          Effect.flatMap(SoracomAuth.SoracomAuth, op).pipe(
            Effect.provide(
              Layer.merge(
                SoracomAuth.layer({ retryPolicy: retrying }).pipe(Layer.provide(http.layer)),
                Logger.layer([capture]),
              ),
            ),
            Effect.exit,
          ),
        )
        for (let i = 0; i < 20 && fiber.pollUnsafe() === undefined; i++) yield* TestClock.adjust("1 second")
        const exit = yield* Fiber.join(fiber)
        assertClassified(c, JSON.stringify(http.requests).includes(CANARY), Exit.isFailure(exit))
        assertNoCanary(`${opName} × ${answerName} exit`, exit)
        for (const entry of logged) assertNoCanary(`${opName} × ${answerName} log`, entry)
        // one warning per retry; and the 503s of auth do retry, so the check is not vacuous
        assert.strictEqual(warnings, http.requests.length - 1)
        if (opName.startsWith("auth") && answerName.startsWith("503")) assert.strictEqual(warnings, 2)
      }),
    )
  }
})

describe("error printouts", () => {
  it.effect("String, JSON and inspect show the tag and the one-sentence message", () =>
    Effect.gen(function* () {
      const http = testHttp(() =>
        json(401, { code: "AUM0002", message: "Invalid username/password supplied." }),
      )
      const error = yield* SoracomAuth.SoracomAuth.use((a) =>
        a.auth(new AuthRequest.AuthRequest({ credentials: credentials[1] })),
      ).pipe(
        Effect.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))),
        Effect.flip,
      )
      const message =
        "SORACOM did not accept the credentials (SORACOM: AUM0002 Invalid username/password supplied.)."
      assert.strictEqual(error.message, message)
      assert.include(String(error), "AuthFailed")
      assert.include(String(error), message)
      assert.deepStrictEqual(JSON.parse(JSON.stringify(error)), {
        _tag: "AuthFailed",
        code: "AUM0002",
        serverMessage: "Invalid username/password supplied.",
        message,
      })
      assert.include(inspect(error), "AuthFailed")
      assert.include(inspect(error), message)
    }),
  )

  it("RateLimited JSON carries retryAfterSeconds", () => {
    const e = new Errors.RateLimited({ operation: "auth", retryAfter: Duration.seconds(30), code: "X" })
    assert.deepStrictEqual(JSON.parse(JSON.stringify(e)), {
      _tag: "RateLimited",
      operation: "auth",
      code: "X",
      retryAfterSeconds: 30,
      message: "SORACOM is rate-limiting the sign-in; try again in 30 s (SORACOM: X).",
    })
  })
})
