/**
 * The ONE error table: every failure either front end can meet → what happened (`title`), what to do next
 * (`next`) and the exit code. Typed exhaustively over the error union, so a new error cannot be added without
 * its words. The commands print `title` and `next` on stderr (or `{error:{_tag,message,code?}}` with `--json`);
 * the app shows them above the screen's own menu of next steps.
 */

import type { Errors } from "@soracom-auth/core"
import { Duration } from "effect"
import type { Cancelled, InputFileError, UsageError } from "../cli/errors.ts"
import type { ProfileCommandFailed, SourceProfileInvalid } from "../profiles/credentialSource.ts"
import type { ProfileError } from "../profiles/errors.ts"
import type { NotSignedIn } from "../session/errors.ts"
import { type Method, takesMfa } from "../session/method.ts"
import { ExitCode } from "./exit-code.ts"
import { formatClock, formatLocalTime } from "./format.ts"
import { type Messages, messages } from "./messages.ts"
import { invalidReason } from "./reasons.ts"

/** An error nobody expected (a defect), in words. @category models */
export interface UnknownError {
  readonly _tag: "Unknown"
  readonly message: string
}

/** Every failure the app knows. @category models */
export type AppError =
  | Errors.SoracomAuthError
  | ProfileError
  | ProfileCommandFailed
  | SourceProfileInvalid
  | NotSignedIn
  | UsageError
  | Cancelled
  | InputFileError
  | UnknownError

/** @category models */
export interface Described {
  readonly _tag: AppError["_tag"]
  /** One sentence: what happened. */
  readonly title: string
  /** What to do next (may be empty). */
  readonly next: string
  /** SORACOM's error code, when the server sent one. */
  readonly code?: string | undefined
  readonly exitCode: ExitCode
}

