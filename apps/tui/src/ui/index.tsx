/**
 * The interactive `soracom-auth` app. `runApp(options)` resolves to the exit code: 0 after a normal quit, 130 after
 * Ctrl+C, 2 when there is no terminal to draw on (the app never prompts then).
 *
 * The app draws on the terminal even when stdout is captured — on stderr, else on `/dev/tty`, as fzf does — so
 * that `eval "$(soracom-auth)"` works: only the shell exports (when asked for) go to stdout.
 */

import * as Environment from "../environment.ts"
import { ExitCode } from "../presentation/exit-code.ts"
import { messages } from "../presentation/messages.ts"
import { drawingStream, keyboardStream } from "../terminal.ts"
import { applyNoColor } from "./no-color.ts"
import type { AppOptions } from "./options.ts"

export type { AppDemo, AppOptions } from "./options.ts"

/**
 * What the environment says when the caller did not: the endpoint (`SORACOM_ENDPOINT`, `SORACOM_COVERAGE_TYPE`),
 * the profile (`SORACOM_PROFILE`), the profile folder, and an AuthKey to preselect (`SORACOM_AUTH_KEY_ID`,
 * `SORACOM_AUTH_KEY`).
 *
 * @category options
 */
export const withEnvironment = (options: AppOptions, env: Environment.Env = process.env): AppOptions => {
  const resolved = Environment.endpoint({ env })
  const endpoint = options.endpoint ?? (Environment.isExplicit(resolved) ? resolved.endpoint : undefined)
  const profileName =
    options.profileName ?? (env.SORACOM_PROFILE?.trim() ? Environment.profileName(undefined, env) : undefined)
  const fromEnv = Environment.authKeyFromEnv(env)
  const authKeyId = Environment.authKeyIdFromEnv(env)
  const authKey =
    options.authKey ??
    (fromEnv !== undefined
      ? { authKeyId: fromEnv.authKeyId, authKey: fromEnv.authKey }
      : authKeyId === undefined
        ? undefined
        : { authKeyId })
  return {
    ...options,
    profileDir: options.profileDir ?? Environment.profileDir(env),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(profileName === undefined ? {} : { profileName }),
    ...(authKey === undefined ? {} : { authKey }),
  }
}

export const runApp = async (options: AppOptions = {}): Promise<number> => {
  const stdin = options.io?.stdin ?? process.stdin
  const stdout = options.io?.stdout ?? process.stdout
  const stderr = options.io?.stderr ?? process.stderr
  // `/dev/tty` only for the real process: streams given by a caller are all there is
  const real = options.io === undefined
  const screen = real ? drawingStream(stdout, stderr) : stdout.isTTY === true ? stdout : undefined
  const keyboard = real ? keyboardStream(stdin) : stdin.isTTY === true ? stdin : undefined
  if (screen === undefined || keyboard === undefined) {
    stderr.write(`${messages.ui.needsTerminal}\n`)
    return ExitCode.usage
  }
  applyNoColor()
  const { mount } = await import("./mount.tsx")
  const result = await mount(withEnvironment(options), { stdin: keyboard, stdout: screen, stderr })
  if (keyboard !== stdin) keyboard.destroy()
  if (screen !== stdout && screen !== stderr) screen.destroy()
  if (result.exports !== undefined) stdout.write(`${result.exports}\n`)
  return result.code
}
