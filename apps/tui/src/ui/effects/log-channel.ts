/**
 * Where Effect's log lines go while the app owns the terminal: not to the console (they would tear through Ink's
 * frame) but to the screen that runs the effect — core logs a warning for each retry ("Retrying the sign-in in
 * 1.2 s …"), which the spinner then shows under its label.
 */
import { Logger, LogLevel } from "effect"

/** @category models */
export interface LogChannel {
  readonly logger: Logger.Logger<unknown, void>
  readonly subscribe: (listener: (line: string) => void) => () => void
}

const text = (message: unknown): string =>
  (Array.isArray(message) ? message : [message])
    .map((part) => (typeof part === "string" ? part : String(part)))
    .join(" ")

/** @category constructors */
export const makeLogChannel = (): LogChannel => {
  const listeners = new Set<(line: string) => void>()
  return {
    logger: Logger.make((options) => {
      if (!LogLevel.isGreaterThanOrEqualTo(options.logLevel, "Warn")) return
      const line = text(options.message)
      for (const listener of listeners) listener(line)
    }),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
