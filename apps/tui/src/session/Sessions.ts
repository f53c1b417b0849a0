/**
 * The one owner of sessions, for the commands and the app alike: sign in (and cache the session under its
 * profile, revoking the one it replaces), the current session and how fresh it is (core's rule), a session that
 * renews itself when credentials are at hand (core's `AuthSession` over the cache), the server's verdict on a
 * session, sign out, and every profile with its session.
 *
 * ```ts
 * const sessions = yield* Sessions
 * const { cached } = yield* sessions.signIn({ profile: "default", credentials, endpoint })
 * const state = yield* sessions.current("default")          // None | Fresh | Stale | Expired
 * yield* sessions.signOut("default")                        // POST /auth/logout when still valid, then forget it
 * ```
 */
import {
  AuthRequest,
  AuthResponse,
  AuthSession,
  type Credentials,
  Endpoint,
  type Errors,
  SoracomAuth,
  SwitchUser,
} from "@soracom-auth/core"
import { Clock, Context, DateTime, Effect, Layer, Option, Redacted } from "effect"
import { HttpClient, HttpClientRequest } from "effect/http"
import type { ProfileFileError } from "../profiles/errors.ts"
import { ProfileStore } from "../profiles/ProfileStore.ts"
import { Api } from "./Api.ts"
import { NotSignedIn } from "./errors.ts"
import { identityOf } from "./method.ts"
import { type CachedSession, type CacheError, SessionCache } from "./SessionCache.ts"
import { layered, sharedIdentity } from "./sharedStore.ts"

/** @category models */
export interface SignInInput {
  /** The profile the session is cached under. */
  readonly profile: string
  readonly credentials: Credentials.Input
  readonly endpoint: Endpoint.Endpoint
  readonly mfaOtpCode?: string | undefined
  readonly tokenTimeoutSeconds?: number | undefined
  /** Sign in with `credentials`, then switch to this operator / SAM user (a soracom-cli `sourceProfile`). */
  readonly switchTo?: { readonly operatorId: string; readonly userName: string } | undefined
}

/** What happened to the session a sign-in replaced. @category models */
export type Replaced = "None" | "Revoked" | "NotRevoked"

/** @category models */
export interface SignedIn {
  readonly profile: string
  readonly cached: CachedSession
  readonly replaced: Replaced
}

/** A profile's cached session and how usable it is now (core's freshness). @category models */
export type SessionState =
  | { readonly _tag: "None" }
  | { readonly _tag: "Fresh"; readonly cached: CachedSession }
  /** Past its renewal point but not yet expired: still valid (for logout, or until renewed). */
  | { readonly _tag: "Stale"; readonly cached: CachedSession }
  | { readonly _tag: "Expired"; readonly cached: CachedSession }

/** What `signOut` did. @category models */
export type SignOutResult =
  | { readonly _tag: "NothingCached" }
  | { readonly _tag: "RevokedAndRemoved" }
  /** The session had expired: only the local cache was removed. */
  | { readonly _tag: "ExpiredRemoved" }
  /** The server no longer knew the session. */
  | { readonly _tag: "ServerRejectedRemoved" }
  /** `--local-only`: the cache was removed, the session left valid on the server. */
  | { readonly _tag: "LocalRemoved" }

/** The server's verdict on a session (an authenticated `GET /operators/{id}`). @category models */
export type Verdict =
  | { readonly _tag: "Accepted" }
  | { readonly _tag: "Rejected"; readonly status: number }
  /** No verdict: the server could not be asked (network) or answered something else. */
  | { readonly _tag: "Unknown"; readonly detail: string; readonly status?: number }

/** One profile (or a session without a profile file) and its session. @category models */
export interface ProfileSession {
  readonly name: string
  readonly hasProfile: boolean
  readonly state: SessionState
}

/** @category models */
export interface SessionsShape {
  readonly signIn: (
    input: SignInInput,
  ) => Effect.Effect<SignedIn, Errors.AuthError | Errors.SwitchUserNotAllowed | CacheError>
  readonly current: (
    profile: string,
    options?: { readonly endpointUrl?: string | undefined },
  ) => Effect.Effect<SessionState, CacheError>
  /**
   * A usable session: the cached one while fresh, else a new sign-in with `credentials` (cached), through core's
   * `AuthSession` over the cache.
   */
  readonly renewing: (
    input: SignInInput,
  ) => Effect.Effect<CachedSession, Errors.AuthError | Errors.SwitchUserNotAllowed>
  /**
   * Renews a cached session that has not expired — core's `renewToken`: the same API key, a new token for the
   * same lifetime, no credentials (so no MFA code) — and caches it. SORACOM's refusal is `RenewalRefused`
   * (the token expired) or `AuthFailed` (the key was revoked).
   */
  readonly renew: (
    profile: string,
    cached: CachedSession,
  ) => Effect.Effect<CachedSession, Errors.RenewTokenError | CacheError>
  /**
   * Switch user as a profile's still-valid session (`POST /auth/switch_user`, at most 1 h); the switched session
   * is cached under `saveAs` when given. `NotSignedIn` without a valid session.
   */
  readonly switchUser: (input: {
    readonly profile: string
    readonly operatorId: string
    readonly userName: string
    readonly tokenTimeoutSeconds?: number | undefined
    readonly saveAs?: string | undefined
  }) => Effect.Effect<CachedSession, Errors.SwitchUserError | NotSignedIn | CacheError>
  readonly verify: (cached: CachedSession) => Effect.Effect<Verdict>
  readonly signOut: (
    profile: string,
    options?: { readonly localOnly?: boolean | undefined },
  ) => Effect.Effect<SignOutResult, Errors.LogoutError | Errors.InvalidRequest | CacheError>
  readonly list: Effect.Effect<ReadonlyArray<ProfileSession>, ProfileFileError | CacheError>
}

