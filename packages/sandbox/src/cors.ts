/**
 * CORS for the `/v1` API, so a web app served from another origin (a dev server, a test page) can call the
 * sandbox from a browser. Default: any origin. The admin API (`/_sandbox`) never answers cross-origin requests.
 *
 * @since 0.1.0
 */
import type { IncomingMessage } from "node:http"

/**
 * Which origins may call `/v1` from a browser: `"*"` (any, the default) or a list of exact origins
 * (`"http://localhost:5173"`). `cors: false` in {@link SandboxOptions} sends no CORS headers at all.
 *
 * @category models
 * @since 0.1.0
 */
export interface CorsOptions {
  readonly origins: "*" | ReadonlyArray<string>
}

/**
 * @category constants
 * @since 0.1.0
 */
export const defaultCors: CorsOptions = { origins: "*" }

// Answers a browser may read besides the simple ones: the rate-limit headers of the API.
const exposed =
  "Retry-After, X-Soracom-Ratelimit-Limit, X-Soracom-Ratelimit-Remaining, X-Soracom-Ratelimit-Seconds-Before-Refresh"
const methods = "GET, POST, PUT, DELETE"
// Bounds what a preflight may ask for (header names are short; a client lists a handful).
const maxRequestedHeaders = 1024
const headerList = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/

/** The headers for one `/v1` exchange, and whether it is a preflight to answer (204) without routing. */
export const corsFor = (
  options: CorsOptions | false,
  req: IncomingMessage,
): { readonly headers: Record<string, string> | undefined; readonly preflight: boolean } => {
  const origin = req.headers.origin
  if (options === false || origin === undefined) return { headers: undefined, preflight: false }
  const any = options.origins === "*"
  if (!any && !options.origins.includes(origin)) return { headers: undefined, preflight: false }
  const headers: Record<string, string> = any
    ? { "Access-Control-Allow-Origin": "*" }
    : { "Access-Control-Allow-Origin": origin, Vary: "Origin" }
  const requestedMethod = req.headers["access-control-request-method"]
  if (req.method !== "OPTIONS" || requestedMethod === undefined) {
    headers["Access-Control-Expose-Headers"] = exposed
    return { headers, preflight: false }
  }
  headers["Access-Control-Allow-Methods"] = methods
  // The headers a client sends vary (Effect adds trace headers such as `traceparent` and `b3`): allow what the
  // preflight names, when it is a well-formed list of header names.
  const requested = req.headers["access-control-request-headers"]
  if (requested !== undefined && requested.length <= maxRequestedHeaders && headerList.test(requested.trim()))
    headers["Access-Control-Allow-Headers"] = requested.trim()
  headers["Access-Control-Max-Age"] = "600"
  return { headers, preflight: true }
}
