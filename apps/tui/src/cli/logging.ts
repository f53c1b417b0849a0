/**
 * Effect logs during command runs. Warnings and errors (e.g. core's "Retrying the sign-in in 1.2 s …") become one
 * plain line on stderr — `soracom-auth: retrying the sign-in in 1.2 s (attempt 1 of 4 failed): SORACOM answered
 * HTTP 503 (SBX0099).` — also with `--json`; Info and below are dropped. Nothing goes to stdout, which carries
 * data (`token` prints the bare token): Effect's default logger (console.log) is replaced, and `LogToStderr`
 * routes any built-in console logger that might still be added to stderr.
 */
import type { Errors } from "@soracom-auth/core"
import { Cause, Layer, Logger, LogLevel, References } from "effect"
import type { Messages } from "../presentation/messages.ts"
import type { Io } from "./output.ts"

const text = (part: unknown): string => {
  if (typeof part === "string") return part
  if (part instanceof Error) return part.message
  try {
    return JSON.stringify(part) ?? String(part)
  } catch {
    return String(part)
  }
}

/** "Retrying …" → "retrying …", but "SORACOM …" stays. */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? `${s[0]?.toLowerCase()}${s.slice(1)}` : s)

/**
 * One log entry as one line (no trailing newline): the message parts, then the cause's first error message — no
 * stack, no annotations.
 *
 * @category formatting
 */
export const formatLogLine = (message: unknown, cause: Cause.Cause<unknown>): string => {
  const parts = (Array.isArray(message) ? message : [message]).map(text).filter((s) => s.length > 0)
  if (cause.reasons.length > 0) {
    const first = Cause.prettyErrors(cause)[0]
    if (first !== undefined) parts.push(first.message)
  }
  const line = parts.join(": ").replace(/\s+/g, " ").trim()
  return `soracom-auth: ${lowerFirst(line)}`
}

const seconds = (millis: unknown) => (Number(millis) / 1000).toFixed(1)

/**
 * The warnings the app words itself, from their log annotations (core's retries, the Redis session store);
 * `undefined` for any other entry (its own text is used).
 *
 * @category formatting
 */
export const wordedWarning = (m: Messages, a: Readonly<Record<string, unknown>>): string | undefined => {
  const t = m.cli.log
  if (a.redisStore === "unavailable") return t.redisUnavailable(String(a.detail), seconds(a.retryAfterMillis))
  if (a.redisStore === "waited") return t.redisWaited(seconds(a.waitedMillis))
  const operation = typeof a.operation === "string" ? a.operation : ""
  if (!Object.hasOwn(t.operation, operation) || typeof a.attempt !== "number") return undefined
  const code = typeof a.code === "string" ? ` (${a.code})` : ""
  const transport = m.error.transport.why
  const why =
    a.errorTag === "ServerError"
      ? t.serverError(Number(a.status), code)
      : a.errorTag === "RateLimited"
        ? t.rateLimited(typeof a.code === "string" ? `, ${a.code}` : "")
        : a.errorTag === "TransportError" &&
            typeof a.transportReason === "string" &&
            Object.hasOwn(transport, a.transportReason)
          ? t.transport(transport[a.transportReason as Errors.TransportReason])
          : undefined
  if (why === undefined) return undefined
  return t.retry(
    t.operation[operation as Errors.Operation],
    seconds(a.delayMillis),
    a.attempt,
    Number(a.maxAttempts),
    why,
  )
}

/** Warning and above, one line each on `io.stderr`, in `m`'s words where the app words them. @category loggers */
export const stderrLogger = (io: Io, m?: Messages): Logger.Logger<unknown, void> =>
  Logger.make((options) => {
    if (LogLevel.isLessThan(options.logLevel, "Warn")) return
    const worded =
      m === undefined ? undefined : wordedWarning(m, options.fiber.getRef(References.CurrentLogAnnotations))
    io.stderr.write(
      worded === undefined
        ? `${formatLogLine(options.message, options.cause)}\n`
        : `soracom-auth: ${worded}\n`,
    )
  })

/**
 * The loggers of a command run: {@link stderrLogger} (replacing Effect's default logger, which writes to
 * stdout) and the tracer logger (span events), with built-in console loggers routed to stderr.
 *
 * @category layers
 */
export const loggingLayer = (io: Io, m?: Messages): Layer.Layer<never> =>
  Layer.mergeAll(
    Logger.layer([stderrLogger(io, m), Logger.tracerLogger]),
    Layer.succeed(Logger.LogToStderr, true),
  )
