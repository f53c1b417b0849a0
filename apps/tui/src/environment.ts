/**
 * Everything the app reads from the environment, in one place: the message language, the profile folder and
 * name, the endpoint, and AuthKey credentials. Pure functions of their inputs (flags, variables, a profile), so
 * the precedence rules are testable without I/O; no import beyond types and `Redacted`, so the app's first frame
 * pays nothing for them.
 *
 * - Language: `--lang` > `SORACOM_LANG` > `LC_ALL` > `LC_MESSAGES` > `LANG` (POSIX order) > `en`.
 * - Profile folder: `SORACOM_PROFILE_DIR` > `~/.soracom` (soracom-cli's rule).
 * - Profile: `--profile` > `SORACOM_PROFILE` > `default`.
 * - Endpoint.Endpoint: `--endpoint` > `SORACOM_ENDPOINT` > `--coverage` > `SORACOM_COVERAGE_TYPE` > the profile
 *   (`endpoint`, else `sandbox` + `coverageType`) > coverage `jp`.
 * - Credentials: flags > `SORACOM_AUTH_KEY_ID` + `SORACOM_AUTH_KEY` > the profile.
 * - Shared session store: `SORACOM_SESSION_STORE` (`redis://` or `rediss://`), its password
 *   `SORACOM_SESSION_STORE_PASSWORD` > the URL's.
 */
import { homedir } from "node:os"
import { join } from "node:path"
import type { Credentials, Endpoint } from "@soracom-auth/core"
import { Redacted } from "effect"

/** @category models */
export type Env = Readonly<Record<string, string | undefined>>

/** The languages of the app's messages (and SORACOM's, through `X-Soracom-Lang`). @category models */
export type Language = "en" | "ja"

/** @category constants */
export const languages: ReadonlyArray<Language> = ["en", "ja"]

const nonEmpty = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === "" ? undefined : s.trim()

/** A locale such as `ja_JP.UTF-8` or `ja` → `ja`; anything else → `en`. */
const fromLocale = (locale: string): Language => (/^ja(?:$|[_.@-])/i.test(locale) ? "ja" : "en")

/**
 * The one language resolver: `--lang`, else `SORACOM_LANG`, else the first set of `LC_ALL`, `LC_MESSAGES`,
 * `LANG` (as POSIX looks them up), else `en`.
 *
 * @category resolution
 */
export const language = (flag: string | undefined, env: Env): Language => {
  const explicit = nonEmpty(flag) ?? nonEmpty(env.SORACOM_LANG)
  if (explicit !== undefined) return fromLocale(explicit)
  const locale = nonEmpty(env.LC_ALL) ?? nonEmpty(env.LC_MESSAGES) ?? nonEmpty(env.LANG)
  return locale === undefined ? "en" : fromLocale(locale)
}

/**
 * The `--lang` value on a command line (`--lang ja`, `--lang=ja`), read before the parser runs so that even a
 * parse error is reported in the chosen language; anything but `en`/`ja` is left to the parser to reject.
 *
 * @category resolution
 */
export const langFlag = (argv: ReadonlyArray<string>): Language | undefined => {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--") return undefined
    const value = arg === "--lang" ? argv[i + 1] : arg?.startsWith("--lang=") ? arg.slice(7) : undefined
    if (value === "en" || value === "ja") return value
  }
  return undefined
}

/** `SORACOM_PROFILE_DIR`, else `~/.soracom` (soracom-cli's rule). @category resolution */
export const profileDir = (env: Env): string =>
  nonEmpty(env.SORACOM_PROFILE_DIR) ?? join(homedir(), ".soracom")

/** The profile a command works with: `--profile`, else `SORACOM_PROFILE`, else `default`. @category resolution */
export const profileName = (flag: string | undefined, env: Env): string =>
  nonEmpty(flag) ?? nonEmpty(env.SORACOM_PROFILE) ?? "default"

/** Where an endpoint came from (for messages). @category models */
export type EndpointSource =
  | "--endpoint"
  | "SORACOM_ENDPOINT"
  | "--coverage"
  | "SORACOM_COVERAGE_TYPE"
  | "profile"
  | "default"

/** @category models */
export interface ResolvedEndpoint {
  readonly endpoint: Endpoint.Endpoint
  readonly source: EndpointSource
}

