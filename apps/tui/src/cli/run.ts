/**
 * The command tree and `runCli(argv)`: parse with effect/cli, run the handler, turn every outcome into an exit
 * code (0 ok, 1 error, 2 usage, 4 authentication failed or required, 130 cancelled) and render failures (text on
 * stderr, or JSON on stdout with `--json`).
 */
import { Effect, Fiber, FileSystem, Layer, Path, Stdio, Terminal } from "effect"
import { CliConfig, CliOutput, Command, GlobalFlag } from "effect/cli"
import { ChildProcessSpawner } from "effect/process"
import * as Profiles from "../profiles/index.ts"
import { ProfileStore } from "../profiles/ProfileStore.ts"
import { version } from "../runtime/version.ts"
import { openApp } from "./commands/app.ts"
import { login } from "./commands/login.ts"
import { logout } from "./commands/logout.ts"
import { resetPassword } from "./commands/resetPassword.ts"
import { demo, sandbox } from "./commands/sandbox.ts"
import { status } from "./commands/status.ts"
import { token } from "./commands/token.ts"
import { CliEnv, type CliEnvShape, JsonFlag, LangFlag, NoInputFlag, VerboseFlag } from "./context.ts"
import { Cancelled, describe, ExitCode, UsageError } from "./errors.ts"
import { loggingLayer } from "./logging.ts"
import { type Io, processIo, renderError } from "./output.ts"

/** @category commands */
export const root = Command.make("soracom-auth").pipe(
  Command.withDescription(
    "Sign in to the SORACOM API and manage operator passwords. Without a command, opens the interactive app.",
  ),
  Command.withSubcommands([login, token, status, logout, resetPassword, sandbox, demo]),
  Command.withGlobalFlags([JsonFlag, VerboseFlag, NoInputFlag, LangFlag]),
)

const commandNames = "login, token, status, logout, reset-password, sandbox, demo"

/** What effect/cli needs from the platform; the parser itself uses none of it for our flags. */
const cliPlatform = Layer.mergeAll(
  FileSystem.layerNoop({}),
  Path.layer,
  Stdio.layerTest({}),
  Layer.succeed(
    Terminal.Terminal,
    Terminal.make({
      columns: Effect.sync(() => process.stdout.columns ?? 80),
      rows: Effect.sync(() => process.stdout.rows ?? 24),
      size: Effect.die("no terminal input in commands"),
      readInput: Effect.die("no terminal input in commands"),
      readLine: Effect.die("no terminal input in commands"),
      display: (text) => Effect.sync(() => void process.stdout.write(text)),
    }),
  ),
  Layer.succeed(
    ChildProcessSpawner.ChildProcessSpawner,
    ChildProcessSpawner.make(() => Effect.die("commands spawn no processes")),
  ),
  CliConfig.layer({ builtIns: [GlobalFlag.Help, GlobalFlag.Version] }),
)

/** `--json` anywhere before `--` (known even when parsing fails). */
const wantsJson = (argv: ReadonlyArray<string>): boolean => {
  for (const arg of argv) {
    if (arg === "--") return false
    if (arg === "--json") return true
  }
  return false
}

/** @category models */
export interface RunOptions {
  readonly io?: Io
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly interactive?: boolean
}

/**
 * Runs one invocation to its end and resolves to the exit code. SIGINT/SIGTERM interrupt it (exit 130, or 0 for
 * `sandbox`, whose normal stop they are).
 *
 * @category running
 */
export const runCli = async (argv: ReadonlyArray<string>, options: RunOptions = {}): Promise<number> => {
  const io = options.io ?? processIo
  const env = options.env ?? process.env
  const json = wantsJson(argv)
  let exitCode: number = ExitCode.ok
  let interruptIsSuccess = false
  let usageErrors: string | undefined
  let implicitHelp: string | undefined
  const cliEnv: CliEnvShape = {
    io,
    env,
    interactive: options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true),
    profileDir: ProfileStore.defaultDir(env),
    setExitCode: (code) => {
      exitCode = code
    },
    interruptIsSuccess: () => {
      interruptIsSuccess = true
    },
  }

  // `soracom-auth` alone: the app on a terminal, else a usage error naming the commands.
  const program =
    argv.length === 0
      ? cliEnv.interactive
        ? openApp({ lang: /^ja/i.test(env.LANG ?? "") ? "ja" : "en" })
        : Effect.fail(
            new UsageError({
              message: `soracom-auth needs a terminal for the interactive app. Commands for scripts: ${commandNames} (see --help).`,
            }),
          )
      : Command.runWith(root, { version })(argv)

  const formatter = CliOutput.defaultFormatter({ colors: false })
  const presenter: CliOutput.Presenter = {
    present: (event) =>
      Effect.sync(() => {
        switch (event._tag) {
          case "Help":
            // asked for (--help) → stdout; shown because a command group got no subcommand → a usage error
            if (event.reason === "Requested") io.stdout.write(`${formatter.formatHelpDoc(event.helpDoc)}\n`)
            else implicitHelp = `${formatter.formatHelpDoc(event.helpDoc)}\n`
            return
          case "Version":
            io.stdout.write(`${event.version}\n`)
            return
          case "InvalidInvocation":
            usageErrors = event.errors.map((e) => e.message).join("\n")
            return
        }
      }),
  }

  const layer = Layer.mergeAll(
    cliPlatform,
    // Effect logs: warnings (e.g. retries) as one line on stderr, never on stdout
    loggingLayer(io),
    CliOutput.layerPresenter(presenter),
    Profiles.layer(cliEnv.profileDir),
    Layer.succeed(CliEnv, cliEnv),
  )
  const fiber = Effect.runFork(program.pipe(Effect.provide(layer)) as Effect.Effect<void, unknown>)
  const onSignal = () => {
    fiber.interruptUnsafe()
  }
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)
  const exit = await Effect.runPromise(Fiber.await(fiber))
  process.off("SIGINT", onSignal)
  process.off("SIGTERM", onSignal)

  if (exit._tag === "Success") return exitCode
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (failure === undefined) {
    if (exit.cause.reasons.some((r) => r._tag === "Interrupt")) {
      if (interruptIsSuccess) return ExitCode.ok
      renderError(describe(new Cancelled()), { json, io })
      return ExitCode.cancelled
    }
    const defect = exit.cause.reasons.find((r) => r._tag === "Die")
    renderError(describe(defect?._tag === "Die" ? defect.defect : "unknown failure"), { json, io })
    return ExitCode.error
  }
  const error = failure.error as { readonly _tag?: string }
  if (error._tag === "ShowHelp") {
    if (usageErrors === undefined && implicitHelp === undefined) return ExitCode.ok // --help
    if (usageErrors === undefined) {
      if (!json) io.stderr.write(implicitHelp ?? "")
      renderError(
        { _tag: "UsageError", message: "Choose a subcommand (see --help).", exitCode: 2 },
        { json, io },
      )
      return ExitCode.usage
    }
    renderError(
      { _tag: "UsageError", message: usageErrors, hint: "Run with --help to see the flags.", exitCode: 2 },
      { json, io },
    )
    return ExitCode.usage
  }
  const described = describe(error)
  renderError(described, { json, io })
  return described.exitCode
}
