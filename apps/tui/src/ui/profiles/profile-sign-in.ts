/**
 * From a profile to a sign-in: the request it makes, or the sign-in form prefilled with it.
 */
import { Fields } from "../core.ts"
import { endpointOf } from "../endpoints.ts"
import type { Endpoint, SignInRequest } from "../model.ts"
import type { ProfileSignIn, ProfileSummary } from "../runtime/services.ts"
import type { SignInPrefill } from "../sign-in/use-sign-in-state.ts"

/** The endpoint a profile uses: its own, else the app's default. @category getters */
export const profileEndpoint = (summary: ProfileSummary, choices: ReadonlyArray<Endpoint>): Endpoint =>
  summary.endpoint === undefined ? choices[0]! : endpointOf(summary.endpoint, choices)

/** @category constructors */
export const requestOf = (
  profile: ProfileSignIn,
  choices: ReadonlyArray<Endpoint>,
): SignInRequest | undefined =>
  profile.method === undefined
    ? undefined
    : {
        method: profile.method,
        tokenTimeoutSeconds: profile.summary.tokenTimeoutSeconds ?? Fields.TOKEN_TIMEOUT.default,
        endpoint: profileEndpoint(profile.summary, choices),
        ...(profile.authKeyId === undefined ? {} : { authKeyId: profile.authKeyId }),
        ...(profile.authKey === undefined ? {} : { authKey: profile.authKey }),
        ...(profile.email === undefined ? {} : { email: profile.email }),
        ...(profile.password === undefined ? {} : { password: profile.password }),
        ...(profile.operatorId === undefined ? {} : { operatorId: profile.operatorId }),
        ...(profile.userName === undefined ? {} : { userName: profile.userName }),
      }

/** The sign-in form filled from a profile (secrets included, never shown), opening at `startAt`. @category constructors */
export const prefillOf = (
  summary: ProfileSummary,
  profile: ProfileSignIn | undefined,
  choices: ReadonlyArray<Endpoint>,
  startAt: "Method" | "Mfa" | "Review",
): SignInPrefill => {
  const method = profile?.method ?? summary.method
  return {
    ...(method === undefined ? {} : { method }),
    values: {
      ...(profile?.authKeyId === undefined ? {} : { authKeyId: profile.authKeyId }),
      ...(profile?.email === undefined ? {} : { email: profile.email }),
      ...(profile?.operatorId === undefined ? {} : { operatorId: profile.operatorId }),
      ...(profile?.userName === undefined ? {} : { userName: profile.userName }),
    },
    secrets: {
      ...(profile?.authKey === undefined ? {} : { authKey: profile.authKey }),
      ...(profile?.password === undefined ? {} : { password: profile.password }),
    },
    ...(summary.tokenTimeoutSeconds === undefined
      ? {}
      : { tokenTimeoutSeconds: summary.tokenTimeoutSeconds }),
    endpoint: profileEndpoint(summary, choices),
    startAt: method === undefined ? "Method" : startAt,
    profileName: summary.name,
  }
}
