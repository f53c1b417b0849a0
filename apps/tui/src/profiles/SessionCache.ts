/**
 * The session cache: the API key and token of the last sign-in per profile, beside the profiles in
 * `<dir>/<profile>.session` (0600, written atomically — not `.json`, so soracom-cli never mistakes it for a
 * profile). It records the endpoint it belongs to, so a session is only reused against the same API.
 *
 * Usage:
 *
 * ```ts
 * const cache = yield* SessionCache
 * yield* cache.write("default", session)             // after a sign-in
 * const current = yield* cache.read("default")       // Option<CachedSession>
 * if (Option.isSome(current) && isUsable(current.value, now)) …
 * yield* cache.remove("default")                     // after logout
 * ```
 */
import { join } from "node:path"
import { AuthSession } from "@soracom-auth/core"
import { Context, Duration, Effect, Layer, Option, Redacted } from "effect"
import type { InvalidProfileName, ProfileFileError, ProfilePermissionsTooOpen } from "./errors.ts"
import { checkPrivate, readPrivate, removeFile, validateName, writePrivate } from "./files.ts"
import type { CredentialKind } from "./ProfileFile.ts"

/** @category models */
export interface CachedSession {
  readonly endpoint: string
  readonly method: CredentialKind
  /** Who signed in, without secrets: the AuthKey ID, the email, or `OP…/user`. */
  readonly identity: string
  readonly operatorId: string
  readonly userName?: string | undefined
  readonly apiKey: Redacted.Redacted<string>
  readonly token: Redacted.Redacted<string>
  /** Epoch milliseconds. */
  readonly issuedAt: number
  /** Epoch milliseconds. */
  readonly expiresAt: number
}

/**
 * When a session should no longer be handed out: core's `AuthSession` margin (the smaller of 5 minutes and
 * 10 % of its lifetime) before it expires.
 *
 * @category getters
 */
export const refreshAt = (session: Pick<CachedSession, "issuedAt" | "expiresAt">): number => {
  const lifetimeSeconds = Math.max(0, session.expiresAt - session.issuedAt) / 1000
  return session.expiresAt - Duration.toMillis(AuthSession.defaultMargin(lifetimeSeconds))
}

/** @category getters */
export const isUsable = (session: CachedSession, now: number): boolean => now < refreshAt(session)

/** @category getters */
export const isExpired = (session: CachedSession, now: number): boolean => now >= session.expiresAt

type CacheError = InvalidProfileName | ProfilePermissionsTooOpen | ProfileFileError

/** @category models */
export interface SessionCacheShape {
  readonly pathOf: (profile: string) => string
  /** The cached session; none when missing or unreadable as a session (a broken cache is not an error). */
  readonly read: (profile: string) => Effect.Effect<Option.Option<CachedSession>, CacheError>
  readonly write: (profile: string, session: CachedSession) => Effect.Effect<void, CacheError>
  /** `false` when there was nothing to remove. */
  readonly remove: (profile: string) => Effect.Effect<boolean, CacheError>
}

const decode = (text: string): CachedSession | undefined => {
  try {
    const j = JSON.parse(text) as Record<string, unknown>
    const s = (k: string) => (typeof j[k] === "string" ? (j[k] as string) : undefined)
    const n = (k: string) => (typeof j[k] === "number" ? (j[k] as number) : undefined)
    const method = s("method")
    const [endpoint, identity, operatorId, apiKey, token] = [
      s("endpoint"),
      s("identity"),
      s("operatorId"),
      s("apiKey"),
      s("token"),
    ]
    const [issuedAt, expiresAt] = [n("issuedAt"), n("expiresAt")]
    if (
      j.version !== 1 ||
      (method !== "authKey" && method !== "root" && method !== "samUser") ||
      endpoint === undefined ||
      identity === undefined ||
      operatorId === undefined ||
      apiKey === undefined ||
      token === undefined ||
      issuedAt === undefined ||
      expiresAt === undefined
    ) {
      return undefined
    }
    return {
      endpoint,
      method,
      identity,
      operatorId,
      userName: s("userName"),
      apiKey: Redacted.make(apiKey),
      token: Redacted.make(token),
      issuedAt,
      expiresAt,
    }
  } catch {
    return undefined
  }
}

const encode = (session: CachedSession): string =>
  `${JSON.stringify(
    {
      version: 1,
      endpoint: session.endpoint,
      method: session.method,
      identity: session.identity,
      operatorId: session.operatorId,
      userName: session.userName,
      apiKey: Redacted.value(session.apiKey),
      token: Redacted.value(session.token),
      issuedAt: session.issuedAt,
      expiresAt: session.expiresAt,
      issuedAtIso: new Date(session.issuedAt).toISOString(),
      expiresAtIso: new Date(session.expiresAt).toISOString(),
    },
    null,
    2,
  )}\n`

/** @category services */
export class SessionCache extends Context.Service<SessionCache, SessionCacheShape>()(
  "@soracom-auth/tui/profiles/SessionCache",
) {
  static make(options: { readonly dir: string }): SessionCacheShape {
    const pathOf = (profile: string) => join(options.dir, `${profile}.session`)
    return {
      pathOf,
      read: (profile) =>
        validateName(profile).pipe(
          // The profile's own file is checked too: a cached session never bypasses soracom-cli's rule that a
          // profile readable by others is refused (the file may be absent: a session without a saved profile).
          Effect.andThen(checkPrivate(join(options.dir, `${profile}.json`))),
          Effect.andThen(readPrivate(pathOf(profile))),
          Effect.map((text) => Option.fromNullishOr(text === undefined ? undefined : decode(text))),
        ),
      write: (profile, session) =>
        validateName(profile).pipe(
          Effect.andThen(writePrivate(options.dir, pathOf(profile), encode(session))),
        ),
      remove: (profile) => validateName(profile).pipe(Effect.andThen(removeFile(pathOf(profile)))),
    }
  }

  static layer(options: { readonly dir: string }): Layer.Layer<SessionCache> {
    return Layer.succeed(SessionCache, SessionCache.make(options))
  }
}
