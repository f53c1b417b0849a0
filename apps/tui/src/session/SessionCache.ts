/**
 * The session cache: per profile, the last sign-in beside the profiles in `<dir>/<profile>.session` (0600,
 * written atomically; not `.json`, so soracom-cli never mistakes it for a profile). The file is core's
 * `AuthResponseJson` plus the endpoint, method and identity of the sign-in, written and read through one
 * Schema ({@link CachedSessionFile}); anything else in the file reads as "no session".
 *
 * For one profile, {@link SessionCacheShape.store} is core's `AuthSession.Store`, so core's `AuthSession` can load,
 * save and clear it directly.
 */
import { readdir } from "node:fs/promises"
import { join } from "node:path"
import { AuthResponse, type AuthSession } from "@soracom-auth/core"
import { Context, Effect, Layer, Option, Schema } from "effect"
import {
  type InvalidProfileName,
  ProfileFileError,
  type ProfilePermissionsTooOpen,
} from "../profiles/errors.ts"
import { checkPrivate, readPrivate, removeFile, validateName, writePrivate } from "../profiles/files.ts"
import { methods } from "./method.ts"

/** What a cache file holds. @category schemas */
export const CachedSessionFile = Schema.Struct({
  version: Schema.Literal(2),
  /** The API base URL (ends in `/v1`). */
  endpoint: Schema.String,
  method: Schema.Literals(methods),
  /** Who signed in, without secrets: the AuthKey ID, the email, or `OP…/user`. */
  identity: Schema.String,
  session: AuthResponse.Json,
})

/** A cached sign-in: where, how, who, and core's session. @category models */
export interface CachedSession {
  readonly endpoint: string
  readonly method: (typeof methods)[number]
  readonly identity: string
  readonly session: AuthResponse.AuthResponse
}

const decode = Schema.decodeUnknownOption(Schema.fromJsonString(CachedSessionFile))
const encode = Schema.encodeSync(CachedSessionFile)

/** The file text of a cached session (secrets in clear: the file is private). @category serialization */
export const serialize = (cached: CachedSession): string =>
  `${JSON.stringify(encode({ version: 2, ...cached }), null, 2)}\n`

/** A cache file's text → the session, or none when it is not one. @category parsing */
export const parse = (text: string): Option.Option<CachedSession> =>
  Option.map(decode(text), ({ version: _, ...cached }) => cached)

/** @category models */
export type CacheError = InvalidProfileName | ProfilePermissionsTooOpen | ProfileFileError

/** @category models */
export interface SessionCacheShape {
  readonly pathOf: (profile: string) => string
  /** The cached session; none when missing or not a session file (a broken cache is not an error). */
  readonly read: (profile: string) => Effect.Effect<Option.Option<CachedSession>, CacheError>
  readonly write: (profile: string, cached: CachedSession) => Effect.Effect<void, CacheError>
  /** `false` when there was nothing to remove. */
  readonly remove: (profile: string) => Effect.Effect<boolean, CacheError>
  /** The profiles with a cache file, sorted. */
  readonly list: Effect.Effect<ReadonlyArray<string>, ProfileFileError>
  /**
   * core's `AuthSession.Store` for one profile's sign-ins at `endpoint` with `method`/`identity`: `load` gives the
   * cached session only when it was made there; a store that cannot read or write degrades to "no session".
   */
  readonly store: (profile: string, meta: Omit<CachedSession, "session">) => AuthSession.Store
}

/** @category services */
export class SessionCache extends Context.Service<SessionCache, SessionCacheShape>()(
  "@soracom-auth/tui/session/SessionCache",
) {
  static make(options: { readonly dir: string }): SessionCacheShape {
    const pathOf = (profile: string) => join(options.dir, `${profile}.session`)
    const read = (profile: string) =>
      validateName(profile).pipe(
        // The profile's own file is checked too: a cached session never bypasses soracom-cli's rule that a
        // profile readable by others is refused (the file may be absent: a session without a saved profile).
        Effect.andThen(checkPrivate(join(options.dir, `${profile}.json`))),
        Effect.andThen(readPrivate(pathOf(profile))),
        Effect.map((text) => (text === undefined ? Option.none() : parse(text))),
      )
    const write = (profile: string, cached: CachedSession) =>
      validateName(profile).pipe(
        Effect.andThen(writePrivate(options.dir, pathOf(profile), serialize(cached))),
      )
    const remove = (profile: string) =>
      validateName(profile).pipe(Effect.andThen(removeFile(pathOf(profile))))
    const list = Effect.tryPromise({
      try: () =>
        readdir(options.dir).catch((cause: NodeJS.ErrnoException) =>
          cause.code === "ENOENT" ? [] : Promise.reject(cause),
        ),
      catch: (cause) => new ProfileFileError({ path: options.dir, operation: "list", reason: String(cause) }),
    }).pipe(
      Effect.map((files) =>
        files
          .filter((f) => f.endsWith(".session"))
          .map((f) => f.slice(0, -".session".length))
          .sort(),
      ),
    )
    return {
      pathOf,
      read,
      write,
      remove,
      list,
      store: (profile, meta) => ({
        load: read(profile).pipe(
          Effect.map(Option.filter((cached) => cached.endpoint === meta.endpoint)),
          Effect.map(Option.map((cached) => cached.session)),
          Effect.orElseSucceed(() => Option.none<AuthResponse.AuthResponse>()),
        ),
        save: (session) => write(profile, { ...meta, session }).pipe(Effect.ignore),
        clear: remove(profile).pipe(Effect.ignore),
      }),
    }
  }

  static layer(options: { readonly dir: string }): Layer.Layer<SessionCache> {
    return Layer.succeed(SessionCache, SessionCache.make(options))
  }
}
