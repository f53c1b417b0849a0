/**
 * THE status → error function, shared by every operation. The body is decoded with
 * `Schema.decodeUnknownOption`, so a broken body can never cause a second failure.
 */
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import {
  AuthFailed,
  InvalidEmail,
  InvalidToken,
  type Operation,
  type OperationErrors,
  RateLimited,
  RenewalRefused,
  ServerError,
  type SoracomAuthError,
  SwitchUserNotAllowed,
  TokenExpired,
  UnexpectedResponse,
} from "../Errors.ts"
import * as Sanitize from "../Sanitize.ts"
import { ErrorBody } from "../Wire.ts"

/** The success statuses of each operation (issue/verify: 200, also 204; logout: 204, also 200). */
export const successStatuses: Record<Operation, ReadonlyArray<number>> = {
  auth: [200],
  issuePasswordResetToken: [200, 204],
  verifyPasswordResetToken: [200, 204],
  logout: [204, 200],
  switchUser: [200],
  generateAuthToken: [200],
}

const decodeErrorBody = Schema.decodeUnknownOption(Schema.fromJsonString(ErrorBody))

const MAX_SERVER_TEXT = 300

/**
 * Server-provided text as core keeps it: no secret of the request (a server may echo input, in any case or in
 * part), no terminal control, at most {@link MAX_SERVER_TEXT} characters.
 */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  const out = Sanitize.printable(Sanitize.scrubSecrets(text, secrets))
  return out.length > MAX_SERVER_TEXT ? `${out.slice(0, MAX_SERVER_TEXT)}…` : out
}

/** Seconds from `Retry-After` (delta-seconds or HTTP date) or `X-Soracom-Ratelimit-Seconds-Before-Refresh`. */
export const retryAfter = (
  headers: Readonly<Record<string, string | undefined>>,
  nowMillis: number,
): Option.Option<Duration.Duration> => {
  const header = (name: string) => {
    const v = headers[name] ?? headers[name.toLowerCase()]
    return v === undefined ? undefined : v.trim()
  }
  const ra = header("retry-after")
  if (ra !== undefined && ra !== "") {
    if (/^\d+(\.\d+)?$/.test(ra)) return Option.some(Duration.seconds(Number(ra)))
    const at = Date.parse(ra)
    if (!Number.isNaN(at)) return Option.some(Duration.millis(Math.max(0, at - nowMillis)))
  }
  const sr = header("x-soracom-ratelimit-seconds-before-refresh")
  if (sr !== undefined && /^\d+(\.\d+)?$/.test(sr)) return Option.some(Duration.seconds(Number(sr)))
  return Option.none()
}

/**
 * Maps a response whose status is not the operation's success to the error the contract names.
 */
export const errorFromResponse = <Op extends Operation>(options: {
  readonly operation: Op
  readonly status: number
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
  readonly secrets: ReadonlyArray<string>
  readonly nowMillis: number
}): OperationErrors[Op] => errorFor(options) as OperationErrors[Op]

// The switch below only builds, for each operation, errors of that operation's union (see `OperationErrors`).
const errorFor = (options: {
  readonly operation: Operation
  readonly status: number
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
  readonly secrets: ReadonlyArray<string>
  readonly nowMillis: number
}): SoracomAuthError => {
  const { operation, status } = options
  const body = Option.getOrUndefined(decodeErrorBody(options.body))
  const detail = {
    ...(body?.code === undefined ? {} : { code: scrub(body.code, options.secrets) }),
    ...(body?.message === undefined ? {} : { serverMessage: scrub(body.message, options.secrets) }),
  }
  if (status === 429) {
    const wait = Option.getOrUndefined(retryAfter(options.headers, options.nowMillis))
    return new RateLimited({ operation, ...(wait === undefined ? {} : { retryAfter: wait }), ...detail })
  }
  if (status >= 500 && status <= 599) return new ServerError({ operation, status, ...detail })
  switch (operation) {
    case "auth":
    case "logout":
      if (status === 401) return new AuthFailed(detail)
      break
    case "switchUser":
      if (status === 401) return new AuthFailed(detail)
      if (status === 400) return new SwitchUserNotAllowed(detail)
      break
    case "generateAuthToken":
      if (status === 401) return new AuthFailed(detail)
      if (status === 400) return new RenewalRefused(detail)
      break
    case "issuePasswordResetToken":
      if (status === 400) return new InvalidEmail(detail)
      break
    case "verifyPasswordResetToken":
      if (status === 400) return new InvalidToken(detail)
      if (status === 404) return new TokenExpired(detail)
      break
  }
  return new UnexpectedResponse({
    operation,
    status,
    detail: `HTTP ${status} is not an answer this operation can give`,
    ...detail,
  })
}
