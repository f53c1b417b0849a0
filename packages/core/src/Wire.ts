/**
 * The JSON bodies exactly as SORACOM's spec names them, and the conversions to and from this library's
 * classes. Used by `SoracomAuth` to send and read, and by servers (the sandbox) to read requests with the
 * same rules the client applies.
 *
 * Wire keys: `email, password, authKeyId, authKey, operatorId, userName, mfaOTPCode, tokenTimeoutSeconds`
 * (request); `apiKey, operatorId, token, userName` (response); `{code, message}` (errors). Unknown keys are
 * ignored when reading.
 *
 * @since 0.1.0
 */
import { Effect, Option, Redacted, Schema } from "effect"
import { AuthRequest } from "./AuthRequest.ts"
import { AuthKeyCredentials, type Credentials, RootCredentials, SamUserCredentials } from "./Credentials.ts"
import { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { invalidField } from "./internal/field.ts"
import {
  IssueRequest as IssuePasswordResetTokenRequest,
  VerifyRequest as VerifyPasswordResetTokenRequest,
} from "./PasswordReset.ts"

const optionalString = Schema.optionalKey(Schema.String)

/**
 * The JSON body fields that carry a secret in the SORACOM API (requests and responses): what a transport's
 * trace must redact, e.g. `KyHttpClient.layer({ redact: { bodyFields: Wire.secretFields } })`.
 *
 * @category constants
 * @since 0.1.0
 */
export const secretFields: ReadonlyArray<string> = [
  "password",
  "currentPassword",
  "newPassword",
  "authKey",
  "apiKey",
  "token",
  "mfaOTPCode",
]

/** `POST /auth` body (spec `AuthRequest`; no key is required by the spec). @category schemas @since 0.1.0 */
export const AuthRequestBody = Schema.Struct({
  email: optionalString,
  password: optionalString,
  authKeyId: optionalString,
  authKey: optionalString,
  operatorId: optionalString,
  userName: optionalString,
  mfaOTPCode: optionalString,
  tokenTimeoutSeconds: Schema.optionalKey(Schema.Number),
})
/** @category models @since 0.1.0 */
export type AuthRequestBody = typeof AuthRequestBody.Type

/** `POST /auth` → 200 body (spec `AuthResponse`); `apiKey`, `token`, `operatorId` must be non-empty strings. @category schemas @since 0.1.0 */
export const AuthResponseBody = Schema.Struct({
  apiKey: Schema.String.check(Schema.isNonEmpty()),
  operatorId: Schema.String.check(Schema.isNonEmpty()),
  token: Schema.String.check(Schema.isNonEmpty()),
  userName: Schema.optionalKey(Schema.String),
})
/** @category models @since 0.1.0 */
export type AuthResponseBody = typeof AuthResponseBody.Type

/** `POST /auth/password_reset_token/issue` body. @category schemas @since 0.1.0 */
export const IssuePasswordResetTokenBody = Schema.Struct({ email: Schema.String })
/** @category models @since 0.1.0 */
export type IssuePasswordResetTokenBody = typeof IssuePasswordResetTokenBody.Type

/** `POST /auth/password_reset_token/verify` body. @category schemas @since 0.1.0 */
export const VerifyPasswordResetTokenBody = Schema.Struct({ password: Schema.String, token: Schema.String })
/** @category models @since 0.1.0 */
export type VerifyPasswordResetTokenBody = typeof VerifyPasswordResetTokenBody.Type

/**
 * `POST /auth/switch_user` body (spec `SwitchUserRequest`; core always sends both names and the lifetime).
 *
 * @category schemas
 * @since 0.1.0
 */
export const SwitchUserRequestBody = Schema.Struct({
  operatorId: Schema.String,
  userName: Schema.String,
  tokenTimeoutSeconds: Schema.optionalKey(Schema.Number),
})
/** @category models @since 0.1.0 */
export type SwitchUserRequestBody = typeof SwitchUserRequestBody.Type

/** `POST /operators/{operator_id}/token` body (spec `GenerateTokenRequest`). @category schemas @since 0.1.0 */
export const GenerateTokenRequestBody = Schema.Struct({
  tokenTimeoutSeconds: Schema.optionalKey(Schema.Number),
})
/** @category models @since 0.1.0 */
export type GenerateTokenRequestBody = typeof GenerateTokenRequestBody.Type

/** `POST /operators/{operator_id}/token` → 200 body (spec `GenerateTokenResponse`): a non-empty `token`. @category schemas @since 0.1.0 */
export const GenerateTokenResponseBody = Schema.Struct({ token: Schema.String.check(Schema.isNonEmpty()) })
/** @category models @since 0.1.0 */
export type GenerateTokenResponseBody = typeof GenerateTokenResponseBody.Type

/** SORACOM's error body `{code, message}` (spec `APICallErrorMessage`), read leniently: both keys optional. @category schemas @since 0.1.0 */
export const ErrorBody = Schema.Struct({ code: optionalString, message: optionalString })
/** @category models @since 0.1.0 */
export type ErrorBody = typeof ErrorBody.Type

const credentialsBody = (c: Credentials): AuthRequestBody => {
  switch (c._tag) {
    case "RootCredentials":
      return { email: c.email, password: Redacted.value(c.password) }
    case "AuthKeyCredentials":
      return { authKeyId: c.authKeyId, authKey: Redacted.value(c.authKey) }
    case "SamUserCredentials":
      return { operatorId: c.operatorId, userName: c.userName, password: Redacted.value(c.password) }
  }
}

/**
 * The wire body of an auth request (**secrets in clear** — for the HTTP body only).
 * `tokenTimeoutSeconds` falls back to `defaultTokenTimeoutSeconds` when given.
 *
 * @category encoding
 * @since 0.1.0
 */
export const encodeAuthRequest = (
  request: AuthRequest,
  defaultTokenTimeoutSeconds?: number,
): AuthRequestBody => {
  const timeout = request.tokenTimeoutSeconds ?? defaultTokenTimeoutSeconds
  return {
    ...credentialsBody(request.credentials),
    ...(request.mfaOtpCode === undefined ? {} : { mfaOTPCode: request.mfaOtpCode }),
    ...(timeout === undefined ? {} : { tokenTimeoutSeconds: timeout }),
  }
}

/** @category encoding @since 0.1.0 */
export const encodeIssuePasswordResetTokenRequest = (
  request: IssuePasswordResetTokenRequest,
): IssuePasswordResetTokenBody => ({ email: request.email })

/** @category encoding @since 0.1.0 */
export const encodeVerifyPasswordResetTokenRequest = (
  request: VerifyPasswordResetTokenRequest,
): VerifyPasswordResetTokenBody => ({
  password: Redacted.value(request.password),
  token: Redacted.value(request.token),
})

const oneKind =
  "Give exactly one kind of credentials: email and password, AuthKey ID and secret, or operator ID, user name and password."

const check = (field: Fields.FieldName, value: string): Effect.Effect<string, InvalidRequest> => {
  const problem = Fields.problem(field, value)
  return Option.isSome(problem) ? Effect.fail(invalidField(field, problem.value)) : Effect.succeed(value)
}

/** The first rule `value` breaks, as the `InvalidRequest` to fail with (plain function: no Effect per field). */
const problemOf = (field: Fields.FieldName, value: string): InvalidRequest | undefined => {
  const problem = Fields.problem(field, value)
  return Option.isSome(problem) ? invalidField(field, problem.value) : undefined
}

const present = (s: string | undefined): s is string => s !== undefined

const invalidBody = new InvalidRequest({
  field: "body",
  reason: "The request body is not a JSON object of the expected shape.",
})

/** Wire key → the library's field name, for the keys whose names differ. */
const fieldOfWireKey: Partial<Record<keyof AuthRequestBody, Fields.FieldName>> = { mfaOTPCode: "mfaOtpCode" }

/** Names the first key of an auth body whose JSON type is wrong, so the error points at a field, not the body. */
const wrongTypeInAuthBody = (body: unknown): InvalidRequest => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidBody
  const record = body as Record<string, unknown>
  for (const key of Object.keys(AuthRequestBody.fields) as Array<keyof AuthRequestBody>) {
    const value = record[key]
    if (value === undefined) continue
    const expected = key === "tokenTimeoutSeconds" ? "number" : "string"
    if (typeof value !== expected) {
      return new InvalidRequest({
        field: fieldOfWireKey[key] ?? (key as Fields.FieldName),
        reason: `Expected a ${expected === "number" ? "whole number" : "string"}.`,
      })
    }
  }
  return invalidBody
}

