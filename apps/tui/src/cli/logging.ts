/**
 * Effect logs during command runs. Warnings and errors (e.g. core's "Retrying the sign-in in 1.2 s …") become one
 * plain line on stderr — `soracom-auth: retrying the sign-in in 1.2 s (attempt 1 of 4 failed): SORACOM answered
 * HTTP 503 (SBX0099).` — also with `--json`; Info and below are dropped. Nothing goes to stdout, which carries
 * data (`token` prints the bare token): Effect's default logger (console.log) is replaced, and `LogToStderr`
 * routes any built-in console logger that might still be added to stderr.
 */
import { Cause, Layer, Logger, LogLevel } from "effect"
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

/** Warning and above, one line each on `io.stderr`. @category loggers */
export const stderrLogger = (io: Io): Logger.Logger<unknown, void> =>
  Logger.make((options) => {
    if (LogLevel.isLessThan(options.logLevel, "Warn")) return
    io.stderr.write(`${formatLogLine(options.message, options.cause)}\n`)
  })

/**
 * The loggers of a command run: {@link stderrLogger} (replacing Effect's default logger, which writes to
 * stdout) and the tracer logger (span events), with built-in console loggers routed to stderr.
 *
 * @category layers
 */
export const loggingLayer = (io: Io): Layer.Layer<never> =>
  Layer.mergeAll(
    Logger.layer([stderrLogger(io), Logger.tracerLogger]),
    Layer.succeed(Logger.LogToStderr, true),
  )
