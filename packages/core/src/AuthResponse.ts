/**
 * A signed-in session: the API key and token SORACOM issued (both `Redacted`), who signed in, and when the
 * token expires.
 *
 * @since 0.1.0
 */
import { DateTime, Redacted, Schema } from "effect"

/**
 * `POST /auth` → 200. `expiresAt` is computed from the request's token lifetime and the `Clock` at the moment
 * the response arrived (SORACOM does not send it). `userName` is present for SAM users only.
 *
 * @category models
 * @since 0.1.0
 */
export class AuthResponse extends Schema.Class<AuthResponse>("AuthResponse")({
  apiKey: Schema.Redacted(Schema.String),
  token: Schema.Redacted(Schema.String),
  operatorId: Schema.String,
  userName: Schema.optionalKey(Schema.String),
  expiresAt: Schema.DateTimeUtc,
}) {}

/**
 * The headers that authenticate later SORACOM API calls: `X-Soracom-API-Key` and `X-Soracom-Token` (plain
 * values — both names are on Effect's redacted header list, see `SoracomAuth`).
 *
 * @category getters
 * @since 0.1.0
 */
export const headers = (
  self: AuthResponse,
): { readonly "X-Soracom-API-Key": string; readonly "X-Soracom-Token": string } => ({
  "X-Soracom-API-Key": Redacted.value(self.apiKey),
  "X-Soracom-Token": Redacted.value(self.token),
})

/**
 * Whether the token is still valid at `now` (epoch millis) with `margin` millis to spare.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isFresh = (self: AuthResponse, now: number, marginMillis = 0): boolean =>
  now < DateTime.toEpochMillis(self.expiresAt) - marginMillis

/**
 * The JSON form of an {@link AuthResponse} **with the secrets in clear**, for deliberate persistence only (e.g.
 * the CLI's session cache file, mode 0600): `{ apiKey, token, operatorId, userName?, expiresAt: ISO-8601 }`.
 *
 * `Schema.encodeSync(AuthResponse.Json)(session)` gives the object; `Schema.decodeUnknownEffect(AuthResponse.Json)`
 * reads it back. Compose with `Schema.fromJsonString` for a string.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Json = Schema.Struct({
  apiKey: Schema.RedactedFromValue(Schema.String),
  token: Schema.RedactedFromValue(Schema.String),
  operatorId: Schema.String,
  userName: Schema.optionalKey(Schema.String),
  expiresAt: Schema.DateTimeUtcFromString,
}).pipe(Schema.decodeTo(AuthResponse))
