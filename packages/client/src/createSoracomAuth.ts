/**
 * `createSoracomAuth`: core's session and authenticated client behind Promises, for code that does not use
 * Effect. One `ManagedRuntime` lives as long as the client: every call shares one session (signed in once,
 * single-flight, refreshed before it expires), and `close()` ends it.
 */
import {
  AuthenticatedClient,
  AuthRequest,
  AuthResponse,
  AuthSession,
  Endpoint,
  Errors,
  PasswordReset,
  SoracomAuth,
} from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Cause, Effect, Exit, Layer, ManagedRuntime, Option } from "effect"
import type { HttpClient } from "effect/http"
import ky, { type KyInstance } from "ky"
import { fromWebRequest, toWebResponse } from "./internal/web.ts"
import { type Options, type Resolved, resolveOptions, type Session, type SessionStore } from "./options.ts"

/**
 * The headers that authenticate a SORACOM API call.
 *
 * @category models
 */
// A type, not an interface: it stays assignable to fetch's `HeadersInit` (`fetch(url, { headers })`).
export type AuthHeaders = {
  readonly "X-Soracom-API-Key": string
  readonly "X-Soracom-Token": string
}

/**
 * A signed-in SORACOM client. Every method rejects with core's errors (`AuthFailed`, `InvalidRequest`,
 * `TransportError`…, re-exported by this package).
 *
 * @category models
 */
export interface SoracomAuthClient {
  /** The API base, ending in `/v1`. */
  readonly baseUrl: string
  /** The current session, signing in when there is none or it is about to expire. */
  session(): Promise<Session>
  /** `X-Soracom-API-Key` and `X-Soracom-Token` of the current session. */
  headers(): Promise<AuthHeaders>
  /**
   * `fetch` for SORACOM: `path` relative to `…/v1` (`"/operators/OP…"`), the session's headers added; a 401 signs
   * in again once and retries once. Any status resolves (as with `fetch`); no response rejects (`TransportError`).
   */
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** A ky instance under `…/v1` (ky's `prefix`: `"operators/…"` and `"/operators/…"` alike) over {@link fetch}. */
  readonly ky: KyInstance
  /** `POST /auth/password_reset_token/issue`: SORACOM mails a reset token to that address. */
  issuePasswordResetToken(email: string): Promise<void>
  /** `POST /auth/password_reset_token/verify`: sets the new password with the mailed token. */
  verifyPasswordResetToken(token: string, newPassword: string): Promise<void>
  /** Revokes the session on the server and forgets it; the next call signs in again. */
  logout(): Promise<void>
  /** Ends the runtime (timers, fibers); later calls reject. Does not log out. Idempotent. */
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

const fromSession = AuthResponse.fromPlain
const toSession = AuthResponse.toPlain

/** The store's Promise single-flight around AuthSession's refresh; the refresh's own failure comes back typed. */
const singleFlightOf =
  (singleFlight: NonNullable<SessionStore["singleFlight"]>) =>
  <E>(
    refresh: Effect.Effect<AuthResponse.AuthResponse, E>,
    isFresh: (session: AuthResponse.AuthResponse) => Effect.Effect<boolean>,
  ): Effect.Effect<AuthResponse.AuthResponse, E> =>
    Effect.gen(function* () {
      const context = yield* Effect.context<never>()
      let failed: Cause.Cause<E> | undefined
      const shared = yield* Effect.tryPromise({
        try: (signal) =>
          singleFlight(
            async () => {
              const exit = await Effect.runPromiseExitWith(context)(refresh, { signal })
              if (Exit.isSuccess(exit)) return toSession(exit.value)
              failed = exit.cause
              throw new Error("refresh failed")
            },
            (session) =>
              Option.match(fromSession(session), {
                onNone: () => false,
                onSome: (s) => Effect.runSyncWith(context)(isFresh(s)),
              }),
          ),
        catch: (cause) => cause,
      }).pipe(Effect.catch((cause) => (failed !== undefined ? Effect.failCause(failed) : Effect.die(cause))))
      return yield* Option.match(fromSession(shared), {
        onNone: () => Effect.die(new Error("store.singleFlight answered a malformed session")),
        onSome: Effect.succeed,
      })
    })

const storeLayer = (store: SessionStore): AuthSession.Store => ({
  load: Effect.tryPromise(async () => (await store.load()) ?? undefined).pipe(
    Effect.map((stored) => (stored === undefined ? Option.none() : fromSession(stored))),
    Effect.orElseSucceed(() => Option.none()),
  ),
  save: (session) => Effect.ignore(Effect.tryPromise(async () => store.save(toSession(session)))),
  clear: Effect.ignore(Effect.tryPromise(async () => store.clear?.())),
  ...(store.singleFlight === undefined
    ? {}
    : { singleFlight: singleFlightOf(store.singleFlight.bind(store)) }),
})

const sourceOf = (resolved: Resolved): AuthSession.Source =>
  Effect.gen(function* () {
    const credentials = resolved.credentials
    if (credentials instanceof Errors.InvalidRequest) return yield* Effect.fail(credentials)
    const ask = resolved.mfaCode
    const mfaOtpCode =
      ask === undefined || credentials._tag === "AuthKeyCredentials"
        ? undefined
        : yield* Effect.promise(async () => ask())
    if (mfaOtpCode !== undefined && typeof mfaOtpCode !== "string")
      return yield* Effect.fail(
        new Errors.InvalidRequest({ field: "mfaCode", reason: "mfaCode must return the code as a string." }),
      )
    return yield* AuthRequest.fromInput({
      credentials,
      mfaOtpCode,
      tokenTimeoutSeconds: resolved.tokenTimeoutSeconds,
    })
  })

/**
 * Rejects with the failure itself (core's error) or a defect as thrown; an interrupted call with the reason of
 * the signal that stopped it (the caller's, as `fetch` does, or the client's own when it was closed).
 */
const settle = <A>(exit: Exit.Exit<A, unknown>, signals: ReadonlyArray<AbortSignal>): A => {
  if (Exit.isSuccess(exit)) return exit.value
  const stoppedBy = signals.find((s) => s.aborted)
  if (stoppedBy !== undefined && Cause.hasInterruptsOnly(exit.cause)) throw stoppedBy.reason
  throw Cause.squash(exit.cause)
}

const closedError = () =>
  new Errors.InvalidRequest({
    field: "client",
    reason: "This SORACOM client is closed; create a new one with createSoracomAuth.",
  })

/**
 * A client for SORACOM from options. Throws core's `InvalidRequest` (naming the option) for a bad option; no
 * request is sent until a method is called.
 *
 * @category constructors
 */
export const createSoracomAuth = (options?: Options): SoracomAuthClient => {
  const resolved = resolveOptions(options)
  const soracomAuth = SoracomAuth.layer({
    endpoint: resolved.endpoint,
    language: resolved.language,
    tokenTimeoutSeconds: resolved.tokenTimeoutSeconds,
  })
  const session = AuthSession.layer({
    source: sourceOf(resolved),
    store: resolved.store === undefined ? undefined : storeLayer(resolved.store),
  })
  const live = AuthenticatedClient.layer.pipe(
    Layer.provideMerge(session),
    Layer.provideMerge(soracomAuth),
    Layer.provideMerge(KyHttpClient.layer()),
  )
  const runtime = ManagedRuntime.make(live)
  // close() interrupts every call still running (its timers and sockets go with it), then ends the runtime.
  const closed = new AbortController()
  let closing: Promise<void> | undefined

  const run = async <A>(
    effect: Effect.Effect<
      A,
      unknown,
      | AuthenticatedClient.AuthenticatedClient
      | AuthSession.AuthSession
      | SoracomAuth.SoracomAuth
      | HttpClient.HttpClient
    >,
    signal?: AbortSignal | null,
  ): Promise<A> => {
    if (closed.signal.aborted) throw closedError()
    const signals = signal ? [signal, closed.signal] : [closed.signal]
    const exit = await runtime.runPromiseExit(effect, {
      signal: signals.length === 1 ? closed.signal : AbortSignal.any(signals),
    })
    return settle(exit, signals)
  }

  const baseUrl = Endpoint.resolve(resolved.endpoint)

  const send = (request: Request): Promise<Response> =>
    run(
      Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        const outgoing = yield* fromWebRequest(request, resolved.language)
        return yield* toWebResponse(yield* client.execute(outgoing), request.method)
      }),
      request.signal,
    )

