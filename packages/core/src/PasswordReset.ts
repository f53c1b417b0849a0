/**
 * The two password-reset requests: ask SORACOM to mail a reset token, then set a new password with it.
 *
 * @since 0.1.0
 */
import { Effect, Redacted, Schema } from "effect"
import type { SecretInput } from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { field } from "./internal/field.ts"

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
  field("email", input.email).pipe(
    Effect.map((email) => new IssueRequest({ email }, { disableChecks: true })),
  )

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
  Effect.all({
    token: field("token", input.token),
    password: field("password", input.password),
  }).pipe(
    Effect.map(
      ({ token, password }) =>
        new VerifyRequest(
          { token: Redacted.make(token), password: Redacted.make(password) },
          { disableChecks: true },
        ),
    ),
  )
