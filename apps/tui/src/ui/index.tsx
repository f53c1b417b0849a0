/**
 * The interactive `soracom-auth` app. `runApp(options)` resolves to the exit code: 0 after a normal quit, 130 after
 * Ctrl+C, 2 when stdin or stdout is not a terminal (the app never prompts then).
 */
import { applyNoColor } from "./no-color.ts"
import { type AppOptions, ExitCode } from "./options.ts"

export type { AppDemo, AppEndpoint, AppOptions } from "./options.ts"
export { ExitCode } from "./options.ts"

const notATerminal = (stream: { readonly isTTY?: boolean }) => stream.isTTY !== true

const nonEmpty = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim())

/**
 * What the environment says when the caller did not: `SORACOM_ENDPOINT` (a base URL without `/v1`), else
 * `SORACOM_COVERAGE_TYPE` (`jp` | `g`), for the endpoint; `SORACOM_PROFILE` for the profile to preselect.
 *
 * @category options
 */
export const withEnvironment = (options: AppOptions, env: NodeJS.ProcessEnv = process.env): AppOptions => {
  const url = nonEmpty(env.SORACOM_ENDPOINT)
  const coverage = nonEmpty(env.SORACOM_COVERAGE_TYPE)
  const endpoint: AppOptions["endpoint"] =
    options.endpoint ??
    (url !== undefined
      ? { _tag: "Url", url }
      : coverage === "jp" || coverage === "g"
        ? { _tag: "Coverage", coverage }
        : undefined)
  const profileName = options.profileName ?? nonEmpty(env.SORACOM_PROFILE)
  return {
    ...options,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(profileName === undefined ? {} : { profileName }),
  }
}

export const runApp = async (options: AppOptions = {}): Promise<number> => {
  const stdin = options.io?.stdin ?? process.stdin
  const stdout = options.io?.stdout ?? process.stdout
  const stderr = options.io?.stderr ?? process.stderr
  if (notATerminal(stdin) || notATerminal(stdout)) {
    stderr.write(
      "soracom-auth: the interactive app needs a terminal. Use `soracom-auth login --help` " +
        "(secrets from --auth-key-stdin / --password-stdin or SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY).\n",
    )
    return ExitCode.usage
  }
  applyNoColor()
  const { mount } = await import("./mount.tsx")
  const result = await mount(withEnvironment(options), { stdin, stdout, stderr })
  if (result.exports !== undefined) stdout.write(`${result.exports}\n`)
  return result.code
}
