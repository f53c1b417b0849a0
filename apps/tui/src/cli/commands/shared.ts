/** Flags and steps several commands share. */
import { type Credentials, Fields } from "@soracom-auth/core"
import { Effect, Option } from "effect"
import { Flag } from "effect/cli"
import { parseDuration } from "../../presentation/format.ts"
import type { Messages } from "../../presentation/messages.ts"
import {
  type ProfileCommandFailed,
  resolveProfileSource,
  type SourceProfileInvalid,
} from "../../profiles/credentialSource.ts"
import type { ProfileError } from "../../profiles/errors.ts"
import type { ProfileDocument } from "../../profiles/ProfileFile.ts"
import type { ProfileStoreShape } from "../../profiles/ProfileStore.ts"
import { UsageError } from "../errors.ts"

/** An optional string flag (`Option<string>`). */
export const optionalStringFlag = (name: string, description: string) =>
  Flag.String(name).pipe(Flag.optional, Flag.withDescription(description))

/** A switch, off unless given. */
export const switchFlag = (name: string, description: string) =>
  Flag.Boolean(name).pipe(Flag.withDefault(false), Flag.withDescription(description))

export const profileFlag = (m: Messages) => optionalStringFlag("profile", m.cli.flag.profile)

export const coverageFlag = (m: Messages) =>
  Flag.Literals("coverage", ["jp", "g"]).pipe(Flag.optional, Flag.withDescription(m.cli.flag.coverage))

export const endpointFlag = (m: Messages) => optionalStringFlag("endpoint", m.cli.flag.endpoint)

/** Where a command talks to: the profile, and the coverage or endpoint overriding it. */
export const endpointFlags = (m: Messages) =>
  ({ profile: profileFlag(m), coverage: coverageFlag(m), endpoint: endpointFlag(m) }) as const

/**
 * The profile when it exists. A missing profile is an error only when it was named explicitly; a profile
 * refused for its permissions is always an error (soracom-cli's message).
 */
export const readProfileIfPresent = (
  store: ProfileStoreShape,
  name: string,
  explicit: boolean,
): Effect.Effect<ProfileDocument | undefined, ProfileError> =>
  store
    .read(name)
    .pipe(
      Effect.catchTag("ProfileNotFound", (e) =>
        explicit ? Effect.fail(e) : Effect.succeed<ProfileDocument | undefined>(undefined),
      ),
    )

/** `--profile-command CMD`: soracom-cli's credential command, winning over the profile's. */
export const profileCommandFlag = (m: Messages) =>
  optionalStringFlag("profile-command", m.cli.flag.profileCommand)

/** What a profile side signs in with (see credentialSource.ts). @category models */
export interface ProfileSignIn {
  readonly credentials: Credentials.Input
  readonly mfaOtpCode?: string | undefined
  readonly switchTo?: { readonly operatorId: string; readonly userName: string } | undefined
}

/**
 * The sign-in a profile gives, with soracom-cli's precedence: `--profile-command` > the profile's
 * `profileCommand` > `sourceProfile` (switch user) > AuthKey > root > SAM user; `undefined` when there is none
 * (or no profile and no command).
 */
export const profileSignIn = (
  store: ProfileStoreShape,
  name: string,
  profile: ProfileDocument | undefined,
  profileCommand: string | undefined,
): Effect.Effect<ProfileSignIn | undefined, ProfileError | ProfileCommandFailed | SourceProfileInvalid> =>
  profile === undefined && profileCommand === undefined
    ? Effect.succeed(undefined)
    : Effect.map(
        resolveProfileSource({
          name,
          read: (n) => (n === name && profile !== undefined ? Effect.succeed(profile) : store.read(n)),
          profileCommand,
        }),
        (source): ProfileSignIn | undefined => {
          switch (source._tag) {
            case "None":
              return undefined
            case "SignIn":
              return { credentials: source.credentials, mfaOtpCode: source.mfaOtpCode }
            case "SwitchUser":
              return {
                ...source.base,
                switchTo: { operatorId: source.operatorId, userName: source.userName },
              }
          }
        },
      )

/** `--token-timeout`: seconds or a duration (`2h`, `90m`, `1h30m`). */
export const tokenTimeoutFlag = (m: Messages) =>
  optionalStringFlag("token-timeout", m.cli.flag.tokenTimeout(Fields.TOKEN_TIMEOUT.minimum))

/** The `--token-timeout` value in seconds, checked against the API's range. */
export const tokenTimeoutSeconds = (
  flag: Option.Option<string>,
): Effect.Effect<number | undefined, UsageError> => {
  if (Option.isNone(flag)) return Effect.succeed(undefined)
  const seconds = parseDuration(flag.value)
  const problem =
    seconds === undefined ? Option.some("") : Fields.check("tokenTimeoutSeconds", String(seconds))
  return Option.isNone(problem)
    ? Effect.succeed(seconds)
    : Effect.fail(
        UsageError.of(
          (m) =>
            m.cli.usage.tokenTimeout(flag.value, Fields.TOKEN_TIMEOUT.minimum, Fields.TOKEN_TIMEOUT.maximum),
          { flags: true },
        ),
      )
}
