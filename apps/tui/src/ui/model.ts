/**
 * The values the screens pass around: sign-in methods, the chosen endpoint, a signed-in session. Secrets are
 * `Redacted` from the moment they leave an input, so no view can print one by accident.
 */
import type { Redacted } from "effect"
import type { CoreEndpoint } from "./core.ts"

/** @category models */
export type Method = "authKey" | "root" | "samUser"

/** One endpoint the user can pick. `baseUrl` always ends in `/v1`. @category models */
export interface Endpoint {
  readonly id: "demo" | "custom" | "jp" | "g" | "jp-sandbox" | "g-sandbox"
  readonly label: string
  readonly baseUrl: string
  /** Any sandbox (embedded or SORACOM's hosted one): not production. */
  readonly sandbox: boolean
  readonly endpoint: CoreEndpoint.Endpoint
}

/** The values of every sign-in method, each optional (secrets redacted). @category models */
export interface CredentialValues {
  readonly authKeyId?: string
  readonly authKey?: Redacted.Redacted<string>
  readonly email?: string
  readonly password?: Redacted.Redacted<string>
  readonly operatorId?: string
  readonly userName?: string
}

/** What a sign-in sends: the method, its values (secrets redacted), the lifetime and the endpoint. @category models */
export interface SignInRequest extends CredentialValues {
  readonly method: Method
  readonly mfaOtpCode?: string
  readonly tokenTimeoutSeconds: number
  readonly endpoint: Endpoint
}

/** A successful sign-in. @category models */
export interface Session {
  readonly method: Method
  readonly operatorId: string
  readonly userName?: string
  readonly apiKey: Redacted.Redacted<string>
  readonly token: Redacted.Redacted<string>
  /** Epoch milliseconds. */
  readonly expiresAt: number
  readonly endpoint: Endpoint
  /** Kept in memory so the sign-in can be saved as a profile. */
  readonly request: SignInRequest
  /** The profile it came from, if any. */
  readonly profileName?: string
}

/** A one-line message shown at the top of the next screen. @category models */
export interface Notice {
  readonly kind: "success" | "info" | "warning" | "error"
  readonly text: string
}

/** @category constants */
export const methodLabels: Record<Method, string> = {
  authKey: "AuthKey",
  root: "Root user (email + password)",
  samUser: "SAM user",
}
