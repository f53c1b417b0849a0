/**
 * What the screens need from the outside world, as two Effect services: `UiAuth` (the SORACOM Auth API at a chosen
 * endpoint) and `UiProfiles` (the soracom-cli-compatible profile store). Screens never build layers: the live
 * implementations (`live.ts`) adapt core's `SoracomAuth` and the app's `ProfileStore`; tests provide fakes.
 */
import { Context, type Effect, type Redacted } from "effect"
import type { Errors } from "../core.ts"
import type { ProfileErrorLike } from "../errors/describe-error.ts"
import type { CredentialValues, Endpoint, Method, Session, SignInRequest } from "../model.ts"

/** What a successful `/auth` returns, plus when the token expires. @category models */
export interface SignedIn {
  readonly apiKey: Redacted.Redacted<string>
  readonly token: Redacted.Redacted<string>
  readonly operatorId: string
  readonly userName?: string
  /** Epoch milliseconds. */
  readonly expiresAt: number
}

/** @category models */
export interface UiAuthShape {
  readonly signIn: (request: SignInRequest) => Effect.Effect<SignedIn, Errors.AuthError>
  readonly signOut: (session: Session) => Effect.Effect<void, Errors.LogoutError | Errors.InvalidRequest>
  readonly requestPasswordReset: (
    endpoint: Endpoint,
    email: string,
  ) => Effect.Effect<void, Errors.IssuePasswordResetTokenError>
  readonly verifyPasswordReset: (
    endpoint: Endpoint,
    token: Redacted.Redacted<string>,
    password: Redacted.Redacted<string>,
  ) => Effect.Effect<void, Errors.VerifyPasswordResetTokenError>
}

/** @category services */
export class UiAuth extends Context.Service<UiAuth, UiAuthShape>()("@soracom-auth/tui/ui/UiAuth") {}

/** One profile as the Profiles screen lists it. @category models */
export interface ProfileSummary {
  readonly name: string
  /** `undefined` when the profile holds no complete credentials. */
  readonly method?: Method
  /** "keyId-…", "root demo@example.com", "OP0000000001 / demo-user"; never a secret. */
  readonly identity?: string
  /** A base URL without `/v1`, or a coverage. */
  readonly endpoint?:
    | { readonly _tag: "Url"; readonly url: string }
    | {
        readonly _tag: "Coverage"
        readonly coverage: "jp" | "g"
        readonly sandbox: boolean
      }
  readonly tokenTimeoutSeconds?: number
  /** Why it cannot be used (e.g. permissions too open, with soracom-cli's fix-it message). */
  readonly problem?: ProfileErrorLike
}

/** A profile's credentials, ready to sign in. @category models */
export interface ProfileSignIn extends CredentialValues {
  readonly summary: ProfileSummary
  /** `undefined` when the profile holds no complete credentials. */
  readonly method?: Method
}

/** @category models */
export interface UiProfilesShape {
  /** Where the profiles live (shown on the Profiles screen). */
  readonly dir: string
  readonly list: Effect.Effect<ReadonlyArray<ProfileSummary>, ProfileErrorLike>
  /** The profile's credentials; fails with `ProfilePermissionsTooOpen` etc. */
  readonly read: (name: string) => Effect.Effect<ProfileSignIn, ProfileErrorLike>
  readonly exists: (name: string) => Effect.Effect<boolean, ProfileErrorLike>
  /** Saves a sign-in (credentials, endpoint, lifetime) as a profile; keeps the keys the app does not manage. */
  readonly save: (name: string, request: SignInRequest) => Effect.Effect<void, ProfileErrorLike>
  readonly remove: (name: string) => Effect.Effect<boolean, ProfileErrorLike>
  /**
   * Caches a session under a profile (API key, token, expiry: its own 0600 file beside the profile), so that
   * `soracom-auth token --profile NAME` reuses it; `undefined` forgets it (after signing out).
   */
  readonly cacheSession: (name: string, session: Session | undefined) => Effect.Effect<void, ProfileErrorLike>
}

/** @category services */
export class UiProfiles extends Context.Service<UiProfiles, UiProfilesShape>()(
  "@soracom-auth/tui/ui/UiProfiles",
) {}

/** Everything the screens may require. @category models */
export type UiServices = UiAuth | UiProfiles
