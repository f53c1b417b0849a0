/**
 * Small behaviours that mutation testing (`pnpm mutate core`) found untested; each expectation follows from the
 * documented contract (JSDoc), not from the code.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Duration, Effect, Exit, Redacted } from "effect"
import { AuthRequest, AuthResponse, Endpoint, Errors, RetryPolicy } from "../src/index.ts"

const expiringAt = (millis: number) =>
  new AuthResponse.AuthResponse({
    apiKey: Redacted.make("k"),
    token: Redacted.make("t"),
    operatorId: "OP0012345678",
    expiresAt: DateTime.makeUnsafe(millis),
  })

describe("AuthResponse.isFresh: valid at `now` with `margin` to spare", () => {
  it("no margin: fresh up to the millisecond before expiry, not at it", () => {
    const s = expiringAt(10_000)
    assert.isTrue(AuthResponse.isFresh(s, 9_999))
    assert.isFalse(AuthResponse.isFresh(s, 10_000))
    assert.isFalse(AuthResponse.isFresh(s, 10_001))
  })

  it("a margin moves the edge earlier by exactly that much", () => {
    const s = expiringAt(10_000)
    assert.isTrue(AuthResponse.isFresh(s, 8_999, 1_000))
    assert.isFalse(AuthResponse.isFresh(s, 9_000, 1_000))
    assert.isFalse(AuthResponse.isFresh(s, 9_500, 1_000))
  })
})

describe("Endpoint.resolve of a custom URL: always …/v1, no trailing slash", () => {
  it("surrounding blanks and any number of trailing slashes go", () => {
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("  http://127.0.0.1:8080  ")),
      "http://127.0.0.1:8080/v1",
    )
    assert.strictEqual(Endpoint.resolve(Endpoint.url("http://127.0.0.1:8080///")), "http://127.0.0.1:8080/v1")
    assert.strictEqual(Endpoint.resolve(Endpoint.url(" http://h.example/v1// ")), "http://h.example/v1")
  })

  it("a path is kept and /v1 appended once", () => {
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("https://proxy.example/soracom/")),
      "https://proxy.example/soracom/v1",
    )
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("https://proxy.example/soracom/v1")),
      "https://proxy.example/soracom/v1",
    )
  })
})

describe("AuthRequest.fromInput: blank optional fields are absent, given ones are kept", () => {
  const credentials = { kind: "authKey", authKeyId: "keyId-abc", authKey: "secret-abc" } as const
  it.effect("an MFA code given is carried in the request", () =>
    Effect.gen(function* () {
      const r = yield* AuthRequest.fromInput({ credentials, mfaOtpCode: "123456" })
      assert.strictEqual(r.mfaOtpCode, "123456")
    }),
  )
  it.effect("a blank (spaces only) lifetime or MFA code counts as absent, not as invalid", () =>
    Effect.gen(function* () {
      const r = yield* AuthRequest.fromInput({ credentials, mfaOtpCode: "   ", tokenTimeoutSeconds: "  " })
      assert.strictEqual(r.mfaOtpCode, undefined)
      assert.strictEqual(r.tokenTimeoutSeconds, undefined)
    }),
  )
})

describe("Endpoint.validate: an absolute http(s) URL without query or fragment", () => {
  const check = (url: string) => Effect.runSync(Effect.exit(Endpoint.validate(Endpoint.url(url))))
  it("refuses text before the scheme, a query and a fragment; accepts a plain URL", () => {
    assert.isTrue(Exit.isSuccess(check("http://127.0.0.1:8080")))
    for (const bad of [
      "xhttp://127.0.0.1:8080",
      "ftp://h.example",
      "http://h.example/v1?x=1",
      "http://h.example/#f",
    ])
      assert.isTrue(Exit.isFailure(check(bad)), bad)
  })
  it("the failure names the field and says what is expected", () => {
    const exit = check("not a url")
    assert.isTrue(Exit.isFailure(exit))
    const error = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error : undefined
    assert.strictEqual(error?.field, "endpoint")
    assert.include(error?.message ?? "", "http")
  })
})

describe("RetryPolicy.isRetryable / retryMessage, per the documented rules", () => {
  const op = (operation: Errors.Operation) => operation
  it("token-creating operations retry 503 and transport errors, never a cancelled (Aborted) request", () => {
    const s503 = new Errors.ServerError({ operation: "auth", status: 503 })
    const aborted = new Errors.TransportError({ operation: "auth", endpoint: "e", reason: "Aborted" })
    const timeout = new Errors.TransportError({ operation: "auth", endpoint: "e", reason: "Timeout" })
    for (const o of [op("auth"), op("switchUser"), op("generateAuthToken")]) {
      assert.isTrue(RetryPolicy.isRetryable(o, s503), `${o} 503`)
      assert.isTrue(RetryPolicy.isRetryable(o, timeout), `${o} timeout`)
      assert.isFalse(RetryPolicy.isRetryable(o, aborted), `${o} aborted`)
    }
  })

  it("the reason names the status and the code only when there is one; an error's final period is dropped", () => {
    const message = (error: Errors.SoracomAuthError) =>
      RetryPolicy.retryMessage({
        operation: "auth",
        error,
        attempt: 1,
        maxAttempts: 2,
        delay: Duration.millis(100),
      })
    assert.include(
      message(new Errors.ServerError({ operation: "auth", status: 502 })),
      "SORACOM answered HTTP 502.",
    )
    assert.include(
      message(new Errors.RateLimited({ operation: "auth" })),
      "SORACOM is rate-limiting requests (HTTP 429).",
    )
    assert.include(
      message(new Errors.RateLimited({ operation: "auth", code: "LIM1" })),
      "SORACOM is rate-limiting requests (HTTP 429, LIM1).",
    )
    const t = message(
      new Errors.TransportError({ operation: "auth", endpoint: "https://e", reason: "Timeout" }),
    )
    assert.isTrue(t.endsWith(".") && !t.endsWith(".."), t)
  })
})
