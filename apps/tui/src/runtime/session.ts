/**
 * Signing in and out with a profile's session cache: the steps `login`, `token`, `logout` and the UI share.
 *
 * ```ts
 * const session = yield* signIn({ profile: "default", credentials, endpointUrl: auth.baseUrl })
 * // → CachedSession, already written to <dir>/default.session
 * const usable = yield* currentSession("default", { endpointUrl })   // Option<CachedSession>, within its margin
 * yield* signOut("default")   // POST /auth/logout when still valid, then removes the cache; says which happened
 * ```
 */
import { AuthRequest, AuthResponse, SoracomAuth } from "@soracom-auth/core"
import { Clock, DateTime, Effect, Option } from "effect"
import type { ProfileCredentials } from "../profiles/ProfileFile.ts"
import { type CachedSession, isExpired, isUsable, SessionCache } from "../profiles/SessionCache.ts"
import { identityOf } from "./resolve.ts"

/** core's input form of our profile credentials. @category conversions */
export const toCredentialsInput = (credentials: ProfileCredentials) => {
  switch (credentials.kind) {
    case "authKey":
      return {
        kind: "authKey" as const,
        authKeyId: credentials.authKeyId,
        authKey: credentials.authKey,
      }
    case "root":
      return {
        kind: "root" as const,
        email: credentials.email,
        password: credentials.password,
      }
    case "samUser":
      return {
        kind: "samUser" as const,
        operatorId: credentials.operatorId,
        userName: credentials.userName,
        password: credentials.password,
      }
  }
}

/**
 * A session (the cached one, or the UI's) as core's `AuthResponse` (for `logout` and API headers).
 *
 * @category conversions
 */
export const toAuthResponse = (
  session: Pick<CachedSession, "apiKey" | "token" | "operatorId" | "userName" | "expiresAt">,
): AuthResponse.AuthResponse =>
  new AuthResponse.AuthResponse(
    {
      apiKey: session.apiKey,
      token: session.token,
      operatorId: session.operatorId,
      ...(session.userName === undefined ? {} : { userName: session.userName }),
      expiresAt: DateTime.makeUnsafe(session.expiresAt),
    },
    { disableChecks: true },
  )

/**
 * Signs in through `SoracomAuth` and caches the session under `profile`.
 *
 * @category sign-in
 */
export const signIn = Effect.fn("session.signIn")(function* (input: {
  readonly profile: string
  readonly credentials: ProfileCredentials
  readonly mfaOtpCode?: string | undefined
  readonly tokenTimeoutSeconds?: number | undefined
}) {
  const auth = yield* SoracomAuth.SoracomAuth
  const cache = yield* SessionCache
  const request = yield* AuthRequest.fromInput({
    credentials: toCredentialsInput(input.credentials),
    mfaOtpCode: input.mfaOtpCode,
    tokenTimeoutSeconds: input.tokenTimeoutSeconds,
  })
  const issuedAt = yield* Clock.currentTimeMillis
  const response = yield* auth.auth(request)
  const session: CachedSession = {
    endpoint: auth.baseUrl,
    method: input.credentials.kind,
    identity: identityOf(input.credentials),
    operatorId: response.operatorId,
    userName: response.userName,
    apiKey: response.apiKey,
    token: response.token,
    issuedAt,
    expiresAt: DateTime.toEpochMillis(response.expiresAt),
  }
  yield* cache.write(input.profile, session)
  return session
})

/** @category models */
export type SessionState =
  | { readonly _tag: "None" }
  | { readonly _tag: "Usable"; readonly session: CachedSession }
  /** Past its refresh margin but not yet expired: still valid for logout. */
  | { readonly _tag: "Stale"; readonly session: CachedSession }
  | { readonly _tag: "Expired"; readonly session: CachedSession }

/**
 * The cached session of a profile and how usable it is now. A session cached for another endpoint than
 * `endpointUrl` (when given) counts as none.
 *
 * @category sessions
 */
export const sessionState = Effect.fn("session.state")(function* (
  profile: string,
  options: { readonly endpointUrl?: string | undefined } = {},
) {
  const cache = yield* SessionCache
  const now = yield* Clock.currentTimeMillis
  const cached = yield* cache.read(profile)
  if (Option.isNone(cached)) return { _tag: "None" } as SessionState
  const session = cached.value
  if (options.endpointUrl !== undefined && session.endpoint !== options.endpointUrl) {
    return { _tag: "None" } as SessionState
  }
  if (isUsable(session, now)) return { _tag: "Usable", session } as SessionState
  if (!isExpired(session, now)) return { _tag: "Stale", session } as SessionState
  return { _tag: "Expired", session } as SessionState
})

/** What `signOut` did. @category models */
export type SignOutResult =
  | { readonly _tag: "NothingCached" }
  | { readonly _tag: "RevokedAndRemoved" }
  /** The session had expired (or the server no longer knew it): only the local cache was removed. */
  | { readonly _tag: "ExpiredRemoved" }
  | { readonly _tag: "ServerRejectedRemoved" }

/**
 * `POST /auth/logout` when the cached session is still valid, then removes the cache. A transport or server
 * failure of the logout call fails the effect and leaves the cache in place (so it can be retried).
 *
 * @category sessions
 */
export const signOut = Effect.fn("session.signOut")(function* (profile: string) {
  const cache = yield* SessionCache
  const state = yield* sessionState(profile)
  if (state._tag === "None") {
    yield* cache.remove(profile)
    return { _tag: "NothingCached" } as SignOutResult
  }
  if (state._tag === "Expired") {
    yield* cache.remove(profile)
    return { _tag: "ExpiredRemoved" } as SignOutResult
  }
  const auth = yield* SoracomAuth.SoracomAuth
  const rejected = yield* auth.logout(toAuthResponse(state.session)).pipe(
    Effect.as(false),
    Effect.catchTag("AuthFailed", () => Effect.succeed(true)),
  )
  yield* cache.remove(profile)
  return (rejected ? { _tag: "ServerRejectedRemoved" } : { _tag: "RevokedAndRemoved" }) as SignOutResult
})
