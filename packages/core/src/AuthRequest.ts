/**
 * A sign-in request: one kind of credentials, an optional MFA code and an optional token lifetime.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Credentials from "./Credentials.ts"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded } from "./internal/field.ts"

/**
 * Plain user input for {@link fromInput}. Empty or blank `mfaOtpCode` / `tokenTimeoutSeconds` count as
 * absent (forms produce `""`). `credentials` may also be an already-built {@link Credentials} value.
 *
 * @category models
 * @since 0.1.0
 */
export interface Input {
  readonly credentials: Credentials.Input | Credentials.Credentials
  readonly mfaOtpCode?: string | undefined
  readonly tokenTimeoutSeconds?: string | number | undefined
}

const isBlank = (s: string | number | undefined): s is undefined => s === undefined || String(s).trim() === ""

/**
 * `POST /auth` request. On the wire: the credential fields, `mfaOTPCode` and `tokenTimeoutSeconds`.
 *
 * @category models
 * @since 0.1.0
 */
export class AuthRequest extends Schema.Class<AuthRequest>("AuthRequest")({
  credentials: Credentials.Credentials,
  mfaOtpCode: Schema.optionalKey(Fields.MfaOtpCode),
  tokenTimeoutSeconds: Schema.optionalKey(Fields.TokenTimeoutSeconds),
}) {}

/** The optional fields as typed: the MFA code, and the lifetime as text (so its text rule applies). */
const OptionalInput = Schema.Struct({
  mfaOtpCode: Schema.optionalKey(Fields.MfaOtpCode),
  tokenTimeoutSeconds: Schema.optionalKey(Fields.secondsFromText(Fields.TokenTimeoutSeconds)),
})
const decodeOptionalInput = Schema.decodeUnknownEffect(OptionalInput)

/**
 * Builds a request from plain strings, decoding every field with its `Fields` schema; fails with
 * `InvalidRequest` naming the first field that breaks a rule. Nothing is sent.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromInput = (input: Input): Effect.Effect<AuthRequest, InvalidRequest> =>
  Effect.gen(function* () {
    const credentials =
      "kind" in input.credentials ? yield* Credentials.fromInput(input.credentials) : input.credentials
    const optional = yield* decoded(
      decodeOptionalInput({
        ...(isBlank(input.mfaOtpCode)
          ? {}
          : { mfaOtpCode: Fields.normalize("mfaOtpCode", input.mfaOtpCode) }),
        ...(isBlank(input.tokenTimeoutSeconds)
          ? {}
          : { tokenTimeoutSeconds: String(input.tokenTimeoutSeconds) }),
      }),
    )
    // The fields were just decoded; credentials given as an instance are re-checked by the service anyway.
    return new AuthRequest({ credentials, ...optional }, { disableChecks: true })
  })
