/**
 * Switch user (`POST /auth/switch_user`): with a signed-in session, get a session of another SAM user — of
 * this or another operator — whose trust policy lists the signed-in user. SORACOM caps the switched token at
 * one hour ({@link TOKEN_TIMEOUT}).
 *
 * As an `AuthSession` source, {@link Source} signs in with a base source, then switches: "sign in with
 * profile A, then switch to operator X / user Y". A chain of one, as soracom-cli allows: the base cannot be
 * another switch.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as AuthRequest from "./AuthRequest.ts"
import type * as Credentials from "./Credentials.ts"
import type { AuthError, InvalidRequest } from "./Errors.ts"
import * as Fields from "./Fields.ts"
import { decoded, inputOf } from "./internal/field.ts"
import { ruleIssue } from "./internal/ruleIssue.ts"

/**
 * The lifetimes SORACOM accepts for a switched token (seconds): 180…3600, default 3600.
 *
 * @category constants
 * @since 0.1.0
 */
export const TOKEN_TIMEOUT = { minimum: 180, maximum: 3600, default: 3600 } as const

const lifetimeProblem = (n: number): string | undefined =>
  Number.isInteger(n) && n >= TOKEN_TIMEOUT.minimum && n <= TOKEN_TIMEOUT.maximum
    ? undefined
    : `A switched user's token lifetime must be a whole number of seconds from ${TOKEN_TIMEOUT.minimum} to ${TOKEN_TIMEOUT.maximum}.`

/**
 * A switched token's lifetime in seconds: an integer from 180 to 3600.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TokenTimeoutSeconds = Schema.Number.check(
  Schema.makeFilter<number>(
    (n) => {
      const message = lifetimeProblem(n)
      return message === undefined ? undefined : ruleIssue({ rule: "switchRange", message }, n)
    },
    {
      title: "tokenTimeoutSeconds",
      description: "A switched user's token lifetime",
    },
  ),
)

/**
 * `POST /auth/switch_user` request: the target operator and SAM user, and the lifetime of the switched token
 * (default 3600 s). On the wire: `{ operatorId, userName, tokenTimeoutSeconds }`.
 *
 * @category models
 * @since 0.1.0
 */
export class Request extends Schema.Class<Request>("SwitchUserRequest")({
  operatorId: Fields.OperatorId,
  userName: Fields.UserName,
  tokenTimeoutSeconds: Schema.optionalKey(TokenTimeoutSeconds),
}) {}

/**
 * Plain input for {@link fromInput}; a blank lifetime counts as absent.
 *
 * @category models
 * @since 0.1.0
 */
export interface Input {
  readonly operatorId: string
  readonly userName: string
  readonly tokenTimeoutSeconds?: string | number | undefined
}

/**
 * A switch request from plain strings (trimmed, checked); fails with `InvalidRequest` naming `operatorId`,
 * `userName` or `tokenTimeoutSeconds`. Nothing is sent.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromInput = (input: Input): Effect.Effect<Request, InvalidRequest> => {
  const lifetime = input.tokenTimeoutSeconds
  return Effect.map(
    decoded(
      decodeInput({
        ...inputOf({ operatorId: input.operatorId, userName: input.userName }),
        ...(lifetime === undefined || String(lifetime).trim() === ""
          ? {}
          : { tokenTimeoutSeconds: String(lifetime) }),
      }),
    ),
    // Every field was just decoded by the schemas of `Request`'s own fields.
    (fields) => new Request(fields, { disableChecks: true }),
  )
}

/** The fields as typed: the lifetime as text, so the general text rule applies before the switch's limit. */
const decodeInput = Schema.decodeUnknownEffect(
  Schema.Struct({
    operatorId: Fields.OperatorId,
    userName: Fields.UserName,
    tokenTimeoutSeconds: Schema.optionalKey(Fields.secondsFromText(TokenTimeoutSeconds)),
  }),
)

const requestFields = Schema.Struct(Request.fields)

/**
 * Re-checks a request (built with `disableChecks` or by hand) with the rules of {@link fromInput}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (request: Request): Effect.Effect<Request, InvalidRequest> =>
  Effect.as(
    decoded(
      requestFields.makeEffect({
        operatorId: request.operatorId,
        userName: request.userName,
        ...(request.tokenTimeoutSeconds === undefined
          ? {}
          : { tokenTimeoutSeconds: request.tokenTimeoutSeconds }),
      }),
    ),
    request,
  )

/**
 * What a switch starts from: credentials, a request, or an effect producing a request (e.g. asking for an
 * MFA code) — every `AuthSession` source except another switch.
 *
 * @category models
 * @since 0.1.0
 */
export type Base =
  | Credentials.Credentials
  | AuthRequest.AuthRequest
  | Effect.Effect<AuthRequest.AuthRequest, AuthError>

/**
 * An `AuthSession` source: sign in with `base`, then switch with `request`.
 *
 * @category models
 * @since 0.1.0
 */
export class Source {
  readonly _tag = "SwitchUserSource"
  readonly base: Base
  readonly request: Request
  constructor(options: { readonly base: Base; readonly request: Request }) {
    this.base = options.base
    this.request = options.request
  }
}

/**
 * Whether a value is a {@link Source}.
 *
 * @category guards
 * @since 0.1.0
 */
export const isSource = (u: unknown): u is Source => u instanceof Source
