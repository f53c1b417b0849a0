/**
 * The SORACOM API routes of the sandbox: request validation and the mapping of outcomes to answers.
 */
import type { IncomingHttpHeaders } from "node:http"
import { isWellFormedEmail } from "../seed.ts"
import { type Answer, failure, isAnswer } from "./answer.ts"
import { authenticated, header } from "./authenticated.ts"
import { type Outcome, type State, switchedTokenMaxSeconds } from "./state.ts"

/** What a route handler gets. */
export interface RouteRequest {
  /** The JSON object body, when the route reads one. */
  readonly body: Record<string, unknown> | undefined
  readonly headers: IncomingHttpHeaders
  /** Values of the `{name}` segments of the route's path. */
  readonly params: Readonly<Record<string, string>>
  readonly state: State
}

export type Handler = (request: RouteRequest) => Answer | Promise<Answer>

export interface Route {
  /** The path under `/v1`; a `{name}` segment matches one non-empty segment (e.g. `/operators/{id}`). */
  readonly path: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** Whether the route needs a JSON object body (missing or malformed → 400). */
  readonly needsBody: boolean
  /** Whether the per-IP rate limit applies. */
  readonly rateLimited: boolean
  readonly handler: Handler
}

const err = failure

const fromOutcome = <A>(outcome: Outcome<A>, status: number, json?: (a: A) => unknown): Answer =>
  outcome.ok
    ? json === undefined
      ? { status }
      : { status, json: json(outcome.value) }
    : err(outcome.error, outcome.detail)

/** Reads an optional string field; a non-string is a constraint violation (null counts as absent). */
const optString = (body: Record<string, unknown>, key: string): string | undefined | Answer => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== "string") return err("constraintViolation", `must be a string:${key}`)
  return v
}

/** Required non-empty strings, or the first problem. */
const required = (
  body: Record<string, unknown>,
  keys: ReadonlyArray<string>,
): Record<string, string> | Answer => {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const v = optString(body, key)
    if (isAnswer(v)) return v
    if (v === undefined || v.length === 0) return err("constraintViolation", `may not be empty:${key}`)
    out[key] = v
  }
  return out
}

export const tokenTimeoutDefault = 86400
export const tokenTimeoutMin = 180
export const tokenTimeoutMax = 172800

/** `tokenTimeoutSeconds` of a body: `fallback` when absent, else an integer in min…max, or the 400 to answer. */
const timeoutOf = (body: Record<string, unknown>, fallback: number, max: number): number | Answer => {
  const t = body.tokenTimeoutSeconds
  if (t === undefined || t === null) return fallback
  if (typeof t !== "number" || !Number.isInteger(t) || t < tokenTimeoutMin || t > max) {
    return err(
      "constraintViolation",
      `must be an integer between ${tokenTimeoutMin} and ${max}:tokenTimeoutSeconds`,
    )
  }
  return t
}

const authFields = [
  "email",
  "password",
  "authKeyId",
  "authKey",
  "operatorId",
  "userName",
  "mfaOTPCode",
] as const

const auth: Handler = async ({ body, state }) => {
  const b = body!
  const fields: Record<string, string | undefined> = {}
  for (const key of authFields) {
    const v = optString(b, key)
    if (isAnswer(v)) return v
    fields[key] = v
  }
  const timeout = timeoutOf(b, tokenTimeoutDefault, tokenTimeoutMax)
  if (isAnswer(timeout)) return timeout
  const { email, password, authKeyId, authKey, operatorId, userName, mfaOTPCode } = fields
  const mfa = mfaOTPCode === "" ? undefined : mfaOTPCode
  if (authKeyId !== undefined || authKey !== undefined) {
    if (authKeyId === undefined || authKey === undefined) return err("invalidCredentials")
    return fromOutcome(await state.authByKey(authKeyId, authKey, timeout), 200, (r) => r)
  }
  if (email !== undefined) {
    if (!isWellFormedEmail(email)) return err("malformedEmail")
    if (password === undefined) return err("invalidCredentials")
    return fromOutcome(await state.authByEmail(email, password, mfa, timeout), 200, (r) => r)
  }
  // Neither an AuthKey nor an email: a SAM user's three fields, or the same 401 as a wrong password.
  if (operatorId === undefined || userName === undefined || password === undefined)
    return err("invalidCredentials")
  return fromOutcome(await state.authByUser(operatorId, userName, password, mfa, timeout), 200, (r) => r)
}

const issue: Handler = ({ body, state }) => {
  const email = optString(body!, "email")
  if (isAnswer(email)) return email
  if (email === undefined || email.length === 0) return err("constraintViolation", "may not be empty:email")
  if (!isWellFormedEmail(email)) return err("malformedEmail")
  return fromOutcome(state.issueResetToken(email), 200)
}

const verify: Handler = async ({ body, state }) => {
  const r = required(body!, ["password", "token"])
  if (isAnswer(r)) return r
  return fromOutcome(await state.verifyResetToken(r.token!, r.password!), 200)
}

/** The caller's `X-Soracom-API-Key` + `X-Soracom-Token`, or the 401 to answer when either is missing. */
const callerOf = (headers: IncomingHttpHeaders): { apiKey: string; token: string } | Answer => {
  const apiKey = header(headers, "x-soracom-api-key")
  const token = header(headers, "x-soracom-token")
  return apiKey === undefined || token === undefined ? err("tokenRequired") : { apiKey, token }
}

