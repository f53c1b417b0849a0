/**
 * The two password-reset requests: ask SORACOM to mail a reset token, then set a new password with it.
 *
 * @since 0.1.0
 */
import { Effect, Redacted, Schema } from "effect"
import { field, type SecretInput } from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"

/**
 * `POST /auth/password_reset_token/issue` request: `{ email }`.
 *
 * @category models
 * @since 0.1.0
 */
export class IssuePasswordResetTokenRequest extends Schema.Class<IssuePasswordResetTokenRequest>(
  "IssuePasswordResetTokenRequest",
)({
  email: Fields.Email,
}) {
  /** From a raw string (trimmed, checked); fails with `InvalidRequest` on `email`. */
  static fromInput(input: {
    readonly email: string
  }): Effect.Effect<IssuePasswordResetTokenRequest, InvalidRequest> {
    return field("email", input.email).pipe(
      Effect.map((email) => new IssuePasswordResetTokenRequest({ email }, { disableChecks: true })),
    )
  }
}

/**
 * `POST /auth/password_reset_token/verify` request: `{ token, password }` — both `Redacted`.
 *
 * @category models
 * @since 0.1.0
 */
export class VerifyPasswordResetTokenRequest extends Schema.Class<VerifyPasswordResetTokenRequest>(
  "VerifyPasswordResetTokenRequest",
)({
  token: Fields.ResetToken,
  password: Fields.Password,
}) {
  /** From raw strings or `Redacted` ones (token trimmed, password verbatim); fails with `InvalidRequest` on `token` or `password`. */
  static fromInput(input: {
    readonly token: SecretInput
    readonly password: SecretInput
  }): Effect.Effect<VerifyPasswordResetTokenRequest, InvalidRequest> {
    return Effect.all({
      token: field("token", input.token),
      password: field("password", input.password),
    }).pipe(
      Effect.map(
        ({ token, password }) =>
          new VerifyPasswordResetTokenRequest(
            { token: Redacted.make(token), password: Redacted.make(password) },
            { disableChecks: true },
          ),
      ),
    )
  }
}
