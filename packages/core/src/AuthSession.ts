/**
 * A self-refreshing SORACOM session: signs in lazily on first use, caches the session until
 * `expiresAt − margin`, refreshes single-flight (N concurrent callers during a refresh → exactly one
 * request; a failed refresh reaches every waiter, and the next call tries again), and can persist the
 * session through a caller-supplied {@link Store} (core never touches a filesystem).
 *
 * A refresh first **renews** the token (`SoracomAuth.renewToken`: the same API key, a new token, no
 * credentials — so no new MFA code) while the current one has not expired; only when SORACOM refuses the
 * renewal (`RenewalRefused`, `AuthFailed`) does it sign in again from the source. Other renewal failures
 * (network, 5xx…) reach the caller and keep the current session, so the next call tries to renew again.
 *
 * All time goes through Effect's `Clock`.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import { AuthRequest } from "./AuthRequest.ts"
import * as AuthResponse from "./AuthResponse.ts"
import * as Credentials from "./Credentials.ts"
import type {
  AuthError,
  AuthFailed,
  LogoutError,
  RenewalRefused,
  RenewTokenError,
  SwitchUserNotAllowed,
} from "./Errors.ts"
import * as SoracomAuth from "./SoracomAuth.ts"
import * as SwitchUser from "./SwitchUser.ts"

/**
 * Where a session is kept between runs (e.g. the CLI's cache file). Errors are the store's to handle: a `load`
 * that cannot read should answer `None`; a `save` that cannot write should succeed anyway.
 * Serialize with `AuthResponse.Json` (secrets in clear — keep the file private).
 *
 * @category models
 * @since 0.1.0
 */
export interface Store {
  /** Read once, on the first `get`; a fresh stored session avoids a sign-in. */
  readonly load: Effect.Effect<Option.Option<AuthResponse.AuthResponse>>
  /** Called after every successful sign-in. */
  readonly save: (session: AuthResponse.AuthResponse) => Effect.Effect<void>
  /** Called by `invalidate` and `logout`. */
  readonly clear?: Effect.Effect<void> | undefined
  /**
   * Single-flight across every holder of the store (e.g. processes sharing Redis). When present, each refresh
   * (first sign-in, renewal or sign-in again) goes through it: answer a stored session for which `isFresh` holds,
   * else run `refresh` (which saves through this store) while holding off the other holders. Must never wait
   * unbounded, and must still refresh when the store is unreachable.
   */
  readonly singleFlight?:
    | (<E>(
        refresh: Effect.Effect<AuthResponse.AuthResponse, E>,
        isFresh: (session: AuthResponse.AuthResponse) => Effect.Effect<boolean>,
      ) => Effect.Effect<AuthResponse.AuthResponse, E>)
    | undefined
}

/**
 * The store of the sessions that name none in their options: given a session's identity (see
 * {@link Options.identity}), its store. Provided by e.g. `@soracom-auth/session-redis`.
 *
 * @category references
 * @since 0.1.0
 */
export const SharedStore = Context.Reference<((identity: string) => Store) | undefined>(
  "@soracom-auth/core/AuthSession/SharedStore",
  { defaultValue: () => undefined },
)

/**
 * How to sign in: credentials (no MFA, the service's default lifetime), a full request, an effect producing a
 * request at each sign-in (e.g. to ask the user for a fresh MFA code), or a `SwitchUser.Source` (sign in with a
 * base source, then switch user).
 *
 * @category models
 * @since 0.1.0
 */
export type Source = SwitchUser.Base | SwitchUser.Source

/**
 * What `get` can fail with: a sign-in's errors, and `SwitchUserNotAllowed` for a switch-user source.
 *
 * @category models
 * @since 0.1.0
 */
export type SessionError = AuthError | SwitchUserNotAllowed

/**
 * Options of {@link layer}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly source: Source
  /**
   * Refresh this long before `expiresAt`. Default: the smaller of 5 minutes and 10 % of the token lifetime
   * (the request's `tokenTimeoutSeconds`, else the service's default).
   */
  readonly margin?: Duration.Input | undefined
  readonly store?: Store | undefined
  /** Renew the token before it expires instead of signing in again (see the module notes). Default `true`. */
  readonly renew?: boolean | undefined
  /**
   * Who this session is, for a shared store's key: default the endpoint and the credentials' non-secret
   * identity (kind + email / AuthKey id / operator id and user name, + the switch-user target). A request effect
   * has none: name it here to use a {@link SharedStore}.
   */
  readonly identity?: string | undefined
}

/**
 * The service interface.
 *
 * @category models
 * @since 0.1.0
 */
