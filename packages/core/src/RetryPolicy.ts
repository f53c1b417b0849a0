/**
 * The one place retries are decided: a capped, jittered exponential backoff on `TransportError`, `RateLimited`
 * and 502/503/504, honouring the server's `retryAfter` up to a cap, with the total number of attempts and the
 * total time bounded. Never on 400/401/404 (or any other 4xx, or a malformed response).
 *
 * Operations that change state and are not safely repeatable (`issuePasswordResetToken` — it sends a mail —,
 * `verifyPasswordResetToken` and `logout`) are retried only when the request provably never reached the server
 * (connection refused, DNS failure): see {@link isRetryable}.
 *
 * All waits go through Effect's `Clock` (tests use `TestClock`), jitter through Effect's `Random`.
 *
 * Each retry is announced with one `Effect.logWarning` (see {@link retryMessage}) annotated with `operation`,
 * `attempt` (the attempt that failed, from 1), `maxAttempts`, `delayMillis`, `errorTag` and, for HTTP answers,
 * `status` (with `code` and `transportReason` when the error has them): install a logger to show it (the CLI prints it on stderr). It carries no secret — core's error
 * messages never do.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import type { Operation, SoracomAuthError } from "./Errors.ts"
import { operationLabels } from "./internal/labels.ts"

/**
 * A retry policy. Every field has a documented default (see {@link defaults}).
 *
 * @category models
 * @since 0.1.0
 */
export interface RetryPolicy {
  /** Total attempts including the first; `1` disables retries. Default 4. */
  readonly maxAttempts: number
  /** The first wait; each later wait doubles. Default 500 ms. */
  readonly baseDelay: Duration.Duration
  /** The longest single backoff wait (before jitter). Default 8 s. */
  readonly maxDelay: Duration.Duration
  /** Jitter as a fraction: each wait is multiplied by a random factor in [1 − jitter, 1 + jitter]. Default 0.2. */
  readonly jitter: number
  /** Total time budget for waits: no retry starts if it would begin later than this after the first attempt. Default 30 s. */
  readonly maxElapsed: Duration.Duration
  /** The longest server-requested wait (`retryAfter`) honoured; a longer one is reported, not waited. Default 60 s. */
  readonly maxRetryAfter: Duration.Duration
}

/**
 * Options to build a policy: any subset of fields, durations as `Duration.Input` (`"2 seconds"`, millis…).
 *
 * @category models
 * @since 0.1.0
 */
export interface Input {
  readonly maxAttempts?: number | undefined
  readonly baseDelay?: Duration.Input | undefined
  readonly maxDelay?: Duration.Input | undefined
  readonly jitter?: number | undefined
  readonly maxElapsed?: Duration.Input | undefined
  readonly maxRetryAfter?: Duration.Input | undefined
}

/**
 * The defaults: 4 attempts, 500 ms doubling to at most 8 s, ±20 % jitter, 30 s total, `retryAfter` up to 60 s.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaults: RetryPolicy = {
  maxAttempts: 4,
  baseDelay: Duration.millis(500),
  maxDelay: Duration.seconds(8),
  jitter: 0.2,
  maxElapsed: Duration.seconds(30),
  maxRetryAfter: Duration.seconds(60),
}

/**
 * No retries: one attempt.
 *
 * @category constants
 * @since 0.1.0
 */
export const none: RetryPolicy = { ...defaults, maxAttempts: 1 }

/**
 * A policy from the defaults and some overrides.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (input: Input = {}): RetryPolicy => ({
  maxAttempts: Math.max(1, Math.floor(input.maxAttempts ?? defaults.maxAttempts)),
  baseDelay: input.baseDelay === undefined ? defaults.baseDelay : Duration.fromInputUnsafe(input.baseDelay),
  maxDelay: input.maxDelay === undefined ? defaults.maxDelay : Duration.fromInputUnsafe(input.maxDelay),
  jitter: Math.min(1, Math.max(0, input.jitter ?? defaults.jitter)),
  maxElapsed:
    input.maxElapsed === undefined ? defaults.maxElapsed : Duration.fromInputUnsafe(input.maxElapsed),
  maxRetryAfter:
    input.maxRetryAfter === undefined
      ? defaults.maxRetryAfter
      : Duration.fromInputUnsafe(input.maxRetryAfter),
})

/**
 * Whether the request provably never reached the server (connection refused, DNS failure).
 *
 * @category guards
 * @since 0.1.0
 */
export const isProvablyUnsent = (error: SoracomAuthError): boolean =>
  error._tag === "TransportError" && (error.reason === "ConnectionRefused" || error.reason === "DnsFailure")

/**
 * Whether an error of `operation` may be retried. `auth`, `switchUser` and `generateAuthToken` (which only
 * create a new token): transport errors, 429, 502/503/504. The other operations: only {@link isProvablyUnsent}
 * errors — a timeout or a 5xx may already have sent the reset mail or consumed the token. Never a DNS "not
 * found" (`ENOTFOUND`, `EAI_NONAME`, `EAI_FAIL`); a temporary DNS failure (`EAI_AGAIN`) is retried.
 *
 * @category guards
 * @since 0.1.0
 */
