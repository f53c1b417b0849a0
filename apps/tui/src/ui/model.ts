/**
 * The values the screens pass around: the endpoint choices, what a sign-in sends, and a signed-in session.
 * Credentials are core's `CredentialsInput` (the app's one credentials type); the session is the session
 * service's `CachedSession`. Secrets are `Redacted` from the moment they leave an input, so no view can print one
 * by accident.
 */
import type { Credentials, Endpoint } from "@soracom-auth/core"
import type { CachedSession } from "../session/SessionCache.ts"

export type { Method } from "../session/method.ts"

/** One endpoint the user can pick. `baseUrl` always ends in `/v1`. @category models */
export interface EndpointChoice {
  readonly id: "demo" | "custom" | "jp" | "g" | "jp-sandbox" | "g-sandbox"
  readonly label: string
  readonly baseUrl: string
  /** Any sandbox (embedded or SORACOM's hosted one): not production. */
  readonly sandbox: boolean
  readonly endpoint: Endpoint.Endpoint
}

/** What a sign-in sends: credentials, MFA code, lifetime and the endpoint. @category models */
export interface SignInRequest {
  readonly credentials: Credentials.Input
  readonly mfaOtpCode?: string
  readonly tokenTimeoutSeconds: number
  readonly endpoint: EndpointChoice
}

/** A successful sign-in, cached under `profileName`. @category models */
export interface Session {
  readonly profileName: string
  readonly cached: CachedSession
  readonly endpoint: EndpointChoice
  /** Kept in memory so the sign-in can be saved as a profile. */
  readonly request: SignInRequest
  /**
   * A switched user's session (not cached under the profile): saving, signing out and switching again would act on
   * the profile's own session, so the screen offers none of them.
   */
  readonly switched?: true
}

/** When a session's token expires (epoch ms). @category getters */
export const expiresAt = (session: Session): number => session.cached.session.expiresAt.epochMilliseconds

/** A one-line message shown at the top of the next screen. @category models */
export interface Notice {
  readonly kind: "success" | "info" | "warning" | "error"
  readonly text: string
}
