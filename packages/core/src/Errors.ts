/**
 * The error table: every way a SORACOM Auth call can fail, in one file.
 *
 * | tag | when | what to do |
 * |---|---|---|
 * | `InvalidRequest` | a field broke a rule before anything was sent (`field` says which) | fix the input |
 * | `AuthFailed` | 401: credentials, MFA code, or (logout) key+token not accepted | re-enter credentials |
 * | `InvalidEmail` | 400 on password-reset issue | fix the email address |
 * | `InvalidToken` | 400 on password-reset verify | request a new token |
 * | `TokenExpired` | 404 on password-reset verify | request a new token |
 * | `SwitchUserNotAllowed` | 400 on switch user: the target's trust policy does not list you | ask the target's admin |
 * | `RenewalRefused` | 400 on token renewal: the token expired (or the request was refused) | sign in again |
 * | `RateLimited` | 429 (`retryAfter` when the server said) | wait, then retry |
 * | `ServerError` | 5xx | retry later |
 * | `TransportError` | no response (`reason` says which) | check the network / endpoint |
 * | `UnexpectedResponse` | a status or body the contract does not allow | report it |
 *
 * Each error is a `Schema.TaggedError` whose `_tag` is its class name, whose `message` is one human sentence,
 * and which carries SORACOM's `code` and `serverMessage` when the server sent a `{code, message}` body.
 * `String(e)`, `JSON.stringify(e)` and `util.inspect(e)` include the message and never a secret.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import * as Fields from "./Fields.ts"
import { operationLabels as labels } from "./internal/labels.ts"

/**
 * The operations of the SORACOM Auth API (named after SORACOM's `operationId`s).
 *
 * @category models
 * @since 0.1.0
 */
export const Operation = Schema.Literals([
  "auth",
  "issuePasswordResetToken",
  "verifyPasswordResetToken",
  "logout",
  "switchUser",
  "generateAuthToken",
])
/** @category models @since 0.1.0 */
export type Operation = typeof Operation.Type

/**
 * How the library's messages name each operation ("sign-in", "token renewal"…): an app wording its own messages
 * in English uses these, so both name an operation alike.
 *
 * @category constants
 * @since 0.1.0
 */
export const operationLabels: Readonly<Record<Operation, string>> = labels

/**
 * Why no response arrived.
 *
 * @category models
 * @since 0.1.0
 */
export const TransportReason = Schema.Literals([
  "ConnectionRefused",
  "ConnectionReset",
  "DnsFailure",
  "Timeout",
  "Aborted",
  "NotBuilt",
  "Unknown",
])
/** @category models @since 0.1.0 */
export type TransportReason = typeof TransportReason.Type

const serverDetail = {
  /** SORACOM's error code, e.g. `AUM0002`, when the body carried one. */
  code: Schema.optionalKey(Schema.String),
  /** SORACOM's own message (language per `X-Soracom-Lang`), when the body carried one. */
  serverMessage: Schema.optionalKey(Schema.String),
}

const suffix = (self: {
  readonly code?: string | undefined
  readonly serverMessage?: string | undefined
}) => {
  const parts = [self.code, self.serverMessage].filter((s): s is string => s !== undefined && s.length > 0)
  return parts.length === 0 ? "" : ` (SORACOM: ${parts.join(" ")})`
}

const toJson = (self: object & { readonly message: string }): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(self)) out[key] = value
  out.message = self.message
  return out
}

/**
 * Which rule an `InvalidRequest` broke, for an app that words it in its own language: a field rule
 * (`Fields.Rule`), a switched token's lifetime (`switchRange`), more or less than one kind of credentials
 * (`oneKind`), or the endpoint's (`endpointCredentials`, `endpointQuery`, `endpointUrl`).
 *
 * @category models
 * @since 0.1.0
 */
export const InvalidRequestRule = Schema.Literals([
  ...Fields.ruleNames,
  "switchRange",
  "oneKind",
  "endpointCredentials",
  "endpointQuery",
  "endpointUrl",
])
/** @category models @since 0.1.0 */
export type InvalidRequestRule = typeof InvalidRequestRule.Type

