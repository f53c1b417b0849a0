/**
 * A signed-in session: the API key and token SORACOM issued (both `Redacted`), who signed in, and when the
 * token expires.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"

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
  /** When the response arrived (absent on sessions stored before it was recorded). */
  issuedAt: Schema.optionalKey(Schema.DateTimeUtc),
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
 * When a session is due for renewal (epoch millis): `expiresAt` minus the smaller of 5 minutes and 10 % of its
 * lifetime (`issuedAt` → `expiresAt`) — `AuthSession`'s default margin. Without `issuedAt`, 5 minutes.
 *
 * @category getters
 * @since 0.1.0
 */
export const refreshAt = (self: AuthResponse): number => {
  const expires = DateTime.toEpochMillis(self.expiresAt)
  const lifetime =
    self.issuedAt === undefined ? Number.POSITIVE_INFINITY : expires - DateTime.toEpochMillis(self.issuedAt)
  return expires - Math.min(5 * 60 * 1000, Math.max(0, lifetime) / 10)
}

/**
 * How usable a session is at `now`: `Fresh` before {@link refreshAt}, `Stale` until `expiresAt` (still valid,
 * due for renewal), then `Expired`. The one freshness rule for every caller that keeps sessions.
 *
 * @category getters
 * @since 0.1.0
 */
export const freshness = (self: AuthResponse, now: number): "Fresh" | "Stale" | "Expired" =>
  now < refreshAt(self) ? "Fresh" : now < DateTime.toEpochMillis(self.expiresAt) ? "Stale" : "Expired"

/**
 * The JSON form of an {@link AuthResponse} **with the secrets in clear**, for deliberate persistence only (e.g.
 * the CLI's session cache file, mode 0600): `{ apiKey, token, operatorId, userName?, issuedAt?, expiresAt }` (ISO-8601).
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
  issuedAt: Schema.optionalKey(Schema.DateTimeUtcFromString),
  expiresAt: Schema.DateTimeUtcFromString,
}).pipe(Schema.decodeTo(AuthResponse))

const encodeJson = Schema.encodeSync(Json)
const decodeJsonOption = Schema.decodeUnknownOption(Json)

/**
 * A session as Promise code keeps it (e.g. `@soracom-auth/client`'s `Session`): the secrets **in clear**,
 * `expiresAt` as a `Date`. For deliberate hand-over and private stores only.
 *
 * @category models
 * @since 0.1.0
 */
export interface Plain {
  readonly apiKey: string
  readonly token: string
  readonly operatorId: string
  readonly userName?: string
  readonly expiresAt: Date
}

/**
 * The {@link Plain} form of a session (through {@link Json}, so the same fields as the cache file).
 *
 * @category conversions
 * @since 0.1.0
 */
export const toPlain = (self: AuthResponse): Plain => {
  const json = encodeJson(self)
  return {
    apiKey: json.apiKey,
    token: json.token,
    operatorId: json.operatorId,
    ...(json.userName === undefined ? {} : { userName: json.userName }),
    expiresAt: new Date(json.expiresAt),
  }
}

/**
 * A session from its {@link Plain} form, checked by {@link Json}; `None` when it is malformed (it may come from a
 * user's store: `expiresAt` as an ISO string or epoch millis, as `JSON.parse` leaves it, is accepted too).
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromPlain = (plain: Plain): Option.Option<AuthResponse> => {
  const expiresAt = new Date(plain.expiresAt as Date | string | number)
  return Number.isNaN(expiresAt.getTime())
    ? Option.none()
    : decodeJsonOption({
        apiKey: plain.apiKey,
        token: plain.token,
        operatorId: plain.operatorId,
        ...(plain.userName === undefined ? {} : { userName: plain.userName }),
        expiresAt: expiresAt.toISOString(),
      })
}
