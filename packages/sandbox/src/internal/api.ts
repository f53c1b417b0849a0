/**
 * Handling of one `/v1` request: record it, route it, apply a fault or the rate limit, parse the body, and
 * answer what the route's handler answers.
 */
import type { Fault, Faults } from "../faults.ts"
import type { RateLimiter } from "../rateLimit.ts"
import type { Recorder } from "../recording.ts"
import { type HttpExchange, jsonType, parseJson, readBody, type Sent, sleep } from "./http.ts"
import { matchRoute } from "./routes.ts"
import type { State } from "./state.ts"

/** What the request handlers share: the sandbox's parts. */
export interface Parts {
  readonly state: State
  readonly faults: Faults
  readonly limiter: RateLimiter | undefined
  readonly recorder: Recorder
  readonly maxBodyBytes: number
  /** Timers of delayed answers, cleared on close. */
  readonly timers: Set<NodeJS.Timeout>
}

/** Answers with the fault instead of handling the request; false when the fault only delays. */
const applyFault = async (parts: Parts, ex: HttpExchange, fault: Fault): Promise<boolean> => {
  if (fault.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs, parts.timers)
  if (fault.drop === true) {
    ex.req.socket.destroy()
    return true
  }
  if (fault.malformed === true) {
    const raw = typeof fault.body === "string" ? fault.body : '{"apiKey":"api-'
    ex.sendRaw(fault.status ?? 200, { "Content-Type": jsonType, ...fault.headers }, raw)
    return true
  }
  if (fault.status !== undefined) {
    if (fault.body === undefined) ex.error("injectedFault", undefined, { ...fault.headers }, fault.status)
    else if (typeof fault.body === "string")
      ex.sendRaw(fault.status, { "Content-Type": "text/plain;charset=UTF-8", ...fault.headers }, fault.body)
    else ex.json(fault.status, fault.body, { ...fault.headers })
    return true
  }
  return false
}

export const handleApi = async (parts: Parts, ex: HttpExchange): Promise<void> => {
  const { req } = ex
  const recording = parts.recorder.on
  let early: Sent | undefined
  // A 413 is answered while the body is read, before the record exists.
  if (recording)
    ex.onSent = (sent) => {
      early = sent
    }
  const raw = await readBody(ex, parts.maxBodyBytes)
  if (recording) {
    const respond = parts.recorder.request(ex, raw)
    if (early !== undefined) respond(early)
    else ex.onSent = respond
  }
  if (raw === undefined) return
  const path = ex.path
  const match = path.startsWith("/v1/") ? matchRoute(path.slice(3)) : undefined
  if (match === undefined) return ex.error("notFound", path)
  // A request node:http parsed always has its method.
  const method = req.method!
  const route = match.byMethod.get(method)
  if (route === undefined)
    return ex.error("methodNotAllowed", `${method} ${path}`, { Allow: [...match.byMethod.keys()].join(", ") })
  const fault = parts.faults.take(route.path)
  if (fault !== undefined && (await applyFault(parts, ex, fault))) return
  if (parts.limiter !== undefined && route.rateLimited) {
    // A socket already gone has no address: "undefined" then names one window shared by all such.
    const verdict = parts.limiter.take(`${req.socket.remoteAddress} ${route.path}`)
    ex.extraHeaders =
      ex.extraHeaders === undefined ? verdict.headers : { ...ex.extraHeaders, ...verdict.headers }
    if (!verdict.allowed) return ex.error("rateLimited", String(verdict.retryAfterSeconds))
  }
  let body: Record<string, unknown> | undefined
  if (route.needsBody) {
    if (raw.trim().length === 0) return ex.error("malformedBody", "a JSON object is required")
    const parsed = parseJson(raw)
    if (!parsed.ok) return ex.error("malformedBody", parsed.reason)
    if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
      return ex.error("malformedBody", "a JSON object is required")
    body = parsed.value as Record<string, unknown>
  }
  ex.answer(await route.handler({ body, headers: req.headers, params: match.params, state: parts.state }))
}
