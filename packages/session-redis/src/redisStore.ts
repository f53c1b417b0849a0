/**
 * The Redis session store for the Promise client (`@soracom-auth/client`): `createSoracomAuth({ store:
 * redisStore({ url, identity }) })`. The same store as {@link RedisSessionStore.layerNode} — one key per identity,
 * distributed single-flight, degraded to in-process when Redis is unavailable — behind Promises, with plain
 * sessions (secrets in clear, as the client hands them over).
 *
 * @since 0.1.0
 */
import { AuthResponse, type AuthSession } from "@soracom-auth/core"
import { Effect, Exit, Option, Redacted, Scope } from "effect"
import * as RedisSessionStore from "./RedisSessionStore.ts"

/**
 * A session as the Promise client has it (secrets in clear, `expiresAt` as a `Date`): core's `AuthResponse.Plain`.
 *
 * @category models
 * @since 0.1.0
 */
export type Session = AuthResponse.Plain

/**
 * Options of {@link redisStore}: {@link RedisSessionStore.NodeOptions} with the password as a plain string
 * allowed, and the identity the session is shared under.
 *
 * @category models
 * @since 0.1.0
 */
export interface RedisStoreOptions extends Omit<RedisSessionStore.NodeOptions, "password"> {
  readonly password?: string | Redacted.Redacted<string> | undefined
  /**
   * Who signs in, naming the shared session (hashed into the key; never put a secret here), e.g. the AuthKey id.
   * Processes with the same identity share one session: give each set of credentials its own.
   */
  readonly identity: string
}

/**
 * A store for `createSoracomAuth({ store })`, and `close()` to end its Redis connection.
 *
 * @category models
 * @since 0.1.0
 */
export interface RedisStore {
  load(): Promise<Session | undefined>
  save(session: Session): Promise<void>
  clear(): Promise<void>
  singleFlight(refresh: () => Promise<Session>, isFresh: (session: Session) => boolean): Promise<Session>
  close(): Promise<void>
}

const toSession = AuthResponse.toPlain

// The client hands over sessions it made with `toPlain`, so a malformed one is a defect.
const fromSession = (session: Session): AuthResponse.AuthResponse =>
  Option.getOrThrowWith(AuthResponse.fromPlain(session), () => new Error("redisStore: a malformed session"))

/**
 * The store. It connects on first use (never throwing for Redis being unavailable unless `strict`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const redisStore = (options: RedisStoreOptions): RedisStore => {
  const scope = Effect.runSync(Scope.make())
  const { identity, password, ...rest } = options
  let store: Promise<AuthSession.Store> | undefined
  const opened = () => {
    store ??= Effect.runPromise(
      Scope.provide(
        RedisSessionStore.makeNode({
          ...rest,
          ...(password === undefined
            ? {}
            : { password: Redacted.isRedacted(password) ? password : Redacted.make(password) }),
        }),
        scope,
      ),
    ).then((storeFor) => storeFor(identity))
    return store
  }
  return {
    load: async () =>
      Option.getOrUndefined(Option.map(await Effect.runPromise((await opened()).load), toSession)),
    save: async (session) => Effect.runPromise((await opened()).save(fromSession(session))),
    clear: async () => Effect.runPromise((await opened()).clear ?? Effect.void),
    singleFlight: async (refresh, isFresh) => {
      const shared = (await opened()).singleFlight!
      // Rejects with the refresh's own error as the client threw it (or what isFresh threw), as it was thrown.
      const answered = await Effect.runPromise(
        shared(
          Effect.tryPromise({ try: () => refresh().then(fromSession), catch: (cause) => cause }),
          (session) => Effect.sync(() => isFresh(toSession(session))),
        ),
      )
      return toSession(answered)
    },
    close: () => Effect.runPromise(Scope.close(scope, Exit.void)),
  }
}
