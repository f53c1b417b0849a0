/** How the commands describe a cached session (one wording for `login`, `status` and `token`). */
import { DateTime } from "effect"
import { sessionJson as responseJson } from "../../presentation/exports.ts"
import { formatDuration, formatLocalTime, mask } from "../../presentation/format.ts"
import type { Messages } from "../../presentation/messages.ts"
import type { CachedSession } from "../../session/SessionCache.ts"

/** `{apiKey, token, operatorId, userName?, expiresAt}`. */
export const sessionJson = (cached: CachedSession) => responseJson(cached.session)

const who = (cached: CachedSession) =>
  cached.session.userName === undefined
    ? cached.session.operatorId
    : `${cached.session.operatorId} / ${cached.session.userName}`

/** "Signed in as OP… with AuthKey keyId-…." then the expiry line. */
export const signedInLines = (m: Messages, cached: CachedSession, now: number): ReadonlyArray<string> => {
  const expires = DateTime.toEpochMillis(cached.session.expiresAt)
  return [
    m.cli.session.signedInAs(who(cached), m.method[cached.method], cached.identity),
    m.cli.session.expires(formatLocalTime(expires), formatDuration(expires - now)),
  ]
}

/** The rows of `status`: label, value. */
export const statusRows = (
  m: Messages,
  profile: string,
  cached: CachedSession,
  now: number,
  extra: { readonly stale: boolean; readonly verdict: string | undefined },
): ReadonlyArray<readonly [string, string]> => {
  const expires = DateTime.toEpochMillis(cached.session.expiresAt)
  const t = m.cli.statusRow
  return [
    [t.profile, profile],
    [t.signedIn, t.signedInValue(m.method[cached.method], cached.identity)],
    [t.operator, cached.session.operatorId],
    ...(cached.session.userName === undefined ? [] : [[t.user, cached.session.userName] as const]),
    [t.apiKey, mask(cached.session.apiKey)],
    [t.endpoint, cached.endpoint],
    [
      t.expires,
      t.expiresValue(formatLocalTime(expires), formatDuration(expires - now)) + (extra.stale ? t.renews : ""),
    ],
    ...(extra.verdict === undefined ? [] : [[t.server, extra.verdict] as const]),
  ]
}
