/**
 * Issue #15, core's items: endpoints that cannot leak (8), scrubbing that catches altered echoes (11), server
 * text without terminal controls (12), and input that cannot be sent faithfully refused (13).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Redacted } from "effect"
import { HttpClient, HttpClientError } from "effect/http"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import {
  AuthRequest,
  Credentials,
  Endpoint,
  Fields,
  PasswordReset,
  RetryPolicy,
  Sanitize,
  SoracomAuth,
} from "../src/index.ts"
import { json, okAuth, testHttp } from "./support.ts"

const password = "Secret-Canary-Password-0123"
const rootRequest = new AuthRequest.AuthRequest({
  credentials: new Credentials.RootCredentials({
    email: "ada@example.com",
    password: Redacted.make(password),
  }),
})

describe("#15 item 8: an endpoint with userinfo, query or fragment is InvalidRequest, zero requests", () => {
  it.effect.each([
    "http://user:hunter2-canary@127.0.0.1:9",
    "https://hunter2-canary@api.example.com",
    "http://127.0.0.1:9/?token=hunter2-canary",
    "http://127.0.0.1:9/#hunter2-canary",
    "http://127.0.0.1:9?",
  ])("%s", (url) =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const layer = SoracomAuth.layer({ endpoint: Endpoint.url(url) }).pipe(Layer.provide(http.layer))
      const error = yield* SoracomAuth.SoracomAuth.use((a) => a.auth(rootRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
      )
      assert.strictEqual(error._tag, "InvalidRequest")
      assert.strictEqual(error._tag === "InvalidRequest" && error.field, "endpoint")
      assert.notInclude(error.message, "hunter2")
      assert.notInclude(JSON.stringify(error), "hunter2")
      assert.strictEqual(http.requests.length, 0)
    }),
  )

  it.effect("a request that could not be built is not retried (one attempt, reason NotBuilt)", () =>
    Effect.gen(function* () {
      let attempts = 0
      const client = HttpClient.make((request) =>
        Effect.suspend(() => {
          attempts++
          return Effect.fail(
            new HttpClientError.HttpClientError({
              reason: new HttpClientError.InvalidUrlError({ request, description: "cannot build" }),
            }),
          )
        }),
      )
      const layer = SoracomAuth.layer({ retryPolicy: RetryPolicy.make({ jitter: 0 }) }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
      )
      const fiber = yield* SoracomAuth.SoracomAuth.use((a) => a.auth(rootRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
        Effect.forkChild,
      )
      for (let i = 0; i < 20; i++) yield* TestClock.adjust("5 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" && error.reason, "NotBuilt")
      assert.strictEqual(attempts, 1)
    }),
  )
})

describe("#15 item 11: a secret echoed altered is still scrubbed", () => {
  const echo = (message: string) =>
    Effect.gen(function* () {
      const http = testHttp(() => json(401, { code: "AUM0002", message }))
      const layer = SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))
      return yield* SoracomAuth.SoracomAuth.use((a) => a.auth(rootRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
      )
    })

  it.effect.each([
    ["exact", `bad password ${password}`],
    ["upper-cased", `bad password ${password.toUpperCase()}`],
    ["lower-cased", `bad password ${password.toLowerCase()}`],
    ["missing its last character", `bad password ${password.slice(0, -1)}`],
    ["missing its first characters", `bad password ${password.slice(5)}`],
    ["a 10-character piece", `starts ${password.slice(3, 13)} ends`],
  ] as const)("%s", ([, message]) =>
    Effect.gen(function* () {
      const error = yield* echo(message)
      const shown = `${error.message} ${JSON.stringify(error)}`
      assert.include(shown, "<redacted>")
      assert.notMatch(shown, /canary/i)
      for (let i = 0; i + 8 <= password.length; i++)
        assert.notInclude(shown.toLowerCase(), password.slice(i, i + 8).toLowerCase())
    }),
  )

  it("leaves text without a run of 8 characters of a secret untouched", () => {
    assert.strictEqual(Sanitize.scrubSecrets("Secret- is fine", [password]), "Secret- is fine")
    assert.strictEqual(Sanitize.scrubSecrets("short abc here", ["abc"]), "short <redacted> here")
    // Short secrets: exact copies only (case-insensitively, "s" would hide every s).
    assert.strictEqual(Sanitize.scrubSecrets("SHORT ABC", ["abc"]), "SHORT ABC")
  })

  it("never leaves 8 characters of a secret in place (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), fc.string(), fc.string(), (secret, a, b) => {
        const out = Sanitize.scrubSecrets(`${a}${secret}${b}`, [secret]).toLowerCase()
        for (let i = 0; i + 8 <= secret.length; i++) {
          const piece = secret.slice(i, i + 8).toLowerCase()
          if (piece.length === 8 && !"<redacted>".includes(piece)) assert.notInclude(out, piece)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe("#15 item 12: server text carries no terminal controls", () => {
  it("printable removes ESC/CSI/OSC, BEL, CR, C1 and bidi overrides; line breaks become spaces", () => {
    const hostile = "ok\u001b[2J\u001b]0;pwned\u0007\r✓ Signed in\nnext\u009b31m\u202eevil\u0000"
    const out = Sanitize.printable(hostile)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
    assert.notMatch(out, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    assert.strictEqual(out, "ok[2J]0;pwned ✓ Signed in next31mevil")
  })

  it.effect("a server message with controls reaches the error without them", () =>
    Effect.gen(function* () {
      const http = testHttp(() =>
        json(401, { code: "AUM\u001b[31m0002", message: "no\u001b]0;title\u0007\rway" }),
      )
      const layer = SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))
      const error = yield* SoracomAuth.SoracomAuth.use((a) => a.auth(rootRequest)).pipe(
        Effect.provide(layer),
        Effect.flip,
      )
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
      assert.notMatch(error.message, /[\u0000-\u001f\u007f-\u009f]/)
      assert.strictEqual(error._tag === "AuthFailed" && error.serverMessage, "no]0;title way")
    }),
  )
})

describe("#15 item 13: NUL and broken Unicode are refused before sending", () => {
  it.each([
    ["password", "pass\u0000word"],
    ["password", "pass\uD800word"],
    ["password", "pass\uDC00"],
    ["email", "ada\u0000@example.com"],
    ["authKey", "secret-\u0000"],
    ["userName", "user\uDFFF"],
  ] as const)("%s %j → a sentence, never the value", (field, value) => {
    const problem = Fields.check(field, value)
    assert.isTrue(problem._tag === "Some")
    assert.include(problem._tag === "Some" ? problem.value : "", "cannot be sent")
  })

  it("a valid surrogate pair (an emoji) is fine", () => {
    assert.isTrue(Fields.check("password", "pass🔑word")._tag === "None")
  })

  it.effect("through fromInput: InvalidRequest naming the field, zero requests", () =>
    Effect.gen(function* () {
      const error = yield* AuthRequest.fromInput({
        credentials: { kind: "root", email: "ada@example.com", password: "pa\u0000ss" },
      }).pipe(Effect.flip)
      assert.strictEqual(error._tag, "InvalidRequest")
      assert.strictEqual(error.field, "password")
      const verify = yield* PasswordReset.verifyFromInput({ token: "t", password: "x\uD800" }).pipe(
        Effect.flip,
      )
      assert.strictEqual(verify.field, "password")
    }),
  )
})
