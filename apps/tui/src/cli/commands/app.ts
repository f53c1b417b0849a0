/**
 * Opening the interactive Ink app from a command. The UI is imported lazily so the scriptable commands never
 * load Ink or React.
 */
import { Effect } from "effect"
import type { AppOptions } from "../../ui/options.ts"
import { AppExited } from "../errors.ts"

/** Runs the app to its end; a non-zero end fails with `AppExited` carrying its code. @category running */
export const openApp = (options: AppOptions): Effect.Effect<void, AppExited> =>
  Effect.promise(async () => {
    const { runApp } = await import("../../ui/index.tsx")
    return runApp(options)
  }).pipe(Effect.flatMap((code) => (code === 0 ? Effect.void : Effect.fail(new AppExited({ code })))))
