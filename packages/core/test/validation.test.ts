import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, DateTime, Effect, Layer, Option, Redacted, Schema } from "effect"
import fc from "fast-check"
import {
  AuthRequest,
  AuthResponse,
  Credentials,
  Endpoint,
  Fields,
  PasswordReset,
  RetryPolicy,
  SoracomAuth,
  Wire,
} from "../src/index.ts"
import { okAuth, testHttp } from "./support.ts"

describe("Fields.check", () => {
  const cases: ReadonlyArray<readonly [Fields.FieldName, string, string | undefined]> = [
    ["email", "ada@example.com", undefined],
    ["email", "  ada@example.com  ", undefined],
    ["email", "", "The email address is required."],
    ["email", "   ", "The email address is required."],
    ["email", "ada@example", "The email address is not well formed (expected name@example.com)."],
    ["email", "ada example.com", "The email address is not well formed (expected name@example.com)."],
    ["email", `${"a".repeat(1020)}@example.com`, "The email address must be at most 1024 characters long."],
    ["operatorId", "OP0012345678", undefined],
    ["operatorId", "OP001234567", "The operator ID must be OP followed by 10 digits."],
    ["operatorId", "op0012345678", undefined],
    ["operatorId", "OQ0012345678", "The operator ID must be OP followed by 10 digits."],
    ["operatorId", "", "The operator ID is required."],
    ["userName", "SORACOMAPI", undefined],
    ["userName", "a b", "The user name must not contain spaces."],
    ["authKeyId", "keyId-abc", undefined],
    ["authKey", " secret with spaces ", undefined],
    ["authKey", " ", "The AuthKey secret is required."],
    ["password", "p@$$w0rd", undefined],
    ["password", "x".repeat(1025), "The password must be at most 1024 characters long."],
    ["password", "x".repeat(1024), undefined],
    ["mfaOtpCode", "123456", undefined],
    ["mfaOtpCode", "12345", "The MFA code must be 6 digits."],
    ["mfaOtpCode", "12345a", "The MFA code must be 6 digits."],
    ["tokenTimeoutSeconds", "180", undefined],
    ["tokenTimeoutSeconds", "172800", undefined],
    [
      "tokenTimeoutSeconds",
      "179",
      "The token lifetime must be a whole number of seconds from 180 to 172800.",
    ],
    [
      "tokenTimeoutSeconds",
      "172801",
      "The token lifetime must be a whole number of seconds from 180 to 172800.",
    ],
    [
      "tokenTimeoutSeconds",
      "600.5",
      "The token lifetime must be a whole number of seconds from 180 to 172800.",
    ],
    ["token", "abc", undefined],
    ["token", "", "The password reset token is required."],
  ]
  for (const [field, raw, expected] of cases) {
    it(`${field} ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 20)}…(${raw.length})` : raw)}`, () => {
      assert.deepStrictEqual(Fields.check(field, raw), Option.fromUndefinedOr(expected))
    })
  }

  it("Fields.problem gives the broken rule's code with the same sentence; InvalidRequest carries it", () => {
    const codes: ReadonlyArray<readonly [Fields.FieldName, string, Fields.Rule]> = [
      ["email", " ", "required"],
      ["email", "ada@example", "format"],
      ["password", "x".repeat(1025), "tooLong"],
      ["userName", "a b", "spaces"],
      ["authKeyId", "key\u0000", "unsendable"],
      ["operatorId", "OP1", "format"],
      ["mfaOtpCode", "12345", "format"],
      ["tokenTimeoutSeconds", "179", "range"],
    ]
    for (const [field, raw, rule] of codes) {
      const problem = Option.getOrThrow(Fields.problem(field, raw))
      assert.deepStrictEqual(problem, { rule, message: Option.getOrThrow(Fields.check(field, raw)) })
    }
    assert.isTrue(Option.isNone(Fields.problem("email", "ada@example.com")))
    const fromInput = Effect.runSync(Effect.flip(PasswordReset.issueFromInput({ email: "ada" })))
    assert.deepStrictEqual([fromInput.field, fromInput.rule], ["email", "format"])
    const endpoint = Effect.runSync(Effect.flip(Endpoint.validate(Endpoint.url("http://u:p@127.0.0.1:1"))))
    assert.strictEqual(endpoint.rule, "endpointCredentials")
    const query = Effect.runSync(Effect.flip(Endpoint.validate(Endpoint.url("http://127.0.0.1:1/?a"))))
    assert.strictEqual(query.rule, "endpointQuery")
    const notUrl = Effect.runSync(Effect.flip(Endpoint.validate(Endpoint.url("ftp://x"))))
    assert.strictEqual(notUrl.rule, "endpointUrl")
  })

  it("field schemas apply the same rules", () => {
    assert.isTrue(Schema.is(Fields.Email)("ada@example.com"))
    assert.isFalse(Schema.is(Fields.Email)("ada"))
    assert.isTrue(Schema.is(Fields.OperatorId)("OP0012345678"))
    assert.isFalse(Schema.is(Fields.OperatorId)("OP1"))
    assert.isTrue(Schema.is(Fields.MfaOtpCode)("000000"))
    assert.isFalse(Schema.is(Fields.TokenTimeoutSeconds)(179))
    assert.isTrue(Schema.is(Fields.TokenTimeoutSeconds)(86400))
  })
})

describe("fromInput constructors", () => {
  it.effect(
    "secrets may arrive already Redacted: same checks, same result, nothing unwrapped by the caller",
    () =>
      Effect.gen(function* () {
        const r = yield* AuthRequest.fromInput({
          credentials: { kind: "authKey", authKeyId: "keyId-a", authKey: Redacted.make("secret-a") },
        })
        assert.strictEqual(r.credentials._tag, "AuthKeyCredentials")
        if (r.credentials._tag !== "AuthKeyCredentials") return
        assert.strictEqual(Redacted.value(r.credentials.authKey), "secret-a")
        const v = yield* PasswordReset.verifyFromInput({
          token: Redacted.make(" tok "),
          password: Redacted.make("new pw"),
        })
        assert.strictEqual(Redacted.value(v.token), "tok")
        assert.strictEqual(Redacted.value(v.password), "new pw")
        const empty = yield* Effect.flip(
          AuthRequest.fromInput({
            credentials: { kind: "root", email: "ada@example.com", password: Redacted.make("") },
          }),
        )
        assert.strictEqual(empty.field, "password")
        const blankToken = yield* Effect.flip(
          PasswordReset.verifyFromInput({
            token: Redacted.make("  "),
            password: Redacted.make("pw"),
          }),
        )
        assert.strictEqual(blankToken.field, "token")
      }),
  )

  it.effect("AuthRequest.fromInput trims non-secrets, keeps secrets, treats blank optionals as absent", () =>
    Effect.gen(function* () {
      const r = yield* AuthRequest.fromInput({
        credentials: { kind: "root", email: " ada@example.com ", password: " pw " },
        mfaOtpCode: "",
        tokenTimeoutSeconds: " 600 ",
      })
      assert.strictEqual(r.credentials._tag, "RootCredentials")
      if (r.credentials._tag !== "RootCredentials") return
      assert.strictEqual(r.credentials.email, "ada@example.com")
      assert.strictEqual(Redacted.value(r.credentials.password), " pw ")
      assert.strictEqual(r.mfaOtpCode, undefined)
      assert.strictEqual(r.tokenTimeoutSeconds, 600)
    }),
  )

  it.effect("names the failing field", () =>
    Effect.gen(function* () {
      const e1 = yield* Effect.flip(
        AuthRequest.fromInput({
          credentials: { kind: "samUser", operatorId: "OP1", userName: "u", password: "p" },
        }),
      )
      assert.strictEqual(e1.field, "operatorId")
      assert.strictEqual(e1.message, "The operator ID must be OP followed by 10 digits.")
      const e2 = yield* Effect.flip(
        AuthRequest.fromInput({
          credentials: { kind: "authKey", authKeyId: "k", authKey: "s" },
          mfaOtpCode: "1",
        }),
      )
      assert.strictEqual(e2.field, "mfaOtpCode")
      const e3 = yield* Effect.flip(PasswordReset.issueFromInput({ email: "nope" }))
      assert.strictEqual(e3.field, "email")
      const e4 = yield* Effect.flip(PasswordReset.verifyFromInput({ token: "t", password: "  " }))
      assert.strictEqual(e4.field, "password")
    }),
  )
})

// --- property tests -------------------------------------------------------------------------------------------

const email = fc.emailAddress().filter((e) => Option.isNone(Fields.check("email", e)))
const secret = fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s.trim().length > 0)
const operatorId = fc.stringMatching(/^OP\d{10}$/)
const userName = fc.stringMatching(/^[A-Za-z0-9@+=._-]{1,40}$/)
const authKeyId = fc.stringMatching(/^keyId-[a-z0-9]{8,32}$/)
const mfa = fc.option(fc.stringMatching(/^\d{6}$/), { nil: undefined })
const timeout = fc.option(fc.integer({ min: 180, max: 172_800 }), { nil: undefined })

const credentialsInput = fc.oneof(
  fc.record({ kind: fc.constant("root" as const), email, password: secret }),
  fc.record({ kind: fc.constant("authKey" as const), authKeyId, authKey: secret }),
  fc.record({ kind: fc.constant("samUser" as const), operatorId, userName, password: secret }),
)

const validInput = fc.record({ credentials: credentialsInput, mfaOtpCode: mfa, tokenTimeoutSeconds: timeout })

describe("properties", () => {
  it("valid input → AuthRequest → wire → AuthRequest round-trips", () =>
    fc.assert(
      fc.property(validInput, (input) => {
        const request = Effect.runSync(AuthRequest.fromInput(input))
        const body = Wire.encodeAuthRequest(request)
        const back = Effect.runSync(Wire.checkAuthBody(JSON.parse(JSON.stringify(body))))
        assert.deepStrictEqual<unknown>(back, body)
        // the class schema accepts it too (encode → decode)
        const again = Schema.decodeUnknownSync(AuthRequest.AuthRequest)(
          Schema.encodeSync(AuthRequest.AuthRequest)(request),
        )
        assert.deepStrictEqual(Wire.encodeAuthRequest(again), body)
      }),
    ))

  it("AuthResponse ⇄ AuthResponse.Json round-trips (secrets included, deliberately)", () =>
    fc.assert(
      fc.property(
        secret,
        secret,
        operatorId,
        fc.option(userName, { nil: undefined }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (apiKey, token, op, user, at) => {
          const r = new AuthResponse.AuthResponse({
            apiKey: Redacted.make(apiKey),
            token: Redacted.make(token),
            operatorId: op,
            ...(user === undefined ? {} : { userName: user }),
            expiresAt: DateTime.makeUnsafe(at),
          })
          const encoded = Schema.encodeSync(AuthResponse.Json)(r)
          assert.strictEqual(encoded.apiKey, apiKey)
          assert.strictEqual(typeof encoded.expiresAt, "string")
          const back = Schema.decodeUnknownSync(AuthResponse.Json)(JSON.parse(JSON.stringify(encoded)))
          assert.strictEqual(Redacted.value(back.apiKey), apiKey)
          assert.strictEqual(Redacted.value(back.token), token)
          assert.strictEqual(back.operatorId, op)
          assert.strictEqual(back.userName, user)
          assert.strictEqual(DateTime.toEpochMillis(back.expiresAt), at)
          // as a string, the way a CLI would store it
          const asString = Schema.fromJsonString(AuthResponse.Json)
          const again = Schema.decodeUnknownSync(asString)(Schema.encodeSync(asString)(r))
          assert.strictEqual(Redacted.value(again.token), token)
        },
      ),
    ))

  // Each generator breaks exactly one rule of one field.
  const blank = fc.constantFrom("", " ", "\t", "  \n ")
  const tooLong = fc.integer({ min: 1025, max: 3000 }).map((n) => "x".repeat(n))
  const invalid: ReadonlyArray<readonly [Fields.FieldName, fc.Arbitrary<unknown>]> = [
    [
      "email",
      fc.oneof(
        blank,
        tooLong,
        fc.string().filter((s) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim())),
      ),
    ],
    ["password", fc.oneof(blank, tooLong)],
    ["operatorId", fc.string().filter((s) => !/^OP\d{10}$/.test(s.trim()))],
    ["userName", fc.oneof(blank, tooLong, fc.constant("a b"))],
    ["authKeyId", fc.oneof(blank, tooLong, fc.constant("key id"))],
    ["authKey", fc.oneof(blank, tooLong)],
    ["mfaOtpCode", fc.string({ minLength: 1 }).filter((s) => s.trim() !== "" && !/^\d{6}$/.test(s.trim()))],
    [
      "tokenTimeoutSeconds",
      fc.oneof(
        fc.integer({ max: 179 }),
        fc.integer({ min: 172_801 }),
        fc.double({ min: 180.01, max: 172_799.99, noInteger: true }),
      ),
    ],
  ]

  const inputWith = (field: Fields.FieldName, bad: unknown) => {
    const base = {
      email: "ada@example.com",
      password: "pw",
      operatorId: "OP0012345678",
      userName: "u",
      authKeyId: "k",
      authKey: "s",
    }
    const kind =
      field === "email"
        ? "root"
        : field === "operatorId" || field === "userName"
          ? "samUser"
          : field.startsWith("authKey")
            ? "authKey"
            : "root"
    const values = { ...base, [field]: bad }
    const credentials =
      kind === "root"
        ? { kind, email: values.email, password: values.password }
        : kind === "authKey"
          ? { kind, authKeyId: values.authKeyId, authKey: values.authKey }
          : { kind, operatorId: values.operatorId, userName: values.userName, password: values.password }
    return {
      credentials: credentials as never,
      ...(field === "mfaOtpCode" ? { mfaOtpCode: bad as string } : {}),
      ...(field === "tokenTimeoutSeconds" ? { tokenTimeoutSeconds: bad as number } : {}),
    }
  }

  for (const [field, arbitrary] of invalid) {
    it(`a broken ${field} → InvalidRequest naming it, zero requests sent`, () =>
      fc.assert(
        fc.asyncProperty(arbitrary, async (bad) => {
          // 1. the constructor from input refuses it
          const fromInput = await Effect.runPromise(Effect.flip(AuthRequest.fromInput(inputWith(field, bad))))
          assert.strictEqual(fromInput._tag, "InvalidRequest")
          assert.strictEqual(fromInput.field, field)
          // 2. a request forced past the constructor is refused by the service before sending
          const http = testHttp(() => okAuth())
          const forced = forcedRequest(field, bad)
          const error = await Effect.runPromise(
            SoracomAuth.SoracomAuth.use((a) => a.auth(forced)).pipe(
              Effect.flip,
              Effect.provide(
                SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer)),
              ),
            ),
          )
          assert.strictEqual(error._tag, "InvalidRequest")
          assert.strictEqual(http.requests.length, 0)
        }),
        { numRuns: 60 },
      ))
  }

  it.each([
    [{ email: 42, password: "pw" }, "email"],
    [{ authKeyId: "keyId-a", authKey: ["secret"] }, "authKey"],
    [{ email: "ada@example.com", password: "pw", mfaOTPCode: null }, "mfaOtpCode"],
    [{ email: "ada@example.com", password: "pw", tokenTimeoutSeconds: "86400" }, "tokenTimeoutSeconds"],
    [[], "body"],
    ["{}", "body"],
  ])("a wrong JSON type on the wire names its field: %j → %s", (body, field) => {
    const error = Effect.runSync(Effect.flip(Wire.checkAuthBody(body)))
    assert.strictEqual(error.field, field)
  })

  it("more than one credential kind on the wire → InvalidRequest on credentials", () =>
    fc.assert(
      fc.property(email, authKeyId, secret, (e, k, s) => {
        const error = Effect.runSync(
          Effect.flip(Wire.checkAuthBody({ email: e, password: s, authKeyId: k, authKey: s })),
        )
        assert.strictEqual(error.field, "credentials")
      }),
    ))
})

/** Builds an AuthRequest with the checks disabled, carrying `bad` in `field`. */
const forcedRequest = (field: Fields.FieldName, bad: unknown): AuthRequest.AuthRequest => {
  const off = { disableChecks: true } as const
  const str = String(bad)
  const credentials =
    field === "email"
      ? new Credentials.RootCredentials({ email: str, password: Redacted.make("pw") }, off)
      : field === "password"
        ? new Credentials.RootCredentials({ email: "ada@example.com", password: Redacted.make(str) }, off)
        : field === "operatorId"
          ? new Credentials.SamUserCredentials(
              { operatorId: str, userName: "u", password: Redacted.make("pw") },
              off,
            )
          : field === "userName"
            ? new Credentials.SamUserCredentials(
                { operatorId: "OP0012345678", userName: str, password: Redacted.make("pw") },
                off,
              )
            : field === "authKeyId"
              ? new Credentials.AuthKeyCredentials({ authKeyId: str, authKey: Redacted.make("s") }, off)
              : field === "authKey"
                ? new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make(str) }, off)
                : new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make("s") }, off)
  return new AuthRequest.AuthRequest(
    {
      credentials,
      ...(field === "mfaOtpCode" ? { mfaOtpCode: str } : {}),
      ...(field === "tokenTimeoutSeconds" ? { tokenTimeoutSeconds: bad as number } : {}),
    },
    off,
  )
}

describe("Endpoint", () => {
  it("resolves coverages, sandboxes and custom bases (with or without /v1)", () => {
    assert.strictEqual(Endpoint.resolve(Endpoint.coverage("jp")), "https://api.soracom.io/v1")
    assert.strictEqual(Endpoint.resolve(Endpoint.coverage("g")), "https://g.api.soracom.io/v1")
    assert.strictEqual(
      Endpoint.resolve(Endpoint.coverage("jp", { sandbox: true })),
      "https://api-sandbox.soracom.io/v1",
    )
    assert.strictEqual(
      Endpoint.resolve(Endpoint.coverage("g", { sandbox: true })),
      "https://g.api-sandbox.soracom.io/v1",
    )
    assert.strictEqual(Endpoint.resolve(Endpoint.url("http://localhost:8080")), "http://localhost:8080/v1")
    assert.strictEqual(Endpoint.resolve(Endpoint.url("http://localhost:8080/")), "http://localhost:8080/v1")
    assert.strictEqual(
      Endpoint.resolve(Endpoint.url("http://localhost:8080/v1/")),
      "http://localhost:8080/v1",
    )
  })

  it.effect("config: SORACOM_ENDPOINT wins over SORACOM_COVERAGE_TYPE", () =>
    Effect.gen(function* () {
      const read = (env: Record<string, string>) =>
        Effect.provide(Endpoint.config, ConfigProvider.layer(ConfigProvider.fromEnvRecord(env)))
      assert.deepStrictEqual(yield* read({}), Endpoint.coverage("jp"))
      assert.deepStrictEqual(yield* read({ SORACOM_COVERAGE_TYPE: "g" }), Endpoint.coverage("g"))
      assert.deepStrictEqual(
        yield* read({ SORACOM_COVERAGE_TYPE: "g", SORACOM_ENDPOINT: "http://127.0.0.1:9000" }),
        Endpoint.url("http://127.0.0.1:9000"),
      )
      assert.deepStrictEqual(
        yield* read({ SORACOM_COVERAGE_TYPE: "g", SORACOM_SANDBOX: "true" }),
        Endpoint.coverage("g", { sandbox: true }),
      )
    }),
  )

  it.effect("SoracomAuth.layerConfig uses SORACOM_ENDPOINT and LANG", () =>
    Effect.gen(function* () {
      const http = testHttp(() => okAuth())
      const layer = SoracomAuth.layerConfig({ retryPolicy: RetryPolicy.none }).pipe(
        Layer.provide(http.layer),
        Layer.provide(
          ConfigProvider.layer(
            ConfigProvider.fromEnvRecord({ SORACOM_ENDPOINT: "http://127.0.0.1:9000", LANG: "ja_JP.UTF-8" }),
          ),
        ),
      )
      const request = new AuthRequest.AuthRequest({
        credentials: new Credentials.AuthKeyCredentials({ authKeyId: "k", authKey: Redacted.make("s") }),
      })
      yield* SoracomAuth.SoracomAuth.use((a) => a.auth(request)).pipe(Effect.provide(layer))
      assert.strictEqual(http.requests[0]?.url, "http://127.0.0.1:9000/v1/auth")
      assert.strictEqual(http.requests[0]?.headers["x-soracom-lang"], "ja")
    }),
  )
})