const logout: Handler = ({ headers, state }) => {
  const caller = callerOf(headers)
  if (isAnswer(caller)) return caller
  return fromOutcome(state.logout(caller.apiKey, caller.token), 204)
}

const generateAuthToken: Handler = ({ body, headers, state, params }) => {
  const caller = callerOf(headers)
  if (isAnswer(caller)) return caller
  const timeout = timeoutOf(body!, tokenTimeoutDefault, tokenTimeoutMax)
  if (isAnswer(timeout)) return timeout
  return fromOutcome(
    state.renewToken(caller.apiKey, caller.token, params.operator_id!, timeout),
    200,
    (r) => r,
  )
}

const switchUser: Handler = ({ body, headers, state }) => {
  const caller = callerOf(headers)
  if (isAnswer(caller)) return caller
  const r = required(body!, ["operatorId", "userName"])
  if (isAnswer(r)) return r
  const timeout = timeoutOf(body!, switchedTokenMaxSeconds, switchedTokenMaxSeconds)
  if (isAnswer(timeout)) return timeout
  return fromOutcome(
    state.switchUser(caller.apiKey, caller.token, r.operatorId!, r.userName!, timeout),
    200,
    (a) => a,
  )
}

const sandboxInit: Handler = async ({ body, state }) => {
  const r = required(body!, ["email", "password", "authKeyId", "authKey"])
  if (isAnswer(r)) return r
  if (!isWellFormedEmail(r.email!)) return err("malformedEmail")
  const coverage = body!.coverageTypes
  if (
    coverage !== undefined &&
    coverage !== null &&
    !(Array.isArray(coverage) && coverage.every((c) => c === "g" || c === "jp"))
  ) {
    return err("constraintViolation", 'must be an array of "g" or "jp":coverageTypes')
  }
  const pay = body!.registerPaymentMethod
  if (pay !== undefined && pay !== null && typeof pay !== "boolean") {
    return err("constraintViolation", "must be a boolean:registerPaymentMethod")
  }
  if (!r.authKeyId!.startsWith("keyId-") || !r.authKey!.startsWith("secret-"))
    return err("sandboxInitRejected")
  return fromOutcome(await state.initOperator(r.email!, r.password!), 201, (a) => a)
}

/** `getOperator`: the caller's own operator record; any other ID is 400 "Invalid Operator Id.". */
const getOperator = authenticated(({ params, state }, caller) => {
  const record =
    params.operator_id === caller.operatorId ? state.operatorRecord(caller.operatorId) : undefined
  return record === undefined ? err("invalidOperatorId") : { status: 200, json: record }
})

/** Every SORACOM route of the sandbox (paths under `/v1`). */
export const routes: ReadonlyArray<Route> = [
  { path: "/auth", method: "POST", needsBody: true, rateLimited: true, handler: auth },
  {
    path: "/auth/password_reset_token/issue",
    method: "POST",
    needsBody: true,
    rateLimited: true,
    handler: issue,
  },
  {
    path: "/auth/password_reset_token/verify",
    method: "POST",
    needsBody: true,
    rateLimited: true,
    handler: verify,
  },
  { path: "/auth/logout", method: "POST", needsBody: false, rateLimited: false, handler: logout },
  { path: "/auth/switch_user", method: "POST", needsBody: true, rateLimited: false, handler: switchUser },
  {
    path: "/operators/{operator_id}/token",
    method: "POST",
    needsBody: true,
    rateLimited: false,
    handler: generateAuthToken,
  },
  { path: "/sandbox/init", method: "POST", needsBody: true, rateLimited: true, handler: sandboxInit },
  {
    path: "/operators/{operator_id}",
    method: "GET",
    needsBody: false,
    rateLimited: false,
    handler: getOperator,
  },
]

/** The routes of one path (one per method), and the values of its `{name}` segments. */
export interface Match {
  readonly path: string
  readonly byMethod: ReadonlyMap<string, Route>
  readonly params: Readonly<Record<string, string>>
}

const byPath = new Map<string, Map<string, Route>>()
for (const route of routes) {
  const methods = byPath.get(route.path) ?? new Map<string, Route>()
  methods.set(route.method, route)
  byPath.set(route.path, methods)
}
const patterns = [...byPath]
  .filter(([path]) => path.includes("{"))
  .map(([path, byMethod]) => {
    const names: Array<string> = []
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name)
      return "([^/]+)"
    })
    return { path, byMethod, names, regex: new RegExp(`^${source}$`) }
  })

const noParams: Readonly<Record<string, string>> = {}

/** The route(s) for a path under `/v1` (`"/auth"`), or undefined. */
export const matchRoute = (apiPath: string): Match | undefined => {
  const exact = byPath.get(apiPath)
  if (exact !== undefined && !apiPath.includes("{"))
    return { path: apiPath, byMethod: exact, params: noParams }
  for (const p of patterns) {
    const m = p.regex.exec(apiPath)
    if (m === null) continue
    const params: Record<string, string> = {}
    p.names.forEach((name, i) => {
      params[name] = m[i + 1]!
    })
    return { path: p.path, byMethod: p.byMethod, params }
  }
  return undefined
}
