/**
 * The JSON bodies exactly as SORACOM's spec names them, the conversions from this library's classes, and the
 * check of an auth body with the library's rules. Used by `SoracomAuth` to send and read (servers such as
 * the sandbox and the conformance suite check request bodies with the same {@link checkAuthBody}).
 *
 * Wire keys: `email, password, authKeyId, authKey, operatorId, userName, mfaOTPCode, tokenTimeoutSeconds`
 * (request); `apiKey, operatorId, token, userName` (response); `{code, message}` (errors). Unknown keys are
 * ignored when reading.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { AuthRequest } from "./AuthRequest.ts"
import type { Credentials } from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded } from "./internal/field.ts"
import type {
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

/** What a `POST /auth` body may carry besides its credentials (on the wire: `mfaOTPCode`). */
const authOptions = {
  mfaOTPCode: Schema.optionalKey(Fields.MfaOtpCode),
  tokenTimeoutSeconds: Schema.optionalKey(Fields.TokenTimeoutSeconds),
}

/**
 * The three `POST /auth` bodies, one per credential kind, every field checked by its `Fields` rule. A body is
 * valid when it is exactly one of them (decode with `onExcessProperty: "error"`, as {@link checkAuthBody} does).
 *
 * @category schemas
 * @since 0.1.0
 */
export const CheckedAuthRequestBody = Schema.Union([
  Schema.Struct({ email: Fields.Email, password: Fields.SecretString, ...authOptions }),
  Schema.Struct({ authKeyId: Fields.AuthKeyId, authKey: Fields.AuthKeyString, ...authOptions }),
  Schema.Struct({
    operatorId: Fields.OperatorId,
    userName: Fields.UserName,
    password: Fields.SecretString,
    ...authOptions,
  }),
])
/** @category models @since 0.1.0 */
export type CheckedAuthRequestBody = typeof CheckedAuthRequestBody.Type

const decodeCheckedAuthBody = Schema.decodeUnknownEffect(CheckedAuthRequestBody)

/**
 * Checks a `POST /auth` body (as sent, or as a server receives it) with the library's rules: exactly one
 * credential kind (`InvalidRequest` on `credentials` otherwise), every field valid (`InvalidRequest` naming the
 * first field at fault). Values are not trimmed.
 *
 * @category validation
 * @since 0.1.0
 */
export const checkAuthBody = (body: unknown): Effect.Effect<CheckedAuthRequestBody, InvalidRequest> =>
  decoded(decodeCheckedAuthBody(body, { errors: "first", onExcessProperty: "error" }))

/**
 * Re-checks an already-built auth request (in case it was built with `disableChecks` or by hand): its wire body
 * through {@link checkAuthBody}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validateAuthRequest = (request: AuthRequest): Effect.Effect<AuthRequest, InvalidRequest> =>
  Effect.as(checkAuthBody(encodeAuthRequest(request)), request)
