/**
 * From a profile to a sign-in: the request it makes, or the sign-in form prefilled with it.
 */
import { Fields } from "@soracom-auth/core"
import { Redacted } from "effect"
import type { ProfileSignIn, ProfileSummary } from "../effects/services.ts"
import { endpointOf } from "../endpoints.ts"
import type { EndpointChoice, SignInRequest } from "../model.ts"
import type { PlainValues, SignInPrefill, SignInState } from "../sign-in/use-sign-in-state.ts"

/** The endpoint a profile uses: its own, else the app's default. @category getters */
export const profileEndpoint = (
  summary: ProfileSummary,
  choices: ReadonlyArray<EndpointChoice>,
): EndpointChoice => (summary.endpoint === undefined ? choices[0]! : endpointOf(summary.endpoint, choices))

/** @category constructors */
export const requestOf = (
  profile: ProfileSignIn,
  choices: ReadonlyArray<EndpointChoice>,
): SignInRequest | undefined =>
  profile.credentials === undefined
    ? undefined
    : {
        credentials: profile.credentials,
        tokenTimeoutSeconds: profile.summary.tokenTimeoutSeconds ?? Fields.TOKEN_TIMEOUT.default,
        endpoint: profileEndpoint(profile.summary, choices),
      }

/** The sign-in form filled from a profile (secrets included, never shown), opening at `startAt`. @category constructors */
export const prefillOf = (
  summary: ProfileSummary,
  profile: ProfileSignIn | undefined,
  choices: ReadonlyArray<EndpointChoice>,
  startAt: "Method" | "Mfa" | "Review",
): SignInPrefill => {
  const c = profile?.credentials
  const method = c?.kind ?? summary.method
  const values: PlainValues =
    c === undefined
      ? {}
      : c.kind === "authKey"
        ? { authKeyId: c.authKeyId }
        : c.kind === "root"
          ? { email: c.email }
          : { operatorId: c.operatorId, userName: c.userName }
  const secret = c === undefined ? undefined : c.kind === "authKey" ? c.authKey : c.password
  const redacted = secret === undefined || Redacted.isRedacted(secret) ? secret : Redacted.make(secret)
  const secrets: SignInState["secrets"] =
    c === undefined || redacted === undefined
      ? {}
      : c.kind === "authKey"
        ? { authKey: redacted }
        : { password: redacted }
  return {
    ...(method === undefined ? {} : { method }),
    values,
    secrets,
    ...(summary.tokenTimeoutSeconds === undefined
      ? {}
      : { tokenTimeoutSeconds: summary.tokenTimeoutSeconds }),
    endpoint: profileEndpoint(summary, choices),
    startAt: method === undefined ? "Method" : startAt,
    profileName: summary.name,
  }
}
