/**
 * Fault injection per route, for testing clients: answer with a status (and body), wait first, drop the
 * connection, or send a malformed body. Set through the JS handle (`sandbox.faults`) or the admin HTTP API.
 *
 * @since 0.1.0
 */
import { validateHeaderName, validateHeaderValue } from "node:http"
import { jsonDepthOver, maxJsonDepth } from "./internal/http.ts"
import { routes } from "./internal/routes.ts"

/**
 * A fault for one route. Combine `delayMs` with one of `drop`, `malformed` or `status`; `delayMs` alone delays
 * the real answer.
 *
 * @category models
 * @since 0.1.0
 */
export interface Fault {
  /** Answer with this status instead of handling the request. Body: `body`, else `{code:"SBX0099",message}`. */
  readonly status?: number
  /** Body for `status` (or `malformed`): an object/array → JSON; a string → sent as is (`text/plain` unless `headers` say otherwise). */
  readonly body?: unknown
  /** Extra response headers for `status` / `malformed`. */
  readonly headers?: Readonly<Record<string, string>>
  /** Wait this long (ms) before answering (or dropping). */
  readonly delayMs?: number
  /** Destroy the socket without answering. */
  readonly drop?: boolean
  /** Answer `status` (default 200) with `Content-Type: application/json` and a truncated, unparsable JSON body. */
  readonly malformed?: boolean
  /** Apply to this many requests, then remove itself (default: until cleared). */
  readonly times?: number
}

/**
 * Route names: a route's path under `/v1` as {@link faultRoutes} lists them (`"/auth"`, `"/auth/logout"`…; a
 * path with a parameter as written, e.g. `"/operators/{id}"`), or `"*"` for every `/v1` request.
 *
 * @category models
 * @since 0.1.0
 */
export type FaultRoute = string

/**
 * The control of faults on a running sandbox.
 *
 * @category models
 * @since 0.1.0
 */
export interface FaultControl {
  /** Sets (replaces) the fault of a route. */
  set(route: FaultRoute, fault: Fault): void
  /** Removes the fault of a route, or every fault. */
  clear(route?: FaultRoute): void
  /** The faults now in force, by route (with `times` counting down). */
  list(): Readonly<Record<FaultRoute, Fault>>
}

/**
 * The routes a fault can be set on: every SORACOM route of the sandbox (path under `/v1`), and `"*"`.
 *
 * @category constants
 * @since 0.1.0
 */
export const faultRoutes: ReadonlyArray<FaultRoute> = [...new Set(routes.map((r) => r.path)), "*"]

const routeProblem = (route: unknown): string | undefined =>
  typeof route === "string" && faultRoutes.includes(route)
    ? undefined
    : `route: one of ${faultRoutes.map((r) => JSON.stringify(r)).join(", ")}`

/** Checks a fault given over HTTP; returns the problem or undefined. */
export const faultProblem = (value: unknown): string | undefined => {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "a fault must be a JSON object"
  const f = value as Record<string, unknown>
  const allowed = ["route", "status", "body", "headers", "delayMs", "drop", "malformed", "times"]
  for (const key of Object.keys(f))
    if (!allowed.includes(key)) return `unknown key ${key} (allowed: ${allowed.join(", ")})`
  const badRoute = routeProblem(f.route)
  if (badRoute !== undefined) return badRoute
  if (
    f.status !== undefined &&
    !(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) <= 599)
  )
    return "status: an integer 200…599"
  if (f.delayMs !== undefined && !(typeof f.delayMs === "number" && f.delayMs >= 0 && f.delayMs <= 600_000))
    return "delayMs: a number 0…600000"
  if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times as number) >= 1))
    return "times: an integer ≥ 1"
  if (f.drop !== undefined && typeof f.drop !== "boolean") return "drop: a boolean"
  if (f.malformed !== undefined && typeof f.malformed !== "boolean") return "malformed: a boolean"
  if (f.headers !== undefined) {
    if (typeof f.headers !== "object" || f.headers === null || Array.isArray(f.headers))
      return "headers: an object of strings"
    for (const [name, v] of Object.entries(f.headers)) {
      if (typeof v !== "string") return "headers: an object of strings"
      const problem = headerProblem(name, v)
      if (problem !== undefined) return `headers: ${problem}`
    }
  }
  if (f.body !== undefined && typeof f.body !== "string") return bodyProblem(f.body)
  return undefined
}

/** Headers the sandbox sets itself: a fault that set them would make every answer of the route unsendable. */
const framingHeaders = ["content-length", "transfer-encoding"]

/** A header Node would refuse to send (so the route would 500 on every request), or one that breaks framing. */
const headerProblem = (name: string, value: string): string | undefined => {
  try {
    validateHeaderName(name)
    validateHeaderValue(name, value)
  } catch {
    return `${JSON.stringify(name)} is not a valid header name and value (RFC 9110 token; no CR, LF or NUL)`
  }
  if (framingHeaders.includes(name.toLowerCase())) return `${name} is set by the sandbox`
  return undefined
}

/** A body that could not be sent or listed again (cyclic, not JSON, nested too deep) is never stored. */
const bodyProblem = (body: unknown): string | undefined => {
  let text: string | undefined
  try {
    text = JSON.stringify(body)
  } catch {
    return "body: not serialisable as JSON"
  }
  if (text === undefined) return "body: not serialisable as JSON"
  if (jsonDepthOver(text, maxJsonDepth)) return `body: nested deeper than ${maxJsonDepth}`
  return undefined
}

/** The store of faults, consulted on every `/v1` request. */
export class Faults implements FaultControl {
  private readonly faults = new Map<FaultRoute, { fault: Fault; remaining: number }>()

  set(route: FaultRoute, fault: Fault): void {
    const problem = faultProblem({ ...fault, route })
    if (problem !== undefined) throw new RangeError(`faults.set: ${problem}`)
    this.faults.set(route, { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY })
  }

  clear(route?: FaultRoute): void {
    if (route === undefined) this.faults.clear()
    else this.faults.delete(route)
  }

  list(): Readonly<Record<FaultRoute, Fault>> {
    const out: Record<FaultRoute, Fault> = {}
    for (const [route, { fault, remaining }] of this.faults) {
      out[route] = Number.isFinite(remaining) ? { ...fault, times: remaining } : fault
    }
    return out
  }

  /** The fault to apply to this request (the route's own, else `"*"`), consuming one of its `times`. */
  take(route: FaultRoute): Fault | undefined {
    if (this.faults.size === 0) return undefined
    const key = this.faults.has(route) ? route : this.faults.has("*") ? "*" : undefined
    if (key === undefined) return undefined
    const entry = this.faults.get(key)!
    entry.remaining--
    if (entry.remaining <= 0) this.faults.delete(key)
    return entry.fault
  }
}