/** The endpoint fields of a soracom-cli profile. @category models */
export interface ProfileEndpoint {
  readonly endpoint?: string | undefined
  readonly coverageType?: Endpoint.Coverage | undefined
  readonly sandbox?: boolean | undefined
}

const isCoverage = (s: string | undefined): s is Endpoint.Coverage => s === "jp" || s === "g"
const url = (u: string): Endpoint.Endpoint => ({ _tag: "Url", url: u })
const coverage = (c: Endpoint.Coverage, sandbox = false): Endpoint.Endpoint => ({
  _tag: "Coverage",
  coverage: c,
  sandbox,
})

/** @category resolution */
export const endpoint = (input: {
  readonly flag?: string | undefined
  readonly coverage?: Endpoint.Coverage | undefined
  readonly env: Env
  readonly profile?: ProfileEndpoint | undefined
}): ResolvedEndpoint => {
  const flag = nonEmpty(input.flag)
  if (flag !== undefined) return { endpoint: url(flag), source: "--endpoint" }
  const fromEnv = nonEmpty(input.env.SORACOM_ENDPOINT)
  if (fromEnv !== undefined) return { endpoint: url(fromEnv), source: "SORACOM_ENDPOINT" }
  if (input.coverage !== undefined) return { endpoint: coverage(input.coverage), source: "--coverage" }
  const envCoverage = nonEmpty(input.env.SORACOM_COVERAGE_TYPE)
  if (isCoverage(envCoverage)) return { endpoint: coverage(envCoverage), source: "SORACOM_COVERAGE_TYPE" }
  const profile = input.profile
  if (profile !== undefined) {
    const fromProfile = nonEmpty(profile.endpoint)
    return {
      endpoint:
        fromProfile !== undefined
          ? url(fromProfile)
          : coverage(profile.coverageType ?? "jp", profile.sandbox === true),
      source: "profile",
    }
  }
  return { endpoint: coverage("jp"), source: "default" }
}

/** Whether the endpoint was chosen by the caller (flag or variable), not by a profile or the default. @category guards */
export const isExplicit = (resolved: ResolvedEndpoint): boolean =>
  resolved.source !== "profile" && resolved.source !== "default"

/** `SORACOM_AUTH_KEY_ID` + `SORACOM_AUTH_KEY`, when both are set. @category resolution */
export const authKeyFromEnv = (
  env: Env,
):
  | (Extract<Credentials.Input, { kind: "authKey" }> & { readonly authKey: Redacted.Redacted<string> })
  | undefined => {
  const id = nonEmpty(env.SORACOM_AUTH_KEY_ID)
  const key = env.SORACOM_AUTH_KEY
  return id !== undefined && key !== undefined && key.trim() !== ""
    ? { kind: "authKey", authKeyId: id, authKey: Redacted.make(key) }
    : undefined
}

/** `SORACOM_AUTH_KEY_ID` alone (to prefill the app's AuthKey ID field). @category resolution */
export const authKeyIdFromEnv = (env: Env): string | undefined => nonEmpty(env.SORACOM_AUTH_KEY_ID)

/** Where sessions are shared between processes: Redis, credentials kept apart from the URL. @category models */
export interface SessionStore {
  /** `redis[s]://host:port[/db]`, without user or password (a URL ends up in messages). */
  readonly url: string
  readonly username?: string | undefined
  readonly password?: Redacted.Redacted<string> | undefined
}

/**
 * `SORACOM_SESSION_STORE` (`redis://[user[:password]@]host:port[/db]` or `rediss://…`) and
 * `SORACOM_SESSION_STORE_PASSWORD` (wins over the URL's password); `"Invalid"` for anything else (the value is
 * never repeated: it may hold a password), undefined when unset.
 *
 * @category resolution
 */
export const sessionStore = (env: Env): SessionStore | "Invalid" | undefined => {
  const raw = nonEmpty(env.SORACOM_SESSION_STORE)
  if (raw === undefined) return undefined
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    return "Invalid"
  }
  if ((parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") || parsed.hostname === "")
    return "Invalid"
  const decoded = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  const password =
    env.SORACOM_SESSION_STORE_PASSWORD ?? (parsed.password === "" ? undefined : decoded(parsed.password))
  return {
    url: `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`,
    username: parsed.username === "" ? undefined : decoded(parsed.username),
    password: password === undefined || password === "" ? undefined : Redacted.make(password),
  }
}