/**
 * A request was rejected before sending: `field` names the input, `reason` is the rule it broke
 * (one English sentence, also the `message`), `rule` its code when it has one. No request left the process.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidRequest extends Schema.TaggedError<InvalidRequest>()("InvalidRequest", {
  /** The input at fault: a {@link FieldName}, `"credentials"` (no single field) or an option name such as `"endpoint"`. */
  field: Schema.String,
  reason: Schema.String,
  rule: Schema.optionalKey(InvalidRequestRule),
}) {
  override get message(): string {
    return this.reason
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 401: SORACOM did not accept the credentials (wrong email/password, AuthKey, SAM user, or MFA code), or —
 * on logout — the API key and token.
 *
 * @category errors
 * @since 0.1.0
 */
export class AuthFailed extends Schema.TaggedError<AuthFailed>()("AuthFailed", { ...serverDetail }) {
  override get message(): string {
    return `SORACOM did not accept the credentials${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 400 on `password_reset_token/issue`: SORACOM rejected the email address.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidEmail extends Schema.TaggedError<InvalidEmail>()("InvalidEmail", { ...serverDetail }) {
  override get message(): string {
    return `SORACOM rejected the email address${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 400 on `password_reset_token/verify`: the reset token is not valid.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", { ...serverDetail }) {
  override get message(): string {
    return `SORACOM rejected the password reset token${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 404 on `password_reset_token/verify`: the reset token has expired.
 *
 * @category errors
 * @since 0.1.0
 */
export class TokenExpired extends Schema.TaggedError<TokenExpired>()("TokenExpired", { ...serverDetail }) {
  override get message(): string {
    return `The password reset token has expired; request a new one${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 400 on `auth/switch_user`: SORACOM does not allow this user to switch to the target (the target's trust
 * policy does not list it, or there is no such user).
 *
 * @category errors
 * @since 0.1.0
 */
export class SwitchUserNotAllowed extends Schema.TaggedError<SwitchUserNotAllowed>()("SwitchUserNotAllowed", {
  ...serverDetail,
}) {
  override get message(): string {
    return `SORACOM does not allow switching to that user; its trust policy must list you${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 400 on `operators/{id}/token`: SORACOM refused to renew the API token — it has expired, or the request was
 * not accepted. Sign in again.
 *
 * @category errors
 * @since 0.1.0
 */
export class RenewalRefused extends Schema.TaggedError<RenewalRefused>()("RenewalRefused", {
  ...serverDetail,
}) {
  override get message(): string {
    return `SORACOM refused to renew the API token; sign in again${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * 429: SORACOM limits `/auth` and the reset endpoints per caller IP. `retryAfter` comes from `Retry-After` or
 * `X-Soracom-Ratelimit-Seconds-Before-Refresh` when present.
 *
 * @category errors
 * @since 0.1.0
 */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  operation: Operation,
  retryAfter: Schema.optionalKey(Schema.Duration),
  ...serverDetail,
}) {
  override get message(): string {
    const wait =
      this.retryAfter === undefined
        ? "try again in a minute"
        : `try again in ${Math.max(1, Math.ceil(Duration.toSeconds(this.retryAfter)))} s`
    return `SORACOM is rate-limiting the ${operationLabels[this.operation]}; ${wait}${suffix(this)}.`
  }
  /** JSON carries `retryAfterSeconds` (a number) instead of the `Duration`. */
  override toJSON(): unknown {
    const { retryAfter, ...rest } = toJson(this)
    return this.retryAfter === undefined || retryAfter === undefined
      ? rest
      : { ...rest, retryAfterSeconds: Duration.toSeconds(this.retryAfter) }
  }
}

/**
 * 5xx: SORACOM (or its gateway) failed.
 *
 * @category errors
 * @since 0.1.0
 */
export class ServerError extends Schema.TaggedError<ServerError>()("ServerError", {
  operation: Operation,
  status: Schema.Number,
  ...serverDetail,
}) {
  override get message(): string {
    return `SORACOM failed the ${operationLabels[this.operation]} with HTTP ${this.status}; try again later${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * No response arrived: `reason` says why, `endpoint` where.
 *
 * @category errors
 * @since 0.1.0
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  /** The Auth operation, or `"request"`: a call of your own through `AuthenticatedClient`. */
  operation: Schema.Union([Operation, Schema.Literal("request")]),
  endpoint: Schema.String,
  reason: TransportReason,
  /** The underlying error's message, when one was found (never request data). */
  detail: Schema.optionalKey(Schema.String),
}) {
  override get message(): string {
    const why: Record<TransportReason, string> = {
      ConnectionRefused: "the connection was refused",
      ConnectionReset: "the connection was reset",
      DnsFailure: "the host name could not be resolved",
      Timeout: "the request timed out",
      Aborted: "the request was aborted",
      NotBuilt: "the request could not be built",
      Unknown: "the request failed before a response arrived",
    }
    return `Could not reach SORACOM at ${this.endpoint}: ${why[this.reason]}${this.detail ? ` (${this.detail})` : ""}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * A status or body the contract does not allow (e.g. a 200 from `/auth` without `apiKey`).
 *
 * @category errors
 * @since 0.1.0
 */
export class UnexpectedResponse extends Schema.TaggedError<UnexpectedResponse>()("UnexpectedResponse", {
  operation: Operation,
  status: Schema.Number,
  /** What was wrong, in a few words. */
  detail: Schema.String,
  ...serverDetail,
}) {
  override get message(): string {
    return `SORACOM answered the ${operationLabels[this.operation]} with HTTP ${this.status}, which the API contract does not allow: ${this.detail}${suffix(this)}.`
  }
  override toJSON(): unknown {
    return toJson(this)
  }
}

/**
 * Every error of this library.
 *
 * @category errors
 * @since 0.1.0
 */
export type SoracomAuthError =
  | InvalidRequest
  | AuthFailed
  | InvalidEmail
  | InvalidToken
  | TokenExpired
  | SwitchUserNotAllowed
  | RenewalRefused
  | RateLimited
  | ServerError
  | TransportError
  | UnexpectedResponse

/**
 * The union as a Schema (e.g. to decode an error sent over a wire).
 *
 * @category errors
 * @since 0.1.0
 */
export const SoracomAuthError = Schema.Union([
  InvalidRequest,
  AuthFailed,
  InvalidEmail,
  InvalidToken,
  TokenExpired,
  SwitchUserNotAllowed,
  RenewalRefused,
  RateLimited,
  ServerError,
  TransportError,
  UnexpectedResponse,
])

/** Errors shared by every call that reaches the network. @category errors @since 0.1.0 */
export type CommonError = InvalidRequest | RateLimited | ServerError | TransportError | UnexpectedResponse
/** Errors of `SoracomAuth.auth`. @category errors @since 0.1.0 */
export type AuthError = CommonError | AuthFailed
/** Errors of `SoracomAuth.issuePasswordResetToken`. @category errors @since 0.1.0 */
export type IssuePasswordResetTokenError = CommonError | InvalidEmail
/** Errors of `SoracomAuth.verifyPasswordResetToken`. @category errors @since 0.1.0 */
export type VerifyPasswordResetTokenError = CommonError | InvalidToken | TokenExpired
/** Errors of `SoracomAuth.switchUser`. @category errors @since 0.1.0 */
export type SwitchUserError = CommonError | AuthFailed | SwitchUserNotAllowed
/** Errors of `SoracomAuth.renewToken` (`AuthFailed`: the key or token is unknown or revoked). @category errors @since 0.1.0 */
export type RenewTokenError = CommonError | AuthFailed | RenewalRefused
/** Errors of `SoracomAuth.logout`. @category errors @since 0.1.0 */
export type LogoutError = Exclude<CommonError, InvalidRequest> | AuthFailed

/**
 * The errors each operation can fail with, by operation name.
 *
 * @category errors
 * @since 0.1.0
 */
export interface OperationErrors {
  readonly auth: AuthError
  readonly issuePasswordResetToken: IssuePasswordResetTokenError
  readonly verifyPasswordResetToken: VerifyPasswordResetTokenError
  readonly logout: LogoutError
  readonly switchUser: SwitchUserError
  readonly generateAuthToken: RenewTokenError
}

const tags = new Set([
  "InvalidRequest",
  "AuthFailed",
  "InvalidEmail",
  "InvalidToken",
  "TokenExpired",
  "SwitchUserNotAllowed",
  "RenewalRefused",
  "RateLimited",
  "ServerError",
  "TransportError",
  "UnexpectedResponse",
])

/**
 * Whether a value is one of this library's errors.
 *
 * @category guards
 * @since 0.1.0
 */
export const isSoracomAuthError = (u: unknown): u is SoracomAuthError =>
  typeof u === "object" &&
  u !== null &&
  "_tag" in u &&
  typeof u._tag === "string" &&
  tags.has(u._tag) &&
  u instanceof Error