/** @category services */
export class Sessions extends Context.Service<Sessions, SessionsShape>()(
  "@soracom-auth/tui/session/Sessions",
) {
  static readonly layer: Layer.Layer<Sessions, never, Api | SessionCache | ProfileStore> = Layer.effect(
    Sessions,
    Effect.gen(function* () {
      const api = yield* Api
      const cache = yield* SessionCache
      const store = yield* ProfileStore

      const stateOf = (cached: CachedSession, now: number): SessionState => {
        const freshness = AuthResponse.freshness(cached.session, now)
        return { _tag: freshness, cached }
      }

      const current: SessionsShape["current"] = Effect.fn("Sessions.current")(function* (
        profile,
        options = {},
      ) {
        const found = yield* cache.read(profile)
        if (Option.isNone(found)) return { _tag: "None" } as const
        if (options.endpointUrl !== undefined && found.value.endpoint !== options.endpointUrl) {
          return { _tag: "None" } as const
        }
        return stateOf(found.value, yield* Clock.currentTimeMillis)
      })

      const logout = (cached: CachedSession) =>
        SoracomAuth.SoracomAuth.use((auth) => auth.logout(cached.session)).pipe(
          Effect.provide(api.auth(Endpoint.url(cached.endpoint))),
        )

      const signIn: SessionsShape["signIn"] = Effect.fn("Sessions.signIn")(function* (input) {
        const request = yield* AuthRequest.fromInput({
          credentials: input.credentials,
          mfaOtpCode: input.mfaOtpCode,
          tokenTimeoutSeconds: input.tokenTimeoutSeconds,
        })
        const previous = yield* current(input.profile).pipe(
          Effect.orElseSucceed(() => ({ _tag: "None" }) as const),
        )
        const switchTo =
          input.switchTo === undefined ? undefined : yield* SwitchUser.fromInput(input.switchTo)
        const cached = yield* Effect.gen(function* () {
          const auth = yield* SoracomAuth.SoracomAuth
          const signedIn = yield* auth.auth(request)
          const session = switchTo === undefined ? signedIn : yield* auth.switchUser(signedIn, switchTo)
          return {
            endpoint: auth.baseUrl,
            method: input.credentials.kind,
            identity: identityOf(input.credentials, switchTo),
            session,
          } satisfies CachedSession
        }).pipe(Effect.provide(api.auth(input.endpoint)))
        yield* cache.write(input.profile, cached)
        // Shared between processes (SORACOM_SESSION_STORE): the others use this sign-in from now on.
        const shared = yield* AuthSession.SharedStore
        if (shared !== undefined) yield* shared(sharedIdentity(cached)).save(cached.session)
        // One live session per profile: the one this sign-in replaces is revoked (best effort).
        const replaced: Replaced =
          previous._tag === "None" || previous._tag === "Expired"
            ? "None"
            : yield* logout(previous.cached).pipe(
                Effect.as<Replaced>("Revoked"),
                Effect.orElseSucceed((): Replaced => "NotRevoked"),
              )
        return { profile: input.profile, cached, replaced }
      })

      const renewing: SessionsShape["renewing"] = Effect.fn("Sessions.renewing")(function* (input) {
        const request = yield* AuthRequest.fromInput({
          credentials: input.credentials,
          mfaOtpCode: input.mfaOtpCode,
          tokenTimeoutSeconds: input.tokenTimeoutSeconds,
        })
        return yield* Effect.gen(function* () {
          const auth = yield* SoracomAuth.SoracomAuth
          const meta = {
            endpoint: auth.baseUrl,
            method: input.credentials.kind,
            identity: identityOf(input.credentials),
          }
          const switchTo =
            input.switchTo === undefined ? undefined : yield* SwitchUser.fromInput(input.switchTo)
          // A store shared between processes (SORACOM_SESSION_STORE), when provided, behind the profile's cache;
          // shared under who the session is for, as `signIn` names it.
          const shared = yield* AuthSession.SharedStore
          const local = cache.store(input.profile, meta)
          const session = yield* AuthSession.make({
            source:
              switchTo === undefined ? request : new SwitchUser.Source({ base: request, request: switchTo }),
            store:
              shared === undefined
                ? local
                : layered(
                    local,
                    shared(sharedIdentity({ ...meta, identity: identityOf(input.credentials, switchTo) })),
                  ),
          })
          const response = yield* session.get
          return { ...meta, session: response }
        }).pipe(Effect.scoped, Effect.provide(api.auth(input.endpoint)))
      })

      const renew: SessionsShape["renew"] = Effect.fn("Sessions.renew")(function* (profile, cached) {
        const { issuedAt, expiresAt } = cached.session
        // The lifetime it was issued with (within SORACOM's bounds), else the service's default.
        const lifetime =
          issuedAt === undefined
            ? undefined
            : Math.min(
                172_800,
                Math.max(
                  180,
                  Math.round((DateTime.toEpochMillis(expiresAt) - DateTime.toEpochMillis(issuedAt)) / 1000),
                ),
              )
        const session = yield* SoracomAuth.SoracomAuth.use((auth) =>
          auth.renewToken(cached.session, lifetime),
        ).pipe(Effect.provide(api.auth(Endpoint.url(cached.endpoint))))
        const renewed: CachedSession = { ...cached, session }
        yield* cache.write(profile, renewed)
        return renewed
      })

      const switchUser: SessionsShape["switchUser"] = Effect.fn("Sessions.switchUser")(function* (input) {
        const request = yield* SwitchUser.fromInput(input)
        const state = yield* current(input.profile)
        if (state._tag === "None" || state._tag === "Expired") {
          return yield* new NotSignedIn({
            profile: input.profile,
            ...(state._tag === "Expired"
              ? { expiredAt: DateTime.toEpochMillis(state.cached.session.expiresAt) }
              : {}),
          })
        }
        const from = state.cached
        const session = yield* SoracomAuth.SoracomAuth.use((auth) =>
          auth.switchUser(from.session, request),
        ).pipe(Effect.provide(api.auth(Endpoint.url(from.endpoint))))
        const switched: CachedSession = {
          endpoint: from.endpoint,
          method: from.method,
          identity: `${request.operatorId}/${request.userName} ← ${from.identity}`,
          session,
        }
        if (input.saveAs !== undefined) yield* cache.write(input.saveAs, switched)
        return switched
      })

      const verify: SessionsShape["verify"] = (cached) =>
        Effect.gen(function* () {
          const client = yield* HttpClient.HttpClient
          const request = HttpClientRequest.get(
            `${cached.endpoint}/operators/${encodeURIComponent(cached.session.operatorId)}`,
          ).pipe(HttpClientRequest.setHeaders(AuthResponse.headers(cached.session)))
          const response = yield* client.execute(request)
          if (response.status >= 200 && response.status < 300) return { _tag: "Accepted" } as const
          if (response.status === 401 || response.status === 403) {
            return { _tag: "Rejected", status: response.status } as const
          }
          return { _tag: "Unknown", detail: `HTTP ${response.status}`, status: response.status } as const
        }).pipe(
          Effect.scoped,
          Effect.catch((e) => Effect.succeed<Verdict>({ _tag: "Unknown", detail: e.message })),
          Effect.provide(api.http),
          Effect.withSpan("Sessions.verify"),
        )

      const signOut: SessionsShape["signOut"] = Effect.fn("Sessions.signOut")(function* (
        profile,
        options = {},
      ) {
        const state = yield* current(profile)
        if (state._tag === "None") {
          yield* cache.remove(profile)
          return { _tag: "NothingCached" } as const
        }
        if (options.localOnly === true) {
          yield* cache.remove(profile)
          return { _tag: "LocalRemoved" } as const
        }
        if (state._tag === "Expired") {
          yield* cache.remove(profile)
          return { _tag: "ExpiredRemoved" } as const
        }
        const rejected = yield* logout(state.cached).pipe(
          Effect.as(false),
          Effect.catchTag("AuthFailed", () => Effect.succeed(true)),
        )
        yield* cache.remove(profile)
        // The revoked session leaves the shared store too (only if it is still the one there).
        const shared = yield* AuthSession.SharedStore
        if (shared !== undefined) {
          const store = shared(sharedIdentity(state.cached))
          const there = yield* store.load
          if (
            Option.isSome(there) &&
            Redacted.value(there.value.token) === Redacted.value(state.cached.session.token)
          ) {
            yield* store.clear ?? Effect.void
          }
        }
        return rejected
          ? ({ _tag: "ServerRejectedRemoved" } as const)
          : ({ _tag: "RevokedAndRemoved" } as const)
      })

      const list: SessionsShape["list"] = Effect.gen(function* () {
        const names = yield* store.list
        const sessions = yield* cache.list
        const all = [...new Set([...names, ...sessions])].sort()
        return yield* Effect.forEach(all, (name) =>
          current(name).pipe(
            Effect.orElseSucceed((): SessionState => ({ _tag: "None" })),
            Effect.map((state): ProfileSession => ({ name, hasProfile: names.includes(name), state })),
          ),
        )
      }).pipe(Effect.withSpan("Sessions.list"))

      return Sessions.of({ signIn, current, renewing, renew, switchUser, verify, signOut, list })
    }),
  )
}