/** What the user was doing, to pick the right words. @category models */
export interface ErrorContext {
  /** `cli`: next steps name flags and commands; `app`: the screen offers its own menu. */
  readonly surface: "cli" | "app"
  readonly method?: Method | undefined
  /** An MFA code was sent with the failed sign-in. */
  readonly mfaEntered?: boolean | undefined
  /** The API base URL in use, to say "SORACOM" only when it is SORACOM. */
  readonly endpointUrl?: string | undefined
  readonly now: number
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** "SORACOM" for SORACOM's own API hosts, else "the API at HOST". @category getters */
export const serverName = (endpointUrl: string | undefined, m: Messages = messages): string => {
  if (endpointUrl === undefined) return m.server.soracom
  const host = hostOf(endpointUrl)
  return /(^|\.)soracom\.io$/i.test(host.replace(/:\d+$/, "")) ? m.server.soracom : m.server.other(host)
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

type Row = Omit<Described, "_tag" | "code">
type Table = {
  readonly [K in AppError["_tag"]]: (
    error: Extract<AppError, { _tag: K }>,
    ctx: ErrorContext,
    m: Messages,
  ) => Row
}

const table: Table = {
  InvalidRequest: (e, _ctx, m) => ({
    title: invalidReason(e, m),
    next: m.error.invalidRequest.next,
    exitCode: ExitCode.usage,
  }),
  AuthFailed: (_e, ctx, m) => {
    const t = m.error.authFailed
    const server = capital(serverName(ctx.endpointUrl, m))
    const next =
      ctx.method === undefined
        ? t.nextSession
        : !takesMfa(ctx.method)
          ? t.nextAuthKey
          : ctx.mfaEntered === true
            ? t.nextWithMfa
            : ctx.surface === "cli"
              ? t.nextMaybeMfaCli
              : t.nextMaybeMfa
    return { title: t.title(server), next, exitCode: ExitCode.auth }
  },
  InvalidEmail: (_e, ctx, m) => ({
    title: m.error.invalidEmail.title(capital(serverName(ctx.endpointUrl, m))),
    next: m.error.invalidEmail.next,
    exitCode: ExitCode.error,
  }),
  InvalidToken: (_e, ctx, m) => ({
    title: m.error.invalidToken.title,
    next: ctx.surface === "cli" ? m.error.invalidToken.nextCli : m.error.invalidToken.next,
    exitCode: ExitCode.error,
  }),
  TokenExpired: (_e, ctx, m) => ({
    title: m.error.tokenExpired.title,
    next: ctx.surface === "cli" ? m.error.tokenExpired.nextCli : m.error.tokenExpired.next,
    exitCode: ExitCode.error,
  }),
  RateLimited: (e, ctx, m) => {
    const title = m.error.rateLimited.title(capital(serverName(ctx.endpointUrl, m)))
    if (e.retryAfter === undefined)
      return { title, next: m.error.rateLimited.nextUnknown, exitCode: ExitCode.error }
    const seconds = Math.max(1, Math.ceil(Duration.toSeconds(e.retryAfter)))
    return {
      title,
      next: m.error.rateLimited.nextAt(formatClock(ctx.now + seconds * 1000), seconds),
      exitCode: ExitCode.error,
    }
  },
  ServerError: (e, ctx, m) => ({
    title: m.error.serverError.title(capital(serverName(ctx.endpointUrl, m)), e.status),
    next: m.error.serverError.next,
    exitCode: ExitCode.error,
  }),
  TransportError: (e, ctx, m) => ({
    title: m.error.transport.title(
      serverName(e.endpoint, m) === m.server.soracom ? m.server.soracomAt(e.endpoint) : e.endpoint,
      m.error.transport.why[e.reason],
    ),
    next: ctx.surface === "cli" ? m.error.transport.nextCli : m.error.transport.next,
    exitCode: ExitCode.error,
  }),
  UnexpectedResponse: (e, ctx, m) => ({
    title: m.error.unexpected.title(capital(serverName(ctx.endpointUrl, m)), e.status, e.detail),
    next: m.error.unexpected.next,
    exitCode: ExitCode.error,
  }),
  SwitchUserNotAllowed: (_e, ctx, m) => ({
    title: m.error.switchUserNotAllowed.title(capital(serverName(ctx.endpointUrl, m))),
    next: m.error.switchUserNotAllowed.next,
    exitCode: ExitCode.auth,
  }),
  RenewalRefused: (_e, ctx, m) => ({
    title: m.error.renewalRefused.title(capital(serverName(ctx.endpointUrl, m))),
    next: m.error.renewalRefused.next,
    exitCode: ExitCode.auth,
  }),
  ProfilePermissionsTooOpen: (e, _ctx, m) => ({
    title: m.error.profileTooOpen.title(e.path, e.mode.toString(8), e.directory === true),
    next: m.error.profileTooOpen.next(e.path, e.directory === true),
    exitCode: ExitCode.error,
  }),
  ProfileNotFound: (e, _ctx, m) => ({
    title: m.error.profileNotFound.title(e.name, e.path),
    next: m.error.profileNotFound.next(e.name),
    exitCode: ExitCode.error,
  }),
  InvalidProfileName: (e, _ctx, m) => ({
    title: m.error.invalidProfileName.title(e.name),
    next: m.error.invalidProfileName.next,
    exitCode: ExitCode.usage,
  }),
  ProfileFileError: (e, _ctx, m) => ({
    title: m.error.profileFile.title(e.operation, e.path, e.reason),
    next: m.error.profileFile.next,
    exitCode: ExitCode.error,
  }),
  ProfileCommandFailed: (e, _ctx, m) => ({
    title: e.message,
    next: m.error.profileCommand.next,
    exitCode: ExitCode.error,
  }),
  SourceProfileInvalid: (e, _ctx, m) => ({
    title: e.message,
    next: m.error.sourceProfile.next,
    exitCode: ExitCode.usage,
  }),
  NotSignedIn: (e, _ctx, m) => ({
    title:
      e.revoked === true
        ? m.error.notSignedIn.titleRevoked(e.profile)
        : e.expiredAt === undefined
          ? m.error.notSignedIn.title(e.profile)
          : m.error.notSignedIn.titleExpired(e.profile, formatLocalTime(e.expiredAt)),
    next: m.error.notSignedIn.next,
    exitCode: ExitCode.auth,
  }),
  UsageError: (e, _ctx, m) => ({
    title: e.words?.(m) ?? e.message,
    next: e.flags === true ? m.error.usage.nextFlags : "",
    exitCode: ExitCode.usage,
  }),
  Cancelled: (_e, _ctx, m) => ({ title: m.error.cancelled.title, next: "", exitCode: ExitCode.cancelled }),
  InputFileError: (e, _ctx, m) => ({
    title: m.error.inputFile.title(e.path, e.reason),
    next: "",
    exitCode: ExitCode.error,
  }),
  Unknown: (e, _ctx, m) => ({
    title: m.error.unknown.title(e.message),
    next: m.error.unknown.next,
    exitCode: ExitCode.error,
  }),
}

/** The tags the table knows (for the guard). @category constants */
export const appErrorTags = Object.keys(table) as ReadonlyArray<AppError["_tag"]>

const known: ReadonlySet<string> = new Set(appErrorTags)

/** Anything failed or thrown → an {@link AppError}; unknown values become `Unknown` (a defect). @category constructors */
export const toAppError = (u: unknown): AppError => {
  if (typeof u === "object" && u !== null && "_tag" in u && typeof u._tag === "string" && known.has(u._tag)) {
    if (u._tag !== "Unknown" || ("message" in u && typeof u.message === "string")) return u as AppError
  }
  return { _tag: "Unknown", message: u instanceof Error ? u.message : String(u) }
}

/**
 * Any failure → what the user sees.
 *
 * @category describing
 */
export const describe = (error: unknown, ctx: ErrorContext, m: Messages = messages): Described => {
  const e = toAppError(error)
  const row = (table[e._tag] as (error: AppError, ctx: ErrorContext, m: Messages) => Row)(e, ctx, m)
  const code = "code" in e && typeof e.code === "string" ? e.code : undefined
  return { _tag: e._tag, ...row, code }
}
