/** How the commands describe a cached session (one wording for `login`, `status` and `token`). */
import { DateTime } from "effect"
import { sessionJson as responseJson } from "../../presentation/exports.ts"
import { formatDuration, formatLocalTime, mask } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import type { CachedSession } from "../../session/SessionCache.ts"

/** `{apiKey, token, operatorId, userName?, expiresAt}`. */
export const sessionJson = (cached: CachedSession) => responseJson(cached.session)

const who = (cached: CachedSession) =>
  cached.session.userName === undefined
    ? cached.session.operatorId
    : `${cached.session.operatorId} / ${cached.session.userName}`

/** "Signed in as OP… with AuthKey keyId-…." then the expiry line. */
export const signedInLines = (cached: CachedSession, now: number): ReadonlyArray<string> => {
  const expires = DateTime.toEpochMillis(cached.session.expiresAt)
  return [
    `Signed in as ${who(cached)} with ${messages.method[cached.method]} ${cached.identity}.`,
    `Token expires ${formatLocalTime(expires)}, in ${formatDuration(expires - now)}.`,
  ]
}

/** The rows of `status`: label, value. */
export const statusRows = (
  profile: string,
  cached: CachedSession,
  now: number,
  extra: { readonly stale: boolean; readonly verdict: string | undefined },
): ReadonlyArray<readonly [string, string]> => {
  const expires = DateTime.toEpochMillis(cached.session.expiresAt)
  return [
    ["Profile", profile],
    ["Signed in", `as ${messages.method[cached.method]} ${cached.identity}`],
    ["Operator", cached.session.operatorId],
    ...(cached.session.userName === undefined ? [] : [["User", cached.session.userName] as const]),
    ["API key", mask(cached.session.apiKey)],
    ["Endpoint", cached.endpoint],
    [
      "Expires",
      `${formatLocalTime(expires)}, in ${formatDuration(expires - now)}${extra.stale ? "; `token` renews it" : ""}`,
    ],
    ...(extra.verdict === undefined ? [] : [["Server", extra.verdict] as const]),
  ]
}
