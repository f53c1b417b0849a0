/**
 * Opening the interactive Ink app from a command. The UI is imported lazily so the scriptable commands never
 * load Ink or React.
 */
import { Effect } from "effect"
import type { AppOptions } from "../../ui/options.ts"
import { CliEnv } from "../context.ts"

/** Runs the app to its end and makes its exit code the process's. @category running */
export const openApp = (options: AppOptions): Effect.Effect<void, never, CliEnv> =>
  Effect.gen(function* () {
    const cli = yield* CliEnv
    const code = yield* Effect.promise(async () => {
      const { runApp } = await import("../../ui/index.tsx")
      return runApp(options)
    })
    cli.setExitCode(code)
  })