export interface Service {
  /** The current session, signing in (or refreshing) when there is none or it is within the margin of expiry. */
  readonly get: Effect.Effect<AuthResponse.AuthResponse, SessionError>
  /** `X-Soracom-API-Key` and `X-Soracom-Token` of the current session, for later SORACOM API calls. */
  readonly headers: Effect.Effect<
    { readonly "X-Soracom-API-Key": string; readonly "X-Soracom-Token": string },
    SessionError
  >
  /** Forget the cached session (e.g. after another API answered 401); the next `get` signs in again. */
  readonly invalidate: Effect.Effect<void>
  /** Revoke the cached session on the server (if any) and forget it. */
  readonly logout: Effect.Effect<void, LogoutError>
}

type State =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Ready"; readonly session: AuthResponse.AuthResponse }
  | {
      readonly _tag: "Refreshing"
      readonly deferred: Deferred.Deferred<AuthResponse.AuthResponse, SessionError>
    }

const empty: State = { _tag: "Empty" }

/**
 * The default margin for a lifetime: min(5 minutes, 10 % of it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultMargin = (lifetimeSeconds: number): Duration.Duration =>
  Duration.millis(Math.min(5 * 60 * 1000, lifetimeSeconds * 100))

const isEffect = (u: Source): u is Effect.Effect<AuthRequest, AuthError> => Effect.isEffect(u)

/** SORACOM refused the renewal itself (as opposed to the network or the server failing). */
const refusals = ["RenewalRefused", "AuthFailed"] as const satisfies ReadonlyArray<RenewTokenError["_tag"]>
const isRefusal = (e: RenewTokenError): e is RenewalRefused | AuthFailed =>
  (refusals as ReadonlyArray<string>).includes(e._tag)

/** The non-secret identity of credentials: their kind and who they name. */
const credentialsIdentity = (c: Credentials.Credentials): string => {
  switch (c._tag) {
    case "RootCredentials":
      return `root:${c.email}`
    case "AuthKeyCredentials":
      return `authKey:${c.authKeyId}`
    case "SamUserCredentials":
      return `samUser:${c.operatorId}:${c.userName}`
  }
}

