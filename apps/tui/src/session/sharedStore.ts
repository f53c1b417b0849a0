/**
 * A profile's session cache in front of a store shared between processes (`SORACOM_SESSION_STORE`, Redis): the
 * shared store's single-flight decides who signs in, and whatever session comes out is written to both — to the
 * shared store so the other processes stop waiting, to the profile's cache so this folder keeps it too.
 */
import type { AuthSession } from "@soracom-auth/core"
import { Effect, Option } from "effect"
import type { CachedSession } from "./SessionCache.ts"

/** What a session is shared under: where and who signed in, never a secret. @category getters */
export const sharedIdentity = (meta: Omit<CachedSession, "session">): string =>
  `${meta.endpoint} ${meta.method}:${meta.identity}`

/** @category constructors */
export const layered = (local: AuthSession.Store, shared: AuthSession.Store): AuthSession.Store => ({
  // The shared session first: another process may have signed in since this folder's cache was written.
  load: Effect.flatMap(shared.load, (found) => (Option.isSome(found) ? Effect.succeed(found) : local.load)),
  save: (session) => Effect.andThen(shared.save(session), local.save(session)),
  clear: Effect.andThen(shared.clear ?? Effect.void, local.clear ?? Effect.void),
  singleFlight: (refresh, isFresh) => {
    // A session taken as it was (fresh in this folder's cache) is shared too, inside the lock.
    const run = Effect.tap(refresh, (session) => shared.save(session))
    return Effect.tap(
      shared.singleFlight === undefined ? run : shared.singleFlight(run, isFresh),
      (session) => local.save(session),
    )
  },
})