// Built once: a schema decoder is compiled from the schema, not per call.
const decodeAuthRequestBodyOption = Schema.decodeUnknownOption(AuthRequestBody)

type CredentialsKind = "root" | "key" | "sam"

/**
 * Every rule of an auth body, in order, as plain code: the shape (JSON types), exactly one credential kind,
 * then each field. The first broken rule wins. Shared by {@link decodeAuthRequest} (which then builds the
 * classes) and {@link validateAuthRequest} (which needs only the verdict).
 */
const checkAuthBody = (
  body: unknown,
):
  | { readonly _tag: "Invalid"; readonly error: InvalidRequest }
  | { readonly _tag: "Valid"; readonly body: AuthRequestBody; readonly kind: CredentialsKind } => {
  const decoded = decodeAuthRequestBodyOption(body)
  if (Option.isNone(decoded)) return { _tag: "Invalid", error: wrongTypeInAuthBody(body) }
  const b = decoded.value
  const root = present(b.email)
  const key = present(b.authKeyId) || present(b.authKey)
  const sam = present(b.operatorId) || present(b.userName)
  const kinds = (root ? 1 : 0) + (key ? 1 : 0) + (sam ? 1 : 0)
  if (kinds !== 1 && !(kinds === 0 && present(b.password))) {
    return {
      _tag: "Invalid",
      error: new InvalidRequest({ field: "credentials", reason: oneKind, rule: "oneKind" }),
    }
  }
  let kind: CredentialsKind
  let error: InvalidRequest | undefined
  if (key) {
    if (present(b.password)) {
      return {
        _tag: "Invalid",
        error: new InvalidRequest({ field: "credentials", reason: oneKind, rule: "oneKind" }),
      }
    }
    kind = "key"
    error = problemOf("authKeyId", b.authKeyId ?? "") ?? problemOf("authKey", b.authKey ?? "")
  } else if (sam) {
    kind = "sam"
    error =
      problemOf("operatorId", b.operatorId ?? "") ??
      problemOf("userName", b.userName ?? "") ??
      problemOf("password", b.password ?? "")
  } else {
    kind = "root"
    error = problemOf("email", b.email ?? "") ?? problemOf("password", b.password ?? "")
  }
  error ??=
    (b.mfaOTPCode === undefined ? undefined : problemOf("mfaOtpCode", b.mfaOTPCode)) ??
    (b.tokenTimeoutSeconds === undefined
      ? undefined
      : problemOf("tokenTimeoutSeconds", String(b.tokenTimeoutSeconds)))
  return error === undefined ? { _tag: "Valid", body: b, kind } : { _tag: "Invalid", error }
}

