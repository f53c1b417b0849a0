/**
 * Secrets never come from a flag's value: only from stdin (`--*-stdin`), a file (`--*-file FILE`) or the
 * environment. Stdin is read once, to the end; when several secrets come from it they are its lines, in the
 * order the command documents.
 */
import { readFile } from "node:fs/promises"
import { Effect, Redacted } from "effect"
import { InputFileError, UsageError } from "./errors.ts"

let stdinText: Promise<string> | undefined

const readStdin = (): Promise<string> => {
  stdinText ??= new Promise<string>((resolve, reject) => {
    const chunks: Array<Buffer> = []
    process.stdin.on("data", (c: Buffer) => chunks.push(c))
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    process.stdin.on("error", reject)
  })
  return stdinText
}

/** The lines of stdin (a final newline does not make an extra empty line). @category reading */
export const stdinLines: Effect.Effect<ReadonlyArray<string>, InputFileError> = Effect.tryPromise({
  try: readStdin,
  catch: (cause) => new InputFileError({ path: "stdin", reason: String(cause) }),
}).pipe(Effect.map((text) => text.replace(/\r?\n$/, "").split(/\r?\n/)))

const chomp = (text: string) => text.replace(/\r?\n$/, "")

/** @category models */
export interface SecretSource {
  /** Flag name without dashes, for messages, e.g. "password". */
  readonly name: string
  readonly stdin: boolean
  readonly file?: string | undefined
  /** Environment variable to fall back on. */
  readonly envVar?: string | undefined
  /** Which line of stdin holds it when several secrets share stdin (0-based). */
  readonly stdinLine?: number | undefined
}

/**
 * One secret from its source: stdin, file or environment (in that order; giving both stdin and a file is a
 * usage error). `undefined` when none is given.
 *
 * @category reading
 */
export const readSecret = (
  source: SecretSource,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Effect.Effect<Redacted.Redacted<string> | undefined, UsageError | InputFileError> =>
  Effect.gen(function* () {
    if (source.stdin && source.file !== undefined) {
      return yield* new UsageError({
        message: `Give the ${source.name} either with --${source.name}-stdin or with --${source.name}-file, not both.`,
      })
    }
    if (source.stdin) {
      const lines = yield* stdinLines
      const value = lines[source.stdinLine ?? 0]
      if (value === undefined || value === "") {
        return yield* new UsageError({ message: `--${source.name}-stdin: nothing was read from stdin.` })
      }
      return Redacted.make(value)
    }
    if (source.file !== undefined) {
      const path = source.file
      const text = yield* Effect.tryPromise({
        try: () => readFile(path, "utf8"),
        catch: (cause) =>
          new InputFileError({ path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }),
      })
      const value = chomp(text)
      if (value === "") return yield* new UsageError({ message: `--${source.name}-file: ${path} is empty.` })
      return Redacted.make(value)
    }
    const fromEnv = source.envVar === undefined ? undefined : env[source.envVar]
    return fromEnv === undefined || fromEnv === "" ? undefined : Redacted.make(fromEnv)
  })
