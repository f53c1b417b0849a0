/**
 * Mounts the Ink app on real streams with the live runtime and turns its end into an exit code. Imported lazily by
 * `runApp`, after `NO_COLOR` has been mapped to `FORCE_COLOR=0`.
 */
import { render } from "ink"
import * as Environment from "../environment.ts"
import { ExitCode } from "../presentation/exit-code.ts"
import { chooseLanguage } from "../presentation/messages.ts"
import { App, type AppResult } from "./app.tsx"
import { lazyRuntime } from "./effects/lazy-runtime.ts"
import { makeLogChannel } from "./effects/log-channel.ts"
import type { AppOptions } from "./options.ts"

export interface Streams {
  readonly stdin: NodeJS.ReadStream
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
}

export const mount = async (options: AppOptions, streams: Streams): Promise<AppResult> => {
  if (options.lang !== undefined) chooseLanguage(options.lang)
  const profileDir = options.profileDir ?? Environment.profileDir(process.env)
  const logs = makeLogChannel()
  const runtime = lazyRuntime(
    async () => {
      // One module each: importing the "effect" barrel dynamically keeps every export of it alive, so the
      // bundle's shared chunk would load all of Effect on every CLI start.
      const [Layer, Logger, ManagedRuntime] = await Promise.all([
        import("effect/Layer"),
        import("effect/Logger"),
        import("effect/ManagedRuntime"),
      ])
      const { uiLayer } = await import("./effects/live.ts")
      // Log lines go to the screen, never to the console under Ink.
      const layer = Layer.merge(uiLayer({ profileDir, language: options.lang }), Logger.layer([logs.logger]))
      return ManagedRuntime.make(layer)
    },
    Date.now,
    logs.subscribe,
  )
  let result: AppResult = { code: ExitCode.ok }
  const instance = render(
    <App options={options} runtime={runtime} profileDir={profileDir} onExit={(r) => (result = r)} />,
    {
      stdin: streams.stdin,
      stdout: streams.stdout,
      stderr: streams.stderr,
      exitOnCtrlC: false,
      // runApp mounts only on a terminal: a CI variable left in the user's shell (or set by a CI job driving a
      // real terminal) must not turn the app into a printer of one final frame.
      interactive: true,
    },
  )
  // The first frame is out: load core, the HTTP client and the profile store while the user reads it.
  setTimeout(runtime.preload, 0)
  // Ctrl+C arrives as a key in raw mode; a signal (kill -INT, a closing terminal) ends the app the same way.
  const onSignal = () => {
    result = { code: ExitCode.cancelled }
    instance.unmount()
  }
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)
  process.once("SIGHUP", onSignal)
  try {
    await instance.waitUntilExit()
  } finally {
    process.off("SIGINT", onSignal)
    process.off("SIGTERM", onSignal)
    process.off("SIGHUP", onSignal)
    await runtime.dispose()
  }
  return result
}