/**
 * Reads an auth request body (as a server would) with the library's rules: exactly one credential kind, every
 * field valid. Values are **not** trimmed (a well-behaved client already trimmed them).
 *
 * @category decoding
 * @since 0.1.0
 */
export const decodeAuthRequest = (body: unknown): Effect.Effect<AuthRequest, InvalidRequest> =>
  Effect.suspend(() => {
    const checked = checkAuthBody(body)
    if (checked._tag === "Invalid") return Effect.fail(checked.error)
    const b = checked.body
    let credentials: Credentials
    switch (checked.kind) {
      case "key":
        credentials = new AuthKeyCredentials(
          { authKeyId: b.authKeyId ?? "", authKey: Redacted.make(b.authKey ?? "") },
          { disableChecks: true },
        )
        break
      case "sam":
        credentials = new SamUserCredentials(
          {
            operatorId: b.operatorId ?? "",
            userName: b.userName ?? "",
            password: Redacted.make(b.password ?? ""),
          },
          { disableChecks: true },
        )
        break
      case "root":
        credentials = new RootCredentials(
          { email: b.email ?? "", password: Redacted.make(b.password ?? "") },
          { disableChecks: true },
        )
        break
    }
    return Effect.succeed(
      new AuthRequest(
        {
          credentials,
          ...(b.mfaOTPCode === undefined ? {} : { mfaOtpCode: b.mfaOTPCode }),
          ...(b.tokenTimeoutSeconds === undefined
            ? {}
            : { tokenTimeoutSeconds: Number(String(b.tokenTimeoutSeconds)) }),
        },
        { disableChecks: true },
      ),
    )
  })

