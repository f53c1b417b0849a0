/**
 * Precedence, in one place: which endpoint and which credentials a command uses.
 *
 * - Credentials: flags > `SORACOM_AUTH_KEY_ID` + `SORACOM_AUTH_KEY` > the profile (`--profile`, else
 *   `SORACOM_PROFILE`, else `default`). Inside a profile, soracom-cli's order: AuthKey > root > SAM user.
 * - Endpoint: `--endpoint` > `SORACOM_ENDPOINT` > `--coverage` > `SORACOM_COVERAGE_TYPE` > the profile
 *   (`endpoint`, else `sandbox` + `coverageType`) > coverage `jp`.
 *
 * Pure functions of their inputs (flags, environment, profile) so the rules are testable without I/O.
 */
import { Endpoint } from "@soracom-auth/core"
import { Redacted } from "effect"
import type { Coverage, ProfileCredentials, ProfileFields } from "../profiles/ProfileFile.ts"

/** @category models */
export type Env = Readonly<Record<string, string | undefined>>

const nonEmpty = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === "" ? undefined : s

/** The profile a command works with: `--profile`, else `SORACOM_PROFILE`, else `default`. @category resolution */
export const profileName = (flag: string | undefined, env: Env): string =>
  nonEmpty(flag) ?? nonEmpty(env.SORACOM_PROFILE) ?? "default"

/** @category models */
export interface ResolvedEndpoint {
  readonly endpoint: Endpoint.Endpoint
  /** The API base including `/v1`. */
  readonly url: string
  /** Where it came from, for `status` and error messages. */
  readonly source:
    | "--endpoint"
    | "SORACOM_ENDPOINT"
    | "--coverage"
    | "SORACOM_COVERAGE_TYPE"
    | "profile"
    | "default"
}

const isCoverage = (s: string | undefined): s is Coverage => s === "jp" || s === "g"

/** @category resolution */
export const resolveEndpoint = (input: {
  readonly flag?: string | undefined
  readonly coverage?: Coverage | undefined
  readonly env: Env
  readonly profile?: ProfileFields | undefined
}): ResolvedEndpoint => {
  const make = (endpoint: Endpoint.Endpoint, source: ResolvedEndpoint["source"]): ResolvedEndpoint => ({
    endpoint,
    url: Endpoint.resolve(endpoint),
    source,
  })
  const flag = nonEmpty(input.flag)
  if (flag !== undefined) return make(Endpoint.url(flag), "--endpoint")
  const fromEnv = nonEmpty(input.env.SORACOM_ENDPOINT)
  if (fromEnv !== undefined) return make(Endpoint.url(fromEnv), "SORACOM_ENDPOINT")
  if (input.coverage !== undefined) return make(Endpoint.coverage(input.coverage), "--coverage")
  const envCoverage = nonEmpty(input.env.SORACOM_COVERAGE_TYPE)
  if (isCoverage(envCoverage)) return make(Endpoint.coverage(envCoverage), "SORACOM_COVERAGE_TYPE")
  const profile = input.profile
  if (profile !== undefined) {
    const url = nonEmpty(profile.endpoint)
    if (url !== undefined) return make(Endpoint.url(url), "profile")
    return make(
      Endpoint.coverage(profile.coverageType ?? "jp", { sandbox: profile.sandbox === true }),
      "profile",
    )
  }
  return make(Endpoint.coverage("jp"), "default")
}

/** Credentials given on the command line (IDs as flags, secrets already read from stdin/file/env). @category models */
export interface CredentialFlags {
  readonly authKeyId?: string | undefined
  readonly authKey?: Redacted.Redacted<string> | undefined
  readonly email?: string | undefined
  readonly operatorId?: string | undefined
  readonly userName?: string | undefined
  readonly password?: Redacted.Redacted<string> | undefined
}

/** @category models */
export interface ResolvedCredentials {
  readonly credentials: ProfileCredentials
  readonly source: "flags" | "environment" | "profile"
}

/** Credential flags that cannot be used together or are incomplete. @category models */
export interface CredentialProblem {
  readonly _tag: "CredentialProblem"
  readonly message: string
}

/**
 * Credentials from the flags alone. `undefined` when no credential flag was given; a problem when they are
 * incomplete or mixed.
 *
 * @category resolution
 */
export const credentialsFromFlags = (
  flags: CredentialFlags,
): ProfileCredentials | CredentialProblem | undefined => {
  const problem = (message: string): CredentialProblem => ({ _tag: "CredentialProblem", message })
  const kinds = [
    flags.authKeyId !== undefined ? "--auth-key-id" : undefined,
    flags.email !== undefined ? "--email" : undefined,
    flags.operatorId !== undefined || flags.userName !== undefined ? "--operator-id/--user-name" : undefined,
  ].filter((k) => k !== undefined)
  if (kinds.length > 1) return problem(`Use one sign-in method at a time, not ${kinds.join(" and ")}.`)
  if (flags.authKeyId !== undefined) {
    if (flags.authKey === undefined) {
      return problem(
        "--auth-key-id needs the secret: --auth-key-stdin, --auth-key-file FILE or SORACOM_AUTH_KEY.",
      )
    }
    return { kind: "authKey", authKeyId: flags.authKeyId, authKey: flags.authKey }
  }
  if (flags.email !== undefined) {
    if (flags.password === undefined) {
      return problem(
        "--email needs the password: --password-stdin, --password-file FILE or SORACOM_PASSWORD.",
      )
    }
    return { kind: "root", email: flags.email, password: flags.password }
  }
  if (flags.operatorId !== undefined || flags.userName !== undefined) {
    if (flags.operatorId === undefined || flags.userName === undefined) {
      return problem("A SAM user signs in with both --operator-id and --user-name.")
    }
    if (flags.password === undefined) {
      return problem(
        "--user-name needs the password: --password-stdin, --password-file FILE or SORACOM_PASSWORD.",
      )
    }
    return {
      kind: "samUser",
      operatorId: flags.operatorId,
      userName: flags.userName,
      password: flags.password,
    }
  }
  if (flags.authKey !== undefined) return problem("An AuthKey secret was given without --auth-key-id.")
  return undefined
}

/** `SORACOM_AUTH_KEY_ID` + `SORACOM_AUTH_KEY`, when both are set. @category resolution */
export const credentialsFromEnv = (env: Env): ProfileCredentials | undefined => {
  const id = nonEmpty(env.SORACOM_AUTH_KEY_ID)
  const key = nonEmpty(env.SORACOM_AUTH_KEY)
  return id !== undefined && key !== undefined
    ? { kind: "authKey", authKeyId: id, authKey: Redacted.make(key) }
    : undefined
}

/** A non-secret description of who signs in: the AuthKey ID, the email, or `OP…/user`. @category getters */
export const identityOf = (credentials: ProfileCredentials): string => {
  switch (credentials.kind) {
    case "authKey":
      return credentials.authKeyId
    case "root":
      return credentials.email
    case "samUser":
      return `${credentials.operatorId}/${credentials.userName}`
  }
}

/** @category getters */
export const methodLabel = (kind: ProfileCredentials["kind"]): string =>
  kind === "authKey" ? "AuthKey" : kind === "root" ? "root user (email + password)" : "SAM user"

/** Masks a secret, keeping its last 4 characters: `••••••••abcd`. @category getters */
export const mask = (secret: Redacted.Redacted<string> | string): string => {
  const value = typeof secret === "string" ? secret : Redacted.value(secret)
  return value.length <= 8 ? "••••" : `••••••••${value.slice(-4)}`
}
