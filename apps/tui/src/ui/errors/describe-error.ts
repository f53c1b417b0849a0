/**
 * Every error the app can meet, in plain words: one sentence saying what happened and one saying what to do next.
 * The screens add their own menus of next steps; this table is the words.
 */
import { Duration } from "effect"
import { Errors } from "../core.ts"
import type { Method } from "../model.ts"

/** @category models */
export interface ErrorText {
  readonly title: string
  readonly next: string
}

/** The profile store's errors, by shape (they carry their own fix-it message). @category models */
export interface ProfileErrorLike {
  readonly _tag: "ProfilePermissionsTooOpen" | "ProfileNotFound" | "InvalidProfileName" | "ProfileFileError"
  readonly message: string
}

/** An error the UI did not expect: a defect. @category models */
export interface UnknownError {
  readonly _tag: "Unknown"
  readonly message: string
}

/** @category models */
export type UiError = Errors.SoracomAuthError | ProfileErrorLike | UnknownError

/** What the user was doing, to pick the right next step. @category models */
export interface ErrorContext {
  readonly method?: Method
  readonly now: number
}

const clock = (at: number) => {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** @category getters */
export const describeError = (error: UiError, context: ErrorContext): ErrorText => {
  switch (error._tag) {
    case "InvalidRequest":
      return { title: error.reason, next: "Correct it and try again." }
    case "AuthFailed":
      return {
        title: "The credentials were not accepted.",
        next:
          context.method === "authKey"
            ? "Check the AuthKey ID and secret, then try again."
            : context.method === undefined
              ? "Sign in again."
              : "Check them and try again, or add an MFA code if your account uses MFA.",
      }
    case "InvalidEmail":
      return { title: "SORACOM did not accept that email address.", next: "Check it and try again." }
    case "InvalidToken":
      return { title: "That token is not valid.", next: "Request a new one." }
    case "TokenExpired":
      return { title: "That token has expired.", next: "Request a new one." }
    case "SwitchUserNotAllowed":
      return {
        title: "SORACOM does not allow switching to that user.",
        next: "Ask the target user's administrator to add you to its trust policy, or choose another user.",
      }
    case "RenewalRefused":
      return { title: "SORACOM refused to renew the session.", next: "Sign in again." }
    case "RateLimited": {
      if (error.retryAfter === undefined) {
        return {
          title: "SORACOM is limiting requests from this address (too many attempts).",
          next: "Wait a minute, then try again.",
        }
      }
      const seconds = Math.max(1, Math.ceil(Duration.toSeconds(error.retryAfter)))
      return {
        title: "SORACOM is limiting requests from this address (too many attempts).",
        next: `Try again after ${clock(context.now + seconds * 1000)} (in ${seconds} s).`,
      }
    }
    case "ServerError":
      return {
        title: `SORACOM had a problem on its side (HTTP ${error.status}).`,
        next: "Try again in a moment.",
      }
    case "TransportError": {
      const why = {
        ConnectionRefused: "the connection was refused",
        ConnectionReset: "the connection was reset",
        DnsFailure: "the host name could not be resolved",
        Timeout: "it did not answer in time",
        Aborted: "the request was aborted",
        NotBuilt: "the request could not be built",
        Unknown: "no response arrived",
      }[error.reason]
      return {
        title: `Could not reach ${error.endpoint}: ${why}.`,
        next: "Check your network connection and the endpoint, then try again or choose another endpoint.",
      }
    }
    case "UnexpectedResponse":
      return {
        title: `SORACOM answered with something this app does not understand (HTTP ${error.status}: ${error.detail}).`,
        next: "Try again; if it keeps happening, run `soracom-auth login --verbose` and report the trace.",
      }
    case "ProfilePermissionsTooOpen":
    case "ProfileNotFound":
    case "InvalidProfileName":
    case "ProfileFileError": {
      const [first, ...rest] = error.message.split("\n")
      const fallback = {
        ProfilePermissionsTooOpen: "Make the file private (chmod 600), then try again.",
        ProfileNotFound: "Choose another profile.",
        InvalidProfileName: "Use letters, digits, '.', '_' and '-'.",
        ProfileFileError: "Check the profile directory (permissions, free space), then try again.",
      }[error._tag]
      return { title: first ?? error.message, next: rest.join("\n") || fallback }
    }
    case "Unknown":
      return { title: `Something unexpected went wrong: ${error.message}`, next: "Try again." }
  }
}

const profileErrorTags: ReadonlySet<string> = new Set<ProfileErrorLike["_tag"]>([
  "ProfilePermissionsTooOpen",
  "ProfileNotFound",
  "InvalidProfileName",
  "ProfileFileError",
])

const isProfileError = (u: unknown): u is ProfileErrorLike =>
  typeof u === "object" &&
  u !== null &&
  "_tag" in u &&
  typeof u._tag === "string" &&
  profileErrorTags.has(u._tag)

/** Turns anything thrown or failed into a {@link UiError}: core's errors and the profile store's pass through. @category constructors */
export const toUiError = (u: unknown): UiError =>
  Errors.isSoracomAuthError(u) || isProfileError(u)
    ? u
    : { _tag: "Unknown", message: u instanceof Error ? u.message : String(u) }
