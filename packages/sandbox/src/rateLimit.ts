/**
 * Per-client-IP rate limiting of `/auth` and the two password reset endpoints, as SORACOM does: a fixed window
 * per (IP, route); over the limit → 429 with `X-Soracom-Ratelimit-*` headers and `Retry-After`.
 *
 * @since 0.1.0
 */
import { routes } from "./internal/routes.ts"

/**
 * How many requests one IP may make to one rate-limited route per window.
 *
 * @category models
 * @since 0.1.0
 */
export interface RateLimitConfig {
  /** Requests allowed per window, per IP and route. Default 60. */
  readonly limit?: number
  /** Window length in seconds. Default 60 (SORACOM: "wait up to a minute"). */
  readonly windowSeconds?: number
}

/**
 * The defaults: 60 requests per minute per IP and route.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultRateLimit: Required<RateLimitConfig> = { limit: 60, windowSeconds: 60 }

/**
 * The routes (under `/v1`) that are rate limited.
 *
 * @category constants
 * @since 0.1.0
 */
export const rateLimitedRoutes: ReadonlyArray<string> = routes.filter((r) => r.rateLimited).map((r) => r.path)

/** The verdict on one request, with the headers to send either way. */
export interface RateVerdict {
  readonly allowed: boolean
  readonly headers: Record<string, string>
  readonly retryAfterSeconds: number
}

/** A fixed-window counter per key. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  readonly limit: number
  readonly windowMs: number

  private readonly clock: () => number

  constructor(config: RateLimitConfig, clock: () => number) {
    this.clock = clock
    this.limit = config.limit ?? defaultRateLimit.limit
    this.windowMs = (config.windowSeconds ?? defaultRateLimit.windowSeconds) * 1000
  }

  take(key: string): RateVerdict {
    const now = this.clock()
    let window = this.windows.get(key)
    if (window === undefined || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now)
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count++
    const allowed = window.count <= this.limit
    const secondsLeft = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000))
    const headers: Record<string, string> = {
      "X-Soracom-Ratelimit-Limit": String(this.limit),
      "X-Soracom-Ratelimit-Remaining": String(Math.max(0, this.limit - window.count)),
      "X-Soracom-Ratelimit-Seconds-Before-Refresh": String(secondsLeft),
    }
    if (!allowed) headers["Retry-After"] = String(secondsLeft)
    return { allowed, headers, retryAfterSeconds: secondsLeft }
  }

  reset(): void {
    this.windows.clear()
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key)
  }
}