  const fetch = (path: string, init?: RequestInit): Promise<Response> => {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(path)
    return send(new Request(absolute ? path : `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`, init))
  }

  const close = (): Promise<void> => {
    if (closing === undefined) {
      closed.abort(closedError())
      closing = runtime.dispose()
    }
    return closing
  }

  return {
    baseUrl,
    session: () => run(Effect.flatMap(AuthSession.AuthSession, (s) => s.get).pipe(Effect.map(toSession))),
    headers: () => run(Effect.flatMap(AuthSession.AuthSession, (s) => s.headers)),
    fetch,
    ky: ky.create({ prefix: baseUrl, fetch: (input, init) => send(new Request(input, init)) }),
    issuePasswordResetToken: (email) =>
      run(
        Effect.gen(function* () {
          const auth = yield* SoracomAuth.SoracomAuth
          yield* auth.issuePasswordResetToken(yield* PasswordReset.issueFromInput({ email }))
        }),
      ),
    verifyPasswordResetToken: (token, newPassword) =>
      run(
        Effect.gen(function* () {
          const auth = yield* SoracomAuth.SoracomAuth
          yield* auth.verifyPasswordResetToken(
            yield* PasswordReset.verifyFromInput({ token, password: newPassword }),
          )
        }),
      ),
    logout: () => run(Effect.flatMap(AuthSession.AuthSession, (s) => s.logout)),
    close,
    [Symbol.asyncDispose]: close,
  }
}