export const isRetryable = (operation: Operation, error: SoracomAuthError): boolean => {
  // The same request would fail to build again.
  if (error._tag === "TransportError" && error.reason === "NotBuilt") return false
  // a host name that does not exist will not exist a moment later; only a temporary DNS failure is retried
  if (error._tag === "TransportError" && error.reason === "DnsFailure" && error.detail !== "EAI_AGAIN")
    return false
  if (operation !== "auth" && operation !== "switchUser" && operation !== "generateAuthToken")
    return isProvablyUnsent(error)
  switch (error._tag) {
    case "TransportError":
      return error.reason !== "Aborted"
    case "RateLimited":
      return true
    case "ServerError":
      return error.status === 502 || error.status === 503 || error.status === 504
    default:
      return false
  }
}

/** Why a retry happens, in a few words: no server message, no request data. */
const retryReason = (error: SoracomAuthError): string => {
  switch (error._tag) {
    case "ServerError":
      return `SORACOM answered HTTP ${error.status}${error.code === undefined ? "" : ` (${error.code})`}`
    case "RateLimited":
      return `SORACOM is rate-limiting requests (HTTP 429${error.code === undefined ? "" : `, ${error.code}`})`
    default:
      return error.message.replace(/\.$/, "")
  }
}

/**
 * The one-line text of the warning logged before a retry, e.g.
 * `Retrying the sign-in in 1.2 s (attempt 1 of 4 failed): SORACOM answered HTTP 503 (SBX0099).`
 *
 * @category formatting
 * @since 0.1.0
 */
export const retryMessage = (options: {
  readonly operation: Operation
  readonly error: SoracomAuthError
  /** The attempt that failed, from 1. */
  readonly attempt: number
  readonly maxAttempts: number
  readonly delay: Duration.Duration
}): string =>
  `Retrying the ${operationLabels[options.operation]} in ${(Duration.toMillis(options.delay) / 1000).toFixed(1)} s ` +
  `(attempt ${options.attempt} of ${options.maxAttempts} failed): ${retryReason(options.error)}.`

/** The warning logged when a retry has been decided. */
const logRetry = (
  policy: RetryPolicy,
  operation: Operation,
  error: SoracomAuthError,
  attempt: number,
  delay: Duration.Duration,
): Effect.Effect<void> =>
  Effect.logWarning(retryMessage({ operation, error, attempt, maxAttempts: policy.maxAttempts, delay })).pipe(
    Effect.annotateLogs({
      operation,
      attempt,
      maxAttempts: policy.maxAttempts,
      delayMillis: Duration.toMillis(delay),
      errorTag: error._tag,
      ...("status" in error && typeof error.status === "number" ? { status: error.status } : {}),
      // for an app that words the warning itself
      ...("code" in error && typeof error.code === "string" ? { code: error.code } : {}),
      ...(error._tag === "TransportError" ? { transportReason: error.reason } : {}),
    }),
  )

/**
 * The `Schedule` of a policy for an operation; its input is the failure. Stops on a non-retryable error, after
 * `maxAttempts`, past `maxElapsed`, or when the server asks for a wait longer than `maxRetryAfter`. Each
 * decided retry logs one warning (see the module notes); a stop logs nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const schedule = (
  policy: RetryPolicy,
  operation: Operation,
): Schedule.Schedule<Duration.Duration, SoracomAuthError> =>
  Schedule.fromStepWithMetadata(
    Effect.succeed((meta: Schedule.InputMetadata<SoracomAuthError>) => {
      const error = meta.input
      // meta.attempt counts retries: 1 before the second attempt.
      if (meta.attempt >= policy.maxAttempts || !isRetryable(operation, error))
        return Cause.done(Duration.zero)
      const backoff = Math.min(
        Duration.toMillis(policy.baseDelay) * 2 ** (meta.attempt - 1),
        Duration.toMillis(policy.maxDelay),
      )
      return Effect.map(Random.next, (r) => {
        let delay = backoff * (1 - policy.jitter + 2 * policy.jitter * r)
        if (error._tag === "RateLimited" && error.retryAfter !== undefined) {
          const requested = Duration.toMillis(error.retryAfter)
          if (requested > Duration.toMillis(policy.maxRetryAfter)) return undefined
          delay = Math.max(delay, requested)
        }
        if (meta.elapsed + delay > Duration.toMillis(policy.maxElapsed)) return undefined
        return Duration.millis(Math.round(delay))
      }).pipe(
        Effect.flatMap((delay) =>
          delay === undefined
            ? Cause.done(Duration.zero)
            : Effect.as(logRetry(policy, operation, error, meta.attempt, delay), [delay, delay] as [
                Duration.Duration,
                Duration.Duration,
              ]),
        ),
      )
    }),
  )

/**
 * Retries an operation's effect per the policy. Build it once per policy and operation: the schedule is made
 * here, and a call that succeeds the first time never starts it.
 *
 * @category combinators
 * @since 0.1.0
 */
export const retry = (
  policy: RetryPolicy,
  operation: Operation,
): (<A, E extends SoracomAuthError, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) => {
  if (policy.maxAttempts <= 1) return identity
  const steps = schedule(policy, operation)
  // `Effect.retry` from the first failure on: the schedule sees that failure as the first attempt's (it is
  // replayed once), then each new attempt runs `self` — the same steps as retrying `self` from the start.
  return (self) =>
    Effect.catch(self, (first) => {
      let replay = true
      const again = Effect.suspend(() => {
        if (!replay) return self
        replay = false
        return Effect.fail(first)
      })
      return Effect.retry(again, { schedule: steps })
    })
}
