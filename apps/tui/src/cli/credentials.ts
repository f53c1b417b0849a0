/**
 * Credentials from the command line: IDs as flags, secrets already read (stdin, a file or the environment), as
 * core's `CredentialsInput` — the app's one credentials type.
 */
import type { Credentials } from "@soracom-auth/core"
import type { Redacted } from "effect"
import type { Messages } from "../presentation/messages.ts"
import { UsageError } from "./errors.ts"

/** @category models */
export interface CredentialFlags {
  readonly authKeyId?: string | undefined
  readonly authKey?: Redacted.Redacted<string> | undefined
  readonly email?: string | undefined
  readonly operatorId?: string | undefined
  readonly userName?: string | undefined
  readonly password?: Redacted.Redacted<string> | undefined
}

const usage = (words: (m: Messages) => string) => UsageError.of(words, { flags: true })

/**
 * Credentials from the flags alone: `undefined` when no credential flag was given, a `UsageError` when they are
 * incomplete or mixed.
 *
 * @category resolution
 */
export const credentialsFromFlags = (flags: CredentialFlags): Credentials.Input | UsageError | undefined => {
  const kinds = [
    flags.authKeyId !== undefined ? "--auth-key-id" : undefined,
    flags.email !== undefined ? "--email" : undefined,
    flags.operatorId !== undefined || flags.userName !== undefined ? "--operator-id/--user-name" : undefined,
  ].filter((k) => k !== undefined)
  if (kinds.length > 1) return usage((m) => m.cli.usage.oneMethod(kinds.join(m.cli.usage.and)))
  if (flags.authKeyId !== undefined) {
    if (flags.authKey === undefined) {
      return usage((m) => m.cli.usage.authKeyIdNeedsSecret)
    }
    return { kind: "authKey", authKeyId: flags.authKeyId, authKey: flags.authKey }
  }
  if (flags.email !== undefined) {
    if (flags.password === undefined) {
      return usage((m) => m.cli.usage.emailNeedsPassword)
    }
    return { kind: "root", email: flags.email, password: flags.password }
  }
  if (flags.operatorId !== undefined || flags.userName !== undefined) {
    if (flags.operatorId === undefined || flags.userName === undefined) {
      return usage((m) => m.cli.usage.samNeedsBoth)
    }
    if (flags.password === undefined) {
      return usage((m) => m.cli.usage.userNameNeedsPassword)
    }
    return {
      kind: "samUser",
      operatorId: flags.operatorId,
      userName: flags.userName,
      password: flags.password,
    }
  }
  if (flags.authKey !== undefined) return usage((m) => m.cli.usage.secretWithoutId)
  return undefined
}
