/**
 * What every command handler reads: the global flags (`--json`, `--verbose`, `--no-input`, `--lang`), the
 * process environment and streams, and how to run an effect against SORACOM with the resolved endpoint.
 */
import { type Endpoint, type Errors, Sanitize, type SoracomAuth } from "@soracom-auth/core"
import { Context, Effect, type Layer, Option } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import { authLayer } from "../runtime/layers.ts"
import { type Io, makeOutput, type Output, processIo } from "./output.ts"

/** @category flags */
export const JsonFlag = GlobalFlag.Setting("json")({
  flag: Flag.Boolean("json").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Machine-readable output: data and errors as JSON on stdout"),
  ),
})
/** @category flags */
export const VerboseFlag = GlobalFlag.Setting("verbose")({
  flag: Flag.Boolean("verbose").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Trace HTTP exchanges on stderr (secrets redacted)"),
  ),
})
/** @category flags */
export const NoInputFlag = GlobalFlag.Setting("no-input")({
  flag: Flag.Boolean("no-input").pipe(
    Flag.withDefault(false),
    Flag.withDescription("Never prompt or open the interactive app"),
  ),
})
/** @category flags */
export const LangFlag = GlobalFlag.Setting("lang")({
  flag: Flag.Literals("lang", ["en", "ja"]).pipe(
    Flag.optional,
    Flag.withDescription("Language of SORACOM's messages (default from LANG)"),
  ),
})

/** @category models */
export interface CliEnvShape {
  readonly io: Io
  readonly env: Readonly<Record<string, string | undefined>>
  /** stdin and stdout are both terminals. */
  readonly interactive: boolean
  readonly profileDir: string
  /** Lets a handler choose the process exit code without failing (e.g. the app's own code). */
  readonly setExitCode: (code: number) => void
  /** `sandbox`: SIGINT/SIGTERM are the normal way to stop, exit 0. */
  readonly interruptIsSuccess: () => void
}

/** @category services */
export class CliEnv extends Context.Service<CliEnv, CliEnvShape>()("@soracom-auth/tui/cli/CliEnv") {}

/** @category models */
export interface Globals {
  readonly json: boolean
  readonly verbose: boolean
  readonly noInput: boolean
  readonly lang: "en" | "ja"
  readonly out: Output
}

/** The global flags and an `Output` honouring them. @category getters */
export const globals: Effect.Effect<
  Globals,
  never,
  | CliEnv
  | GlobalFlag.Setting.Identifier<"json">
  | GlobalFlag.Setting.Identifier<"verbose">
  | GlobalFlag.Setting.Identifier<"no-input">
  | GlobalFlag.Setting.Identifier<"lang">
> = Effect.gen(function* () {
  const cli = yield* CliEnv
  const json = yield* JsonFlag
  const verbose = yield* VerboseFlag
  const noInput = yield* NoInputFlag
  const langFlag = yield* LangFlag
  const locale = cli.env.SORACOM_LANG ?? cli.env.LC_ALL ?? cli.env.LANG
  const lang = Option.getOrUndefined(langFlag) ?? (locale !== undefined && /^ja/i.test(locale) ? "ja" : "en")
  return { json, verbose, noInput, lang, out: makeOutput({ json, io: cli.io }) }
})

/**
 * Provides `SoracomAuth` for an endpoint, with the `--verbose` trace on stderr.
 *
 * @category running
 */
export const withAuth =
  (options: {
    readonly endpoint: Endpoint.Endpoint
    readonly globals: Globals
    readonly io?: Io
    readonly tokenTimeoutSeconds?: number | undefined
  }) =>
  <A, E, R>(
    self: Effect.Effect<A, E, R>,
  ): Effect.Effect<A, E | Errors.InvalidRequest, Exclude<R, SoracomAuth.SoracomAuth>> => {
    const io = options.io ?? processIo
    const layer = authLayer({
      endpoint: options.endpoint,
      language: options.globals.lang,
      tokenTimeoutSeconds: options.tokenTimeoutSeconds,
      // Server text in the trace (text bodies, headers) is printed line by line without control characters.
      trace: options.globals.verbose
        ? (text) => io.stderr.write(`${text.split("\n").map(Sanitize.printable).join("\n")}\n`)
        : undefined,
    })
    return Effect.provide(self, layer as Layer.Layer<SoracomAuth.SoracomAuth, Errors.InvalidRequest>)
  }

/** `Option<A>` flags as `A | undefined`. @category getters */
export const opt = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)