/**
 * Builds a session (requires `SoracomAuth` and a `Scope`, which owns the background refresh fiber).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = Effect.fnUntraced(function* (options: Options) {
  const auth = yield* SoracomAuth.SoracomAuth
  const scope = yield* Effect.scope
  const switchTo = SwitchUser.isSource(options.source) ? options.source.request : undefined
  const source = SwitchUser.isSource(options.source) ? options.source.base : options.source
  const request: Effect.Effect<AuthRequest, AuthError> = isEffect(source)
    ? source
    : Effect.succeed(
        source instanceof AuthRequest
          ? source
          : // Credentials as given: `SoracomAuth.auth` checks every request before it is sent.
            new AuthRequest({ credentials: source }, { disableChecks: true }),
      )
  const staticLifetime =
    switchTo !== undefined
      ? (switchTo.tokenTimeoutSeconds ?? SwitchUser.TOKEN_TIMEOUT.default)
      : !isEffect(source) && source instanceof AuthRequest
        ? source.tokenTimeoutSeconds
        : undefined
  /** The lifetime of the current session: what a renewal asks for. */
  let lifetime = staticLifetime ?? auth.tokenTimeoutSeconds
  const renew = options.renew ?? true
  const marginFor = (lifetimeSeconds: number): number =>
    Duration.toMillis(
      options.margin === undefined
        ? defaultMargin(lifetimeSeconds)
        : Duration.fromInputUnsafe(options.margin),
    )
  let margin = marginFor(lifetime)

  const identity =
    options.identity ??
    (isEffect(source)
      ? undefined
      : `${auth.baseUrl} ${credentialsIdentity(source instanceof AuthRequest ? source.credentials : source)}${
          switchTo === undefined ? "" : ` switchUser:${switchTo.operatorId}:${switchTo.userName}`
        }`)
  const shared = yield* SharedStore
  const store =
    options.store ?? (shared !== undefined && identity !== undefined ? shared(identity) : undefined)

  const state = yield* Ref.make<State>(empty)
  let storeLoaded = store === undefined

  const fresh = (session: AuthResponse.AuthResponse, now: number) =>
    now < DateTime.toEpochMillis(session.expiresAt) - margin

  const save = (session: AuthResponse.AuthResponse) =>
    store === undefined ? Effect.succeed(session) : Effect.as(store.save(session), session)

  const signIn: Effect.Effect<AuthResponse.AuthResponse, SessionError> = Effect.gen(function* () {
    const req = yield* request
    if (switchTo === undefined) {
      lifetime = req.tokenTimeoutSeconds ?? auth.tokenTimeoutSeconds
      margin = marginFor(lifetime)
      return yield* auth.auth(req)
    }
    // The base session only serves the switch; it is left to expire, as soracom-cli does.
    return yield* auth.switchUser(yield* auth.auth(req), switchTo)
  })

  /** Renews `previous` while it is valid, else (or when SORACOM refuses) signs in; saves the result. */
  const refresh = (
    previous: AuthResponse.AuthResponse | undefined,
  ): Effect.Effect<AuthResponse.AuthResponse, SessionError> => {
    const run = Effect.gen(function* () {
      let current = previous
      if (!storeLoaded && store !== undefined) {
        storeLoaded = true
        const stored = yield* store.load
        const now = yield* Clock.currentTimeMillis
        if (Option.isSome(stored) && fresh(stored.value, now)) return stored.value
        if (Option.isSome(stored)) current = stored.value
      }
      const now = yield* Clock.currentTimeMillis
      if (renew && current !== undefined && AuthResponse.isFresh(current, now)) {
        const renewed = yield* auth.renewToken(current, lifetime).pipe(
          Effect.map(Option.some),
          Effect.catchIf(isRefusal, () => Effect.succeedNone),
        )
        if (Option.isSome(renewed)) return yield* save(renewed.value)
      }
      return yield* Effect.flatMap(signIn, save)
    })
    return store?.singleFlight === undefined
      ? run
      : store.singleFlight(run, (session) =>
          Effect.map(Clock.currentTimeMillis, (now) => fresh(session, now)),
        )
  }

  const get: Effect.Effect<AuthResponse.AuthResponse, SessionError> = Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const next = yield* Ref.modify(
      state,
      (s): [Effect.Effect<AuthResponse.AuthResponse, SessionError>, State] => {
        if (s._tag === "Ready" && fresh(s.session, now)) return [Effect.succeed(s.session), s]
        if (s._tag === "Refreshing") return [Deferred.await(s.deferred), s]
        const previous = s._tag === "Ready" ? s.session : undefined
        const deferred = Deferred.makeUnsafe<AuthResponse.AuthResponse, SessionError>()
        // A failed refresh keeps a session that has not expired: the next call renews again, no new sign-in.
        const after = (exit: Exit.Exit<AuthResponse.AuthResponse, SessionError>): State =>
          Exit.isSuccess(exit)
            ? { _tag: "Ready", session: exit.value }
            : previous !== undefined && AuthResponse.isFresh(previous, now)
              ? { _tag: "Ready", session: previous }
              : empty
        const run = refresh(previous).pipe(
          Effect.exit,
          Effect.flatMap((exit) =>
            Ref.set(state, after(exit)).pipe(Effect.andThen(Deferred.done(deferred, exit))),
          ),
          Effect.forkIn(scope),
          Effect.andThen(Deferred.await(deferred)),
        )
        return [run, { _tag: "Refreshing", deferred }]
      },
    )
    return yield* next
  }).pipe(Effect.withSpan("AuthSession.get"))

  const clear = store?.clear ?? Effect.void

  const invalidate: Effect.Effect<void> = Ref.update(state, (s) => (s._tag === "Ready" ? empty : s)).pipe(
    Effect.andThen(clear),
  )

  const logout: Effect.Effect<void, LogoutError> = Effect.gen(function* () {
    const s = yield* Ref.get(state)
    if (s._tag !== "Ready") return
    yield* auth.logout(s.session)
    yield* Ref.update(state, (current) =>
      current._tag === "Ready" && current.session === s.session ? empty : current,
    )
    yield* clear
  }).pipe(Effect.withSpan("AuthSession.logout"))

  return AuthSession.of({
    get,
    headers: Effect.map(get, AuthResponse.headers),
    invalidate,
    logout,
  })
})

/**
 * The self-refreshing session service.
 *
 * @category services
 * @since 0.1.0
 */
export class AuthSession extends Context.Service<AuthSession, Service>()("@soracom-auth/core/AuthSession") {}

/**
 * A session from credentials / a request / a request effect; requires `SoracomAuth`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: Options): Layer.Layer<AuthSession, never, SoracomAuth.SoracomAuth> =>
  Layer.effect(AuthSession, make(options))

/**
 * A session whose credentials come from the environment (`SORACOM_AUTH_KEY_ID`, `SORACOM_AUTH_KEY`), or from a
 * given `Config`; requires `SoracomAuth`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  options: Omit<Options, "source"> & { readonly source?: Config.Config<Source> | undefined } = {},
): Layer.Layer<AuthSession, Config.ConfigError, SoracomAuth.SoracomAuth> =>
  Layer.effect(
    AuthSession,
    Effect.flatMap(options.source ?? Credentials.config, (source) => make({ ...options, source })),
  )
