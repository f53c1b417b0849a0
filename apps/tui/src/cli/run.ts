/**
 * The command tree and `runCli(argv)`: parse with effect/cli, run the handler, and turn its `Exit` into an exit
 * code and a rendered failure (text on stderr, or JSON on stdout with `--json`) through the one error table.
 */
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect, Exit, Fiber, Layer } from "effect"
import { CliConfig, type CliError, CliOutput, Command, GlobalFlag, type HelpDoc } from "effect/cli"
import * as Environment from "../environment.ts"
import { describe } from "../presentation/errors.ts"
import { ExitCode } from "../presentation/exit-code.ts"
import { chooseLanguage, type Messages, messagesFor } from "../presentation/messages.ts"
import * as Terminal from "../terminal.ts"
import { version } from "../version.ts"
import { openApp } from "./commands/app.ts"
import { completion } from "./commands/completion.ts"
import { login } from "./commands/login.ts"
import { resetPassword } from "./commands/resetPassword.ts"
import { demo, sandbox } from "./commands/sandbox.ts"
import { logout, profiles, status } from "./commands/session.ts"
import { switchUser } from "./commands/switchUser.ts"
import { env, token } from "./commands/token.ts"
import {
  type Attempt,
  CliEnv,
  type CliEnvShape,
  JsonFlag,
  LangFlag,
  NoInputFlag,
  VerboseFlag,
} from "./context.ts"
import { Cancelled, UsageError } from "./errors.ts"
import { formatHelp } from "./help.ts"
import { loggingLayer } from "./logging.ts"
import { type Io, processIo, renderError } from "./output.ts"
import { parseErrorWords } from "./parseErrors.ts"

/**
 * The command tree in the words of `m`: built at run time, once the language is known, so `--help` and every
 * flag's description follow it.
 *
 * @category commands
 */
export const root = (m: Messages) => {
  const tree = Command.make("soracom-auth").pipe(
    Command.withDescription(m.cli.root.description),
    Command.withSubcommands([
      login(m),
      token(m),
      env(m),
      status(m),
      logout(m),
      switchUser(m),
      profiles(m),
      resetPassword(m),
      sandbox(m),
      demo(m),
      completion(m, (): Command.Command.Any => tree),
    ]),
    Command.withGlobalFlags([JsonFlag, VerboseFlag, NoInputFlag, LangFlag]),
    Command.withExamples([
      { command: "soracom-auth", description: m.cli.root.example.app },
      { command: 'eval "$(soracom-auth)"', description: m.cli.root.example.eval },
      { command: "soracom-auth demo", description: m.cli.root.example.demo },
    ]),
  )
  return tree
}

const commandNames =
  "login, token, env, status, logout, switch-user, profiles, reset-password, sandbox, demo, completion"

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
  readonly env?: Environment.Env
  readonly interactive?: boolean
  readonly terminal?: boolean
}

/** What effect/cli presented instead of running a command (help, a version, parse errors). */
type Presented =
  | { readonly _tag: "RequestedHelp" }
  | { readonly _tag: "ImplicitHelp"; readonly text: string }
  | { readonly _tag: "InvalidInvocation"; readonly errors: ReadonlyArray<CliError.NonShowHelpErrors> }

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
  // what the command was doing when it failed, for the words of the failure
  const attempt: Attempt = {}
  const cliEnv: CliEnvShape = {
    io,
    env,
    interactive: options.interactive ?? (process.stdin.isTTY === true && process.stdout.isTTY === true),
    terminal: options.terminal ?? Terminal.available(),
    profileDir: Environment.profileDir(env),
    note: (a) => Object.assign(attempt, a),
  }
  const lang = Environment.language(Environment.langFlag(argv), env)
  chooseLanguage(lang)
  const m = messagesFor(lang)

  // `soracom-auth` alone: the app on a terminal (drawn on it even when stdout is captured), else a usage error.
  const program =
    argv.length === 0
      ? cliEnv.terminal
        ? openApp({ lang })
        : Effect.fail(UsageError.of((m) => m.cli.usage.needsTerminal(commandNames)))
      : Command.runWith(root(m), { version })(argv)

  // effect/cli reports help, versions and parse errors through a presenter; the one thing this run remembers.
  let presented: Presented | undefined
  const help = (doc: HelpDoc.HelpDoc) => `${formatHelp(doc, m, { colors: false })}\n`
  const presenter: CliOutput.Presenter = {
    present: (event) =>
      Effect.sync(() => {
        switch (event._tag) {
          case "Help":
            // asked for (--help) → stdout; shown because a command group got no subcommand → a usage error
            if (event.reason === "Requested") {
              io.stdout.write(help(event.helpDoc))
              presented = { _tag: "RequestedHelp" }
            } else presented = { _tag: "ImplicitHelp", text: help(event.helpDoc) }
            return
          case "Version":
            io.stdout.write(`${event.version}\n`)
            return
          case "InvalidInvocation":
            presented = { _tag: "InvalidInvocation", errors: event.errors }
            return
        }
      }),
  }

  const layer = Layer.mergeAll(
    NodeServices.layer,
    CliConfig.layer({ builtIns: [GlobalFlag.Help, GlobalFlag.Version] }),
    // Effect logs: warnings (e.g. retries) as one line on stderr, never on stdout
    loggingLayer(io, m),
    CliOutput.layerPresenter(presenter),
    Layer.succeed(CliEnv, cliEnv),
  )
  const fiber = Effect.runFork(program.pipe(Effect.provide(layer)))
  const onSignal = () => fiber.interruptUnsafe()
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)
  const exit = await Effect.runPromise(Fiber.await(fiber))
  process.off("SIGINT", onSignal)
  process.off("SIGTERM", onSignal)

  const ctx = { surface: "cli" as const, now: Date.now(), ...attempt }
  const report = (error: unknown): number => {
    // --json is for programs: the same words whatever the language
    const described = json ? describe(error, ctx, messagesFor("en")) : describe(error, ctx)
    renderError(described, { json, io })
    return described.exitCode
  }
  if (Exit.isSuccess(exit)) return ExitCode.ok
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (failure === undefined) {
    if (exit.cause.reasons.some((r) => r._tag === "Interrupt")) {
      // `sandbox` runs until a signal: that is its normal end
      return argv[0] === "sandbox" ? ExitCode.ok : report(new Cancelled())
    }
    const defect = exit.cause.reasons.find((r) => r._tag === "Die")
    return report(defect?._tag === "Die" ? defect.defect : "unknown failure")
  }
  const error = failure.error
  if (error._tag === "AppExited") return error.code
  if (error._tag === "ShowHelp") {
    switch (presented?._tag) {
      case undefined:
      case "RequestedHelp":
        return ExitCode.ok
      case "ImplicitHelp":
        if (!json) io.stderr.write(presented.text)
        return report(UsageError.of((m) => m.cli.usage.chooseSubcommand))
      case "InvalidInvocation": {
        const errors = presented.errors
        return report(
          UsageError.of((m) => errors.map((e) => parseErrorWords(m, e)).join("\n"), { flags: true }),
        )
      }
    }
  }
  return report(error)
}
