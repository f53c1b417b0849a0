/**
 * Authenticated routes: SORACOM's `X-Soracom-API-Key` + `X-Soracom-Token` pair, checked against the live
 * sessions (revoked by `/auth/logout`, a password reset or the admin API; expired per the token's lifetime).
 * Anything else is the 401 `AUM0001` SORACOM answers, before the route looks at the request.
 */
import type { IncomingHttpHeaders } from "node:http"
import { type Answer, failure } from "./answer.ts"
import type { Handler, RouteRequest } from "./routes.ts"
import type { Caller, State } from "./state.ts"

/** A header's first value, when present and non-empty. */
export const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === "string" && s.length > 0 ? s : undefined
}

/** The caller of a request, if its API key and token name a live session. */
export const callerOf = (headers: IncomingHttpHeaders, state: State): Caller | undefined => {
  const apiKey = header(headers, "x-soracom-api-key")
  const token = header(headers, "x-soracom-token")
  return apiKey === undefined || token === undefined ? undefined : state.caller(apiKey, token)
}

/** A route handler that runs only for a live session's caller. */
export const authenticated =
  (handler: (request: RouteRequest, caller: Caller) => Answer | Promise<Answer>): Handler =>
  (request) => {
    const caller = callerOf(request.headers, request.state)
    return caller === undefined ? failure("tokenRequired") : handler(request, caller)
  }
