/**
 * What every command handler reads: the global flags (`--json`, `--verbose`, `--no-input`, `--lang`), the
 * process environment and streams, and the session service for them.
 */
import { Sanitize } from "@soracom-auth/core"
import { Context, Effect, Layer, Option } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import * as Environment from "../environment.ts"
import type { ErrorContext } from "../presentation/errors.ts"
import { ProfileStore } from "../profiles/ProfileStore.ts"
import { Api } from "../session/Api.ts"
import { SessionCache } from "../session/SessionCache.ts"
import { Sessions } from "../session/Sessions.ts"
import { type Io, makeOutput, type Output } from "./output.ts"
import { sharedStoreLayer } from "./sessionStore.ts"

// The global flags are described in `--help` by name from the catalog (`messages.cli.globalFlag`, see help.ts):
// they are built once, before the language is known, because the settings are also the keys handlers read them by.

/** @category flags */
export const JsonFlag = GlobalFlag.Setting("json")({
  flag: Flag.Boolean("json").pipe(Flag.withDefault(false)),
})
/** @category flags */
export const VerboseFlag = GlobalFlag.Setting("verbose")({
  flag: Flag.Boolean("verbose").pipe(Flag.withDefault(false)),
})
/** @category flags */
export const NoInputFlag = GlobalFlag.Setting("no-input")({
  flag: Flag.Boolean("no-input").pipe(Flag.withDefault(false)),
})
/** @category flags */
export const LangFlag = GlobalFlag.Setting("lang")({
  flag: Flag.Literals("lang", Environment.languages).pipe(Flag.optional),
})

/** @category models */
export interface CliEnvShape {
  readonly io: Io
  readonly env: Environment.Env
  /** stdin and stdout are both terminals (the app can be opened). */
  readonly interactive: boolean
  /** A terminal to draw the app on even when stdout is captured (`eval "$(soracom-auth)"`). */
  readonly terminal: boolean
  readonly profileDir: string
  /** What the run is doing, for the words of a failure: the method, an MFA code, the API in use. */
  readonly note: (attempt: Attempt) => void
}

/** @category models */
export type Attempt = Partial<Pick<ErrorContext, "method" | "mfaEntered" | "endpointUrl">>

/** @category services */
export class CliEnv extends Context.Service<CliEnv, CliEnvShape>()("@soracom-auth/tui/cli/CliEnv") {}

/** @category models */
export interface Globals {
  readonly json: boolean
  readonly verbose: boolean
  readonly noInput: boolean
  readonly lang: Environment.Language
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
  const lang = Environment.language(Option.getOrUndefined(yield* LangFlag), cli.env)
  return { json, verbose, noInput, lang, out: makeOutput({ json, io: cli.io }) }
})

/** The services a command signs in and out with: `Sessions` over the profile folder, `Api`, the cache and the profile store. @category layers */
export type SessionServices = Sessions | Api | SessionCache | ProfileStore

/** Those services for this run's profile folder, language and `--verbose` trace. @category layers */
export const sessionLayer = (cli: CliEnvShape, g: Globals): Layer.Layer<SessionServices> => {
  const base = Layer.mergeAll(
    Api.layer({
      language: g.lang,
      // Server text in the trace (text bodies, headers) is printed line by line without control characters.
      trace: g.verbose
        ? (text) => cli.io.stderr.write(`${text.split("\n").map(Sanitize.printable).join("\n")}\n`)
        : undefined,
      onEndpoint: (endpointUrl) => cli.note({ endpointUrl }),
    }),
    SessionCache.layer({ dir: cli.profileDir }),
    ProfileStore.layer({ dir: cli.profileDir }),
  )
  return Sessions.layer.pipe(Layer.provideMerge(base))
}

/**
 * Runs a command body with the global flags and the session services.
 *
 * @category running
 */
export const withSessions = <A, E, R>(body: (g: Globals, cli: CliEnvShape) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const g = yield* globals
    const cli = yield* CliEnv
    return yield* body(g, cli).pipe(Effect.provide(sessionLayer(cli, g)))
  })

/**
 * {@link withSessions} for the commands that get or end a session (`token`, `env`, `login`, `logout`): with
 * `SORACOM_SESSION_STORE`, it is shared between processes through Redis.
 *
 * @category running
 */
export const withSharedSessions = <A, E, R>(body: (g: Globals, cli: CliEnvShape) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const cli = yield* CliEnv
    return yield* withSessions(body).pipe(Effect.provide(sharedStoreLayer(cli.env)))
  })

/** `Option<A>` flags as `A | undefined`. @category getters */
export const opt = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)
