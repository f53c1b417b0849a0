/**
 * What the screens need from the outside world, as Effect services: the session service the commands use too
 * (`Sessions`: sign in and cache, sign out, list), `UiProfiles` (the soracom-cli-compatible profile files) and
 * `PasswordReset` (the two reset requests at a chosen endpoint). Screens never build layers: the live
 * implementations are in `live.ts`; tests provide fakes.
 */

import type { Credentials, Endpoint, Errors } from "@soracom-auth/core"
import { Context, type Effect, type Redacted } from "effect"
import type { ProfileError } from "../../profiles/errors.ts"
import type { Sessions } from "../../session/Sessions.ts"
import type { EndpointChoice, Method, Session } from "../model.ts"

/** @category models */
export interface PasswordResetShape {
  readonly request: (
    endpoint: EndpointChoice,
    email: string,
  ) => Effect.Effect<void, Errors.IssuePasswordResetTokenError>
  readonly verify: (
    endpoint: EndpointChoice,
    token: Redacted.Redacted<string>,
    password: Redacted.Redacted<string>,
  ) => Effect.Effect<void, Errors.VerifyPasswordResetTokenError>
}

/** @category services */
export class PasswordReset extends Context.Service<PasswordReset, PasswordResetShape>()(
  "@soracom-auth/tui/ui/PasswordReset",
) {}

/** One profile as the Profiles screen lists it. @category models */
export interface ProfileSummary {
  readonly name: string
  /** `undefined` when the profile holds no complete credentials. */
  readonly method?: Method
  /** "keyId-…", "demo@example.com", "OP0000000001/demo-user"; never a secret. */
  readonly identity?: string
  /** Where it signs in (a base URL without `/v1`, or a coverage). */
  readonly endpoint?: Endpoint.Endpoint
  readonly tokenTimeoutSeconds?: number
  /** When its cached session expires, while it is live (epoch ms). */
  readonly liveUntil?: number
  /** Why it cannot be used (e.g. permissions too open, with soracom-cli's fix-it message). */
  readonly problem?: ProfileError
}

/** A profile's credentials, ready to sign in. @category models */
export interface ProfileSignIn {
  readonly summary: ProfileSummary
  /** `undefined` when the profile holds no complete credentials. */
  readonly credentials?: Credentials.Input
}

/** @category models */
export interface UiProfilesShape {
  /** Where the profiles live (shown on the Profiles screen). */
  readonly dir: string
  readonly list: Effect.Effect<ReadonlyArray<ProfileSummary>, ProfileError>
  /** The profile's credentials; fails with `ProfilePermissionsTooOpen` etc. */
  readonly read: (name: string) => Effect.Effect<ProfileSignIn, ProfileError>
  readonly exists: (name: string) => Effect.Effect<boolean, ProfileError>
  /**
   * Saves a session's sign-in (credentials, endpoint, lifetime) as a profile, keeping the keys the app does not
   * manage, and moves the cached session under it (so `soracom-auth token --profile NAME` reuses it).
   */
  readonly save: (name: string, session: Session) => Effect.Effect<void, ProfileError>
  readonly remove: (name: string) => Effect.Effect<boolean, ProfileError>
}

/** @category services */
export class UiProfiles extends Context.Service<UiProfiles, UiProfilesShape>()(
  "@soracom-auth/tui/ui/UiProfiles",
) {}

/** Everything the screens may require. @category models */
export type UiServices = Sessions | UiProfiles | PasswordReset
