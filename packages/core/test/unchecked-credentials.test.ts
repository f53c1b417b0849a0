/**
 * Credentials built with `disableChecks` (a caller's shortcut) that break a rule: wherever they enter — an
 * `AuthSession` source, `AuthRequest.fromInput` — the result is the typed `InvalidRequest` naming the field,
 * before anything is sent; never a thrown parse error (a defect).
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer, Redacted } from "effect"
import { AuthRequest, AuthSession, Credentials, type Errors, RetryPolicy, SoracomAuth } from "../src/index.ts"
import { okAuth, testHttp } from "./support.ts"

const unchecked = new Credentials.RootCredentials(
  { email: "not-an-email", password: Redacted.make("pw") },
  { disableChecks: true },
)

const expectInvalidEmail = (exit: Exit.Exit<unknown, unknown>) => {
  assert.isTrue(Exit.isFailure(exit), "expected a failure")
  if (!Exit.isFailure(exit)) return
  assert.isFalse(Cause.hasDies(exit.cause), "a defect, not a typed error")
  const error = Cause.findErrorOption(exit.cause)
  assert.strictEqual(error._tag === "Some" && (error.value as Errors.InvalidRequest).field, "email")
}

describe("credentials that skipped their checks", () => {
  it.effect("as an AuthSession source: get fails with InvalidRequest on email, nothing sent", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const exit = yield* Effect.exit(
        AuthSession.AuthSession.use((s) => s.get).pipe(
          Effect.provide(
            AuthSession.layer({ source: unchecked }).pipe(
              Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })),
              Layer.provide(http.layer),
            ),
          ),
        ),
      )
      expectInvalidEmail(exit)
      assert.strictEqual(http.requests.length, 0)
    }),
  )

  it.effect("given to AuthRequest.fromInput and signed in with: InvalidRequest on email, nothing sent", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const exit = yield* Effect.exit(
        AuthRequest.fromInput({ credentials: unchecked, mfaOtpCode: "123456" }).pipe(
          Effect.flatMap((request) => SoracomAuth.SoracomAuth.use((a) => a.auth(request))),
          Effect.provide(
            SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer)),
          ),
        ),
      )
      expectInvalidEmail(exit)
      assert.strictEqual(http.requests.length, 0)
    }),
  )
})
