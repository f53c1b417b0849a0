/**
 * Mounts the Ink app on real streams and turns its end into an exit code. Imported lazily by `runApp`, after
 * `NO_COLOR` has been mapped to `FORCE_COLOR=0`.
 */
import { render } from "ink"
import { App, type AppResult } from "./app.tsx"
import { type AppOptions, ExitCode } from "./options.ts"

export interface Streams {
  readonly stdin: NodeJS.ReadStream
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
}

export const mount = async (options: AppOptions, streams: Streams): Promise<AppResult> => {
  let result: AppResult = { code: ExitCode.ok }
  const instance = render(<App options={options} onExit={(r) => (result = r)} />, {
    stdin: streams.stdin,
    stdout: streams.stdout,
    stderr: streams.stderr,
    exitOnCtrlC: false,
  })
  const onSignal = () => {
    result = { code: ExitCode.cancelled }
    instance.unmount()
  }
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)
  try {
    await instance.waitUntilExit()
  } finally {
    process.off("SIGINT", onSignal)
    process.off("SIGTERM", onSignal)
  }
  return result
}
