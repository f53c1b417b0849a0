/**
 * The command line's own failures. What the user sees for each (and the exit code) is in the one error table,
 * `src/presentation/errors.ts`.
 */
import { Schema } from "effect"
import { type Messages, messagesFor } from "../presentation/messages.ts"

/**
 * Wrong or missing flags, or input the command cannot use. `flags`: the problem is about the flags, so the
 * next step is `--help`.
 *
 * @category errors
 */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", {
  message: Schema.String,
  flags: Schema.optionalKey(Schema.Boolean),
}) {
  /** The words in the reader's language; `message` is the English (`--json`, logs). */
  words?: (m: Messages) => string

  /** A usage error worded by the catalog: `message` from the English one, the rest at rendering. */
  static of(words: (m: Messages) => string, options?: { readonly flags?: boolean }): UsageError {
    const error = new UsageError({
      message: words(messagesFor("en")),
      ...(options?.flags ? { flags: true } : {}),
    })
    error.words = words
    return error
  }
}

/** Ctrl+C / SIGTERM while a command was running. @category errors */
export class Cancelled extends Schema.TaggedError<Cancelled>()("Cancelled", {}) {}

/** A file given with `--*-file` or `--seed` that cannot be read. @category errors */
export class InputFileError extends Schema.TaggedError<InputFileError>()("InputFileError", {
  path: Schema.String,
  reason: Schema.String,
}) {}

/** The interactive app ended with a code other than 0 (it already told the user why). @category errors */
export class AppExited extends Schema.TaggedError<AppExited>()("AppExited", { code: Schema.Number }) {}
