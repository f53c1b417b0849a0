/**
 * The sandbox's own admin API, under `/_sandbox` (never under `/v1`, so it cannot collide with SORACOM's).
 * Documented in the package README.
 */
import { type Fault, faultProblem } from "../faults.ts"
import type { Sandbox } from "../Sandbox.ts"
import { type Answer, failure } from "./answer.ts"
import { type HttpExchange, parseJson, readBody } from "./http.ts"

export interface AdminRequest {
  readonly body: unknown
  readonly params: URLSearchParams
  readonly sandbox: Sandbox
}

type AdminHandler = (request: AdminRequest) => Answer

const index = (r: AdminRequest): Answer => ({
  status: 200,
  json: {
    url: r.sandbox.url,
    endpoint: r.sandbox.endpoint,
    adminUrl: r.sandbox.adminUrl,
    routes: {
      "GET /_sandbox": "this index",
      "GET /_sandbox/outbox": "mails sent (password reset tokens), oldest first",
      "DELETE /_sandbox/outbox": "empty the outbox",
      "GET /_sandbox/faults": "faults in force, by route",
      "POST /_sandbox/faults":
        "set a fault: {route, status?, body?, headers?, delayMs?, drop?, malformed?, times?}",
      "DELETE /_sandbox/faults[?route=/auth]": "clear one route's fault, or all",
      "GET /_sandbox/exchanges": "recorded exchanges, in arrival order",
      "DELETE /_sandbox/exchanges": "forget recorded exchanges",
      "PUT /_sandbox/recording": "{enabled: boolean} — start or stop recording",
      "DELETE /_sandbox/ratelimit": "forget rate-limit counters",
      "DELETE /_sandbox/sessions[?apiKey=api-…]": "revoke one API key's session, or all: {revoked: n}",
    },
  },
})

const setFault = (r: AdminRequest): Answer => {
  const problem = faultProblem(r.body)
  if (problem !== undefined) return failure("malformedBody", problem)
  const { route, ...fault } = r.body as Fault & { route: string }
  r.sandbox.faults.set(route, fault)
  return { status: 201, json: { route, ...fault } }
}

const setRecording = (r: AdminRequest): Answer => {
  const body = r.body as { enabled?: unknown } | undefined
  if (typeof body !== "object" || body === null || typeof body.enabled !== "boolean") {
    return failure("malformedBody", 'expected {"enabled": true|false}')
  }
  r.sandbox.setRecording(body.enabled)
  return { status: 200, json: { enabled: body.enabled } }
}

/** Admin routes by path, then method. */
export const adminRoutes: ReadonlyMap<string, Readonly<Record<string, AdminHandler>>> = new Map([
  ["/_sandbox", { GET: index }],
  ["/_sandbox/", { GET: index }],
  [
    "/_sandbox/outbox",
    {
      GET: (r: AdminRequest) => ({ status: 200, json: r.sandbox.outbox() }),
      DELETE: (r: AdminRequest) => {
        r.sandbox.clearOutbox()
        return { status: 204 }
      },
    },
  ],
  [
    "/_sandbox/faults",
    {
      GET: (r: AdminRequest) => ({ status: 200, json: r.sandbox.faults.list() }),
      POST: setFault,
      DELETE: (r: AdminRequest) => {
        const route = r.params.get("route")
        r.sandbox.faults.clear(route === null ? undefined : route)
        return { status: 204 }
      },
    },
  ],
  [
    "/_sandbox/exchanges",
    {
      GET: (r: AdminRequest) => ({ status: 200, json: r.sandbox.exchanges() }),
      DELETE: (r: AdminRequest) => {
        r.sandbox.clearExchanges()
        return { status: 204 }
      },
    },
  ],
  ["/_sandbox/recording", { PUT: setRecording }],
  [
    "/_sandbox/sessions",
    {
      DELETE: (r: AdminRequest) => {
        const apiKey = r.params.get("apiKey")
        return {
          status: 200,
          json: { revoked: r.sandbox.revokeSessions(apiKey === null ? undefined : apiKey) },
        }
      },
    },
  ],
  [
    "/_sandbox/ratelimit",
    {
      DELETE: (r: AdminRequest) => {
        r.sandbox.resetRateLimits()
        return { status: 204 }
      },
    },
  ],
])

/** The host name of a `Host` header value or an origin's host (`name`, `name:port`, `[v6]:port`). */
const hostName = (value: string): string | undefined => {
  try {
    return new URL(`http://${value}`).hostname
  } catch {
    return undefined
  }
}

const isLoopbackName = (name: string): boolean =>
  name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)

/**
 * Why a request may not use the admin API: a `Host` that is not loopback (or the address the sandbox was
 * explicitly bound to) — a page whose DNS name was rebound to 127.0.0.1 — or an `Origin` of another site.
 */
const adminRefusal = (ex: HttpExchange, boundHost: string): string | undefined => {
  const allowed = (value: string | undefined) => {
    const name = value === undefined ? undefined : hostName(value)
    return name !== undefined && (isLoopbackName(name) || name === hostName(boundHost))
  }
  const host = ex.req.headers.host
  if (!allowed(host)) return `Host ${JSON.stringify(host ?? "")}`
  const origin = ex.req.headers.origin
  if (origin !== undefined && !allowed(origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")))
    return `Origin ${JSON.stringify(origin)}`
  return undefined
}

/** A body-carrying admin request must say it is JSON: a browser cannot send that cross-site without asking. */
const mediaTypeRefusal = (ex: HttpExchange): string | undefined => {
  const method = ex.req.method
  // The admin routes that read a body (no PATCH route: a PATCH is 405 before this).
  if (method !== "POST" && method !== "PUT") return undefined
  const type = ex.req.headers["content-type"]
  const essence = type?.split(";")[0]?.trim().toLowerCase()
  return essence === "application/json" ? undefined : JSON.stringify(type ?? "nothing")
}

const wildcards = ["0.0.0.0", "::", ""]

/** Handles one request under `/_sandbox`. */
export const handleAdmin = async (
  sandbox: Sandbox,
  maxBodyBytes: number,
  ex: HttpExchange,
): Promise<void> => {
  const raw = await readBody(ex, maxBodyBytes)
  if (raw === undefined) return
  const refused = adminRefusal(ex, wildcards.includes(sandbox.host) ? "localhost" : sandbox.host)
  if (refused !== undefined) return ex.error("adminForbidden", refused)
  const route = adminRoutes.get(ex.path)
  if (route === undefined) return ex.error("notFound", ex.path)
  // A request node:http parsed always has its method.
  const method = ex.req.method!
  const handler = route[method]
  if (handler === undefined)
    return ex.error("methodNotAllowed", `${method} ${ex.path}`, { Allow: Object.keys(route).join(", ") })
  const badType = mediaTypeRefusal(ex)
  if (badType !== undefined) return ex.error("unsupportedMediaType", badType)
  let body: unknown
  if (raw.trim().length > 0) {
    const parsed = parseJson(raw)
    if (!parsed.ok) return ex.error("malformedBody", parsed.reason)
    body = parsed.value
  }
  const params = new URLSearchParams(ex.query ?? "")
  ex.answer(handler({ body, params, sandbox }))
}
