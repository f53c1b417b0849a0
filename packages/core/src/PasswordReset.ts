/**
 * The two password-reset requests: ask SORACOM to mail a reset token, then set a new password with it.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { SecretInput } from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded, inputOf } from "./internal/field.ts"

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
  // Decoded by the class's own field schema: the constructor need not repeat it.
  Effect.map(
    decoded(decodeIssue(inputOf({ email: input.email }))),
    (f) => new IssueRequest(f, { disableChecks: true }),
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
  // Decoded by the class's own field schemas (secrets checked as text, then `Redacted`).
  Effect.map(
    decoded(decodeVerify(inputOf({ token: input.token, password: input.password }))),
    (f) => new VerifyRequest(f, { disableChecks: true }),
  )

const decodeIssue = Schema.decodeUnknownEffect(Schema.Struct(IssueRequest.fields))
const decodeVerify = Schema.decodeUnknownEffect(
  Schema.Struct({ token: Fields.ResetTokenFromString, password: Fields.PasswordFromString }),
)

/**
 * Re-checks an issue request (built with `disableChecks` or by hand) with the rules of {@link issueFromInput}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validateIssue = (request: IssueRequest): Effect.Effect<IssueRequest, InvalidRequest> =>
  Effect.as(decoded(decodeIssue({ email: request.email })), request)

/**
 * Re-checks a verify request (built with `disableChecks` or by hand) with the rules of {@link verifyFromInput}
 * (the values as they are: not trimmed again).
 *
 * @category validation
 * @since 0.1.0
 */
export const validateVerify = (request: VerifyRequest): Effect.Effect<VerifyRequest, InvalidRequest> =>
  Effect.as(
    decoded(
      decodeVerify({ token: Redacted.value(request.token), password: Redacted.value(request.password) }),
    ),
    request,
  )
