/**
 * The command line's own failures, and the ONE table that turns any failure (ours, core's, the profile store's,
 * effect/cli's) into an exit code, a one-sentence message and a next step.
 *
 * Exit codes: 0 ok, 1 error, 2 usage, 4 authentication failed or required, 130 cancelled.
 */
import { Data } from "effect"

/** @category constants */
export const ExitCode = { ok: 0, error: 1, usage: 2, auth: 4, cancelled: 130 } as const

/** Wrong or missing flags, or input the command cannot use. @category errors */
export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

/** No usable session and no stored credentials to get one. @category errors */
export class NotSignedIn extends Data.TaggedError("NotSignedIn")<{
  readonly profile: string
  readonly expiredAt?: number | undefined
}> {
  override get message(): string {
    return this.expiredAt === undefined
      ? `Not signed in (profile "${this.profile}").`
      : `The session of profile "${this.profile}" expired at ${new Date(this.expiredAt).toLocaleString()}.`
  }
}

/** Ctrl+C / SIGTERM while a command was running. @category errors */
export class Cancelled extends Data.TaggedError("Cancelled")<{}> {
  override get message(): string {
    return "Cancelled."
  }
}

/** A file given with `--*-file` or `--seed` that cannot be read. @category errors */
export class InputFileError extends Data.TaggedError("InputFileError")<{
  readonly path: string
  readonly reason: string
}> {
  override get message(): string {
    return `Could not read ${this.path}: ${this.reason}`
  }
}

/** @category models */
export interface Described {
  readonly _tag: string
  readonly message: string
  /** SORACOM's error code, when the server sent one. */
  readonly code?: string | undefined
  /** What to do next (text output only). */
  readonly hint?: string | undefined
  readonly exitCode: number
}

const field = (e: object, key: string): unknown => (e as Record<string, unknown>)[key]
const str = (u: unknown): string | undefined => (typeof u === "string" && u !== "" ? u : undefined)

/**
 * Every failure → what the user sees. Unknown values (defects) become `InternalError` with exit 1.
 *
 * @category describing
 */
export const describe = (error: unknown): Described => {
  if (typeof error !== "object" || error === null || typeof field(error, "_tag") !== "string") {
    return {
      _tag: "InternalError",
      message: `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
      exitCode: ExitCode.error,
    }
  }
  const tag = field(error, "_tag") as string
  const message = str(field(error, "message")) ?? tag
  const code = str(field(error, "code"))
  const d = (exitCode: number, hint?: string): Described => ({ _tag: tag, message, code, hint, exitCode })
  switch (tag) {
    case "UsageError":
    case "InvalidRequest":
    case "InvalidProfileName":
      return d(ExitCode.usage, "Run with --help to see the flags.")
    case "AuthFailed":
      return d(
        ExitCode.auth,
        "Check the credentials (and --mfa-code if MFA is on for this user), then sign in again.",
      )
    case "NotSignedIn":
      return d(
        ExitCode.auth,
        "Sign in with `soracom-auth login` (or store credentials in the profile with `login --save`).",
      )
    case "Cancelled":
      return d(ExitCode.cancelled)
    case "RateLimited": {
      const after = field(error, "retryAfter")
      return d(
        ExitCode.error,
        after === undefined ? "Wait a minute, then try again." : "Wait, then try again.",
      )
    }
    case "TransportError":
      return d(
        ExitCode.error,
        "Check the endpoint (--endpoint, SORACOM_ENDPOINT) and the network, then retry.",
      )
    case "ServerError":
      return d(ExitCode.error, "SORACOM had a problem; try again in a moment.")
    case "InvalidEmail":
      return d(ExitCode.error, "Check the email address.")
    case "InvalidToken":
      return d(ExitCode.error, "That token is not valid. Request a new one with `reset-password request`.")
    case "TokenExpired":
      return d(ExitCode.error, "That token has expired. Request a new one with `reset-password request`.")
    case "SwitchUserNotAllowed":
      return d(ExitCode.auth, "The target user's trust policy must list the user you signed in as.")
    case "RenewalRefused":
      return d(ExitCode.auth, "Sign in again with `soracom-auth login`.")
    case "ProfilePermissionsTooOpen":
      return d(ExitCode.error)
    case "ProfileNotFound":
      return d(ExitCode.error)
    default:
      return d(ExitCode.error)
  }
}
