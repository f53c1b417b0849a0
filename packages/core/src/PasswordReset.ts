/**
 * The two password-reset requests: ask SORACOM to mail a reset token, then set a new password with it.
 *
 * @since 0.1.0
 */
import { Effect, Redacted, Schema } from "effect"
import type { SecretInput } from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded } from "./internal/field.ts"

/**
 * `POST /auth/password_reset_token/issue` request: `{ email }`.
 *
 * @category models
 * @since 0.1.0
 */
export class IssueRequest extends Schema.Class<IssueRequest>("IssuePasswordResetTokenRequest")({
  email: Fields.Email,
}) {}

/**
 * An issue request from a raw string (trimmed, checked); fails with `InvalidRequest` on `email`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const issueFromInput = (input: {
  readonly email: string
}): Effect.Effect<IssueRequest, InvalidRequest> =>
  decoded(IssueRequest.makeEffect({ email: Fields.normalize("email", input.email) }))

/**
 * `POST /auth/password_reset_token/verify` request: `{ token, password }` — both `Redacted`.
 *
 * @category models
 * @since 0.1.0
 */
export class VerifyRequest extends Schema.Class<VerifyRequest>("VerifyPasswordResetTokenRequest")({
  token: Fields.ResetToken,
  password: Fields.Password,
}) {}

/**
 * A verify request from raw strings or `Redacted` ones (token trimmed, password verbatim); fails with
 * `InvalidRequest` on `token` or `password`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const verifyFromInput = (input: {
  readonly token: SecretInput
  readonly password: SecretInput
}): Effect.Effect<VerifyRequest, InvalidRequest> =>
  decoded(
    VerifyRequest.makeEffect({
      // The token is trimmed like any pasted text; unwrapped only for that and wrapped again at once.
      token: Redacted.make(Fields.normalize("token", plain(input.token))),
      password: Redacted.isRedacted(input.password) ? input.password : Redacted.make(input.password),
    }),
  )

const plain = (input: SecretInput): string => (Redacted.isRedacted(input) ? Redacted.value(input) : input)

const issueFields = Schema.Struct(IssueRequest.fields)
const verifyFields = Schema.Struct(VerifyRequest.fields)

/**
 * Re-checks an issue request (built with `disableChecks` or by hand) with the rules of {@link issueFromInput}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validateIssue = (request: IssueRequest): Effect.Effect<IssueRequest, InvalidRequest> =>
  Effect.as(decoded(issueFields.makeEffect({ email: request.email })), request)

/**
 * Re-checks a verify request (built with `disableChecks` or by hand) with the rules of {@link verifyFromInput}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validateVerify = (request: VerifyRequest): Effect.Effect<VerifyRequest, InvalidRequest> =>
  Effect.as(decoded(verifyFields.makeEffect({ token: request.token, password: request.password })), request)