/**
 * Re-checks an already-built auth request (in case it was built with `disableChecks` or by hand): exactly the
 * rules of {@link decodeAuthRequest} on its wire body, without building the result.
 *
 * @category validation
 * @since 0.1.0
 */
export const validateAuthRequest = (request: AuthRequest): Effect.Effect<AuthRequest, InvalidRequest> =>
  Effect.suspend(() => {
    const checked = checkAuthBody(encodeAuthRequest(request))
    return checked._tag === "Invalid" ? Effect.fail(checked.error) : Effect.succeed(request)
  })

const decodeIssuePasswordResetTokenBodyOption = Schema.decodeUnknownOption(IssuePasswordResetTokenBody)

/** Reads an issue body with the library's rules. @category decoding @since 0.1.0 */
export const decodeIssuePasswordResetTokenRequest = (
  body: unknown,
): Effect.Effect<IssuePasswordResetTokenRequest, InvalidRequest> =>
  Option.match(decodeIssuePasswordResetTokenBodyOption(body), {
    onNone: () =>
      Effect.fail(
        new InvalidRequest({ field: "email", reason: "The email address is required.", rule: "required" }),
      ),
    onSome: (b) =>
      check("email", b.email).pipe(
        Effect.map((email) => new IssuePasswordResetTokenRequest({ email }, { disableChecks: true })),
      ),
  })

/** Reads a verify body with the library's rules. @category decoding @since 0.1.0 */
export const decodeVerifyPasswordResetTokenRequest = (
  body: unknown,
): Effect.Effect<VerifyPasswordResetTokenRequest, InvalidRequest> =>
  Effect.gen(function* () {
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>
    const token = yield* check("token", typeof b.token === "string" ? b.token : "")
    const password = yield* check("password", typeof b.password === "string" ? b.password : "")
    return new VerifyPasswordResetTokenRequest(
      { token: Redacted.make(token), password: Redacted.make(password) },
      { disableChecks: true },
    )
  })

/** Re-checks an issue request. @category validation @since 0.1.0 */
export const validateIssuePasswordResetTokenRequest = (
  request: IssuePasswordResetTokenRequest,
): Effect.Effect<IssuePasswordResetTokenRequest, InvalidRequest> =>
  decodeIssuePasswordResetTokenRequest(encodeIssuePasswordResetTokenRequest(request)).pipe(Effect.as(request))

/** Re-checks a verify request. @category validation @since 0.1.0 */
export const validateVerifyPasswordResetTokenRequest = (
  request: VerifyPasswordResetTokenRequest,
): Effect.Effect<VerifyPasswordResetTokenRequest, InvalidRequest> =>
  decodeVerifyPasswordResetTokenRequest(encodeVerifyPasswordResetTokenRequest(request)).pipe(
    Effect.as(request),
  )
