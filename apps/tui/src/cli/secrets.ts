/**
 * Secrets never come from a flag's value: only from stdin (`--*-stdin`), a file (`--*-file FILE`) or the
 * environment. When several secrets come from stdin they are its lines, in the order the command documents.
 *
 * Stdin is read only as far as needed — up to the line asked for — and never past {@link maxStdinBytes}
 * (`yes | soracom-auth login --password-stdin` stops at once). Secret files are bounded the same way. Bytes that
 * are not UTF-8 are refused rather than turned into U+FFFD (a password changed silently would fail obscurely).
 */
import { open } from "node:fs/promises"
import { Effect, Redacted } from "effect"
import { InputFileError, UsageError } from "./errors.ts"

/** The most stdin (or a secret file) is read: secrets are short, and stdin may be endless. */
export const maxStdinBytes = 8 * 1024

const utf8 = new TextDecoder("utf-8", { fatal: true })

/** What stdin gave so far (raw bytes), and whether it has ended. */
const stdin = { bytes: Buffer.alloc(0), ended: false, failed: undefined as unknown }

const newlines = (b: Buffer) => {
  let n = 0
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++
  return n
}

/** Reads stdin until it holds `lines` line ends, ends, or passes the bound; then stops reading (pauses). */
const readStdinLines = (lines: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const enough = () => stdin.ended || newlines(stdin.bytes) >= lines || stdin.bytes.length > maxStdinBytes
    if (stdin.failed !== undefined) return reject(stdin.failed)
    if (enough()) return resolve()
    const input = process.stdin
    const done = (error?: unknown) => {
      input.off("data", onData)
      input.off("end", onEnd)
      input.off("error", onError)
      // Nothing more is wanted: stop reading, and let the process exit while the writer still writes.
      input.pause()
      if (error === undefined) resolve()
      else reject(error)
    }
    const onData = (chunk: Buffer) => {
      stdin.bytes = Buffer.concat([stdin.bytes, chunk])
      if (enough()) done()
    }
    const onEnd = () => {
      stdin.ended = true
      done()
    }
    const onError = (error: unknown) => {
      stdin.failed = error
      done(error)
    }
    input.on("data", onData)
    input.on("end", onEnd)
    input.on("error", onError)
    input.resume()
  })

/** Line `index` (0-based) of stdin, or why it cannot be had. */
const stdinLine = (
  name: string,
  index: number,
): Effect.Effect<string | undefined, UsageError | InputFileError> =>
  Effect.tryPromise({
    try: () => readStdinLines(index + 1),
    catch: (cause) => new InputFileError({ path: "stdin", reason: String(cause) }),
  }).pipe(
    Effect.flatMap(() => {
      const all = stdin.bytes
      // Only whole lines count; the bound applies to the bytes before the line end asked for.
      let start = 0
      for (let i = 0; i < index; i++) {
        const end = all.indexOf(10, start)
        if (end === -1) return Effect.succeed(undefined)
        start = end + 1
      }
      const end = all.indexOf(10, start)
      if ((end === -1 ? all.length : end) > maxStdinBytes)
        return Effect.fail(UsageError.of((m) => m.cli.usage.stdinTooLong(name, maxStdinBytes)))
      return decodeSecret(`--${name}-stdin`, all.subarray(start, end === -1 ? all.length : end))
    }),
    Effect.map((line) => line?.replace(/\r$/, "")),
  )

const decodeSecret = (what: string, bytes: Uint8Array): Effect.Effect<string, UsageError> =>
  Effect.try({
    try: () => utf8.decode(bytes),
    catch: () => UsageError.of((m) => m.cli.usage.notUtf8(what)),
  })

/** A secret file's text, bounded like stdin. */
const readSecretFile = (name: string, path: string): Effect.Effect<string, UsageError | InputFileError> =>
  Effect.tryPromise({
    try: async () => {
      const handle = await open(path, "r")
      try {
        const buffer = Buffer.alloc(maxStdinBytes + 1)
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    },
    catch: (cause) =>
      new InputFileError({ path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }),
  }).pipe(
    Effect.flatMap((bytes) =>
      bytes.length > maxStdinBytes
        ? Effect.fail(UsageError.of((m) => m.cli.usage.fileTooLarge(name, path, maxStdinBytes)))
        : decodeSecret(`--${name}-file`, bytes),
    ),
  )

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
      return yield* UsageError.of((m) => m.cli.usage.stdinAndFile(source.name))
    }
    if (source.stdin) {
      const value = yield* stdinLine(source.name, source.stdinLine ?? 0)
      if (value === undefined || value === "") {
        return yield* UsageError.of((m) => m.cli.usage.stdinEmpty(source.name))
      }
      return Redacted.make(value)
    }
    if (source.file !== undefined) {
      const path = source.file
      const text = yield* readSecretFile(source.name, path)
      const value = chomp(text)
      if (value === "") return yield* UsageError.of((m) => m.cli.usage.fileEmpty(source.name, path))
      return Redacted.make(value)
    }
    const fromEnv = source.envVar === undefined ? undefined : env[source.envVar]
    return fromEnv === undefined || fromEnv === "" ? undefined : Redacted.make(fromEnv)
  })
