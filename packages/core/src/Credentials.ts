/**
 * The three ways to sign in to SORACOM — exactly one per request:
 * a root account (`email` + `password`), an AuthKey (`authKeyId` + `authKey`) or a SAM user
 * (`operatorId` + `userName` + `password`). Secrets are `Redacted` in the decoded type.
 *
 * @since 0.1.0
 */

import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded, inputOf } from "./internal/field.ts"

/**
 * A root account: email address and password.
 *
 * @category models
 * @since 0.1.0
 */
export class RootCredentials extends Schema.TaggedClass<RootCredentials>()("RootCredentials", {
  email: Fields.Email,
  password: Fields.Password,
}) {}

/**
 * An AuthKey: its ID and secret.
 *
 * @category models
 * @since 0.1.0
 */
export class AuthKeyCredentials extends Schema.TaggedClass<AuthKeyCredentials>()("AuthKeyCredentials", {
  authKeyId: Fields.AuthKeyId,
  authKey: Fields.AuthKey,
}) {}

/**
 * A SAM user: the operator ID, the user name and the user's password.
 *
 * @category models
 * @since 0.1.0
 */
export class SamUserCredentials extends Schema.TaggedClass<SamUserCredentials>()("SamUserCredentials", {
  operatorId: Fields.OperatorId,
  userName: Fields.UserName,
  password: Fields.Password,
}) {}

/**
 * Any one kind of credentials.
 *
 * @category models
 * @since 0.1.0
 */
export type Credentials = RootCredentials | AuthKeyCredentials | SamUserCredentials

/**
 * The union schema of the three credential classes.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Credentials = Schema.Union([RootCredentials, AuthKeyCredentials, SamUserCredentials])

/**
 * A secret as input: a plain string, or one already `Redacted` (read from stdin, a form or a file), so callers
 * never unwrap a secret just to hand it to a constructor.
 *
 * @category models
 * @since 0.1.0
 */
export type SecretInput = string | Redacted.Redacted<string>

/**
 * User input for credentials (e.g. from a form, flags or a profile file): strings, secrets possibly `Redacted`.
 *
 * @category models
 * @since 0.1.0
 */
export type Input =
  | { readonly kind: "root"; readonly email: string; readonly password: SecretInput }
  | { readonly kind: "authKey"; readonly authKeyId: string; readonly authKey: SecretInput }
  | {
      readonly kind: "samUser"
      readonly operatorId: string
      readonly userName: string
      readonly password: SecretInput
    }

/**
 * Builds credentials from plain strings, checking every field (the first broken rule fails with
 * `InvalidRequest` naming its field). Non-secret fields are trimmed; secrets are kept verbatim.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromInput = (input: Input): Effect.Effect<Credentials, InvalidRequest> => {
  // Each decode below runs the same field schemas the class would, so its constructor need not repeat them.
  switch (input.kind) {
    case "root":
      return Effect.map(
        decoded(decodeRoot(inputOf({ email: input.email, password: input.password }))),
        (fields) => new RootCredentials(fields, { disableChecks: true }),
      )
    case "authKey":
      return Effect.map(
        decoded(decodeAuthKey(inputOf({ authKeyId: input.authKeyId, authKey: input.authKey }))),
        (fields) => new AuthKeyCredentials(fields, { disableChecks: true }),
      )
    case "samUser":
      return Effect.map(
        decoded(
          decodeSamUser(
            inputOf({ operatorId: input.operatorId, userName: input.userName, password: input.password }),
          ),
        ),
        (fields) => new SamUserCredentials(fields, { disableChecks: true }),
      )
  }
}

// The input forms: the class fields with each secret typed as plain text (checked, then `Redacted`).
const decodeRoot = Schema.decodeUnknownEffect(
  Schema.Struct({ email: Fields.Email, password: Fields.PasswordFromString }),
)
const decodeAuthKey = Schema.decodeUnknownEffect(
  Schema.Struct({ authKeyId: Fields.AuthKeyId, authKey: Fields.AuthKeyFromString }),
)
const decodeSamUser = Schema.decodeUnknownEffect(
  Schema.Struct({
    operatorId: Fields.OperatorId,
    userName: Fields.UserName,
    password: Fields.PasswordFromString,
  }),
)

/**
 * AuthKey credentials from the environment, as SORACOM's MCP server reads them:
 * `SORACOM_AUTH_KEY_ID` and `SORACOM_AUTH_KEY`. Fails (as a `ConfigError`) when missing or invalid.
 *
 * @category config
 * @since 0.1.0
 */
export const config: Config.Config<Credentials> = Config.all({
  authKeyId: Config.schema(Fields.AuthKeyId, "SORACOM_AUTH_KEY_ID"),
  authKey: Config.schema(Fields.AuthKeyFromString, "SORACOM_AUTH_KEY"),
}).pipe(
  Config.map(
    // Both values were just read through the same field schemas.
    ({ authKeyId, authKey }) => new AuthKeyCredentials({ authKeyId, authKey }, { disableChecks: true }),
  ),
)
