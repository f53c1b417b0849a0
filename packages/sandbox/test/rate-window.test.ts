/**
 * The fixed window of the rate limiter at its edges, under a hand-moved clock: the window ends exactly
 * `windowSeconds` after its first request (not a millisecond later), the seconds left round up and never show 0,
 * each key counts alone, and clearing out expired windows of a crowded limiter never forgets a live one.
 */
import { describe, expect, it } from "vitest"
import { RateLimiter } from "../src/rateLimit.ts"

const clock = (start = 1_000_000) => {
  let now = start
  return {
    now: () => now,
    set: (ms: number) => {
      now = start + ms
    },
  }
}

describe("RateLimiter", () => {
  it("the window closes exactly windowSeconds after its first request", () => {
    const time = clock()
    const limiter = new RateLimiter({ limit: 2, windowSeconds: 10 }, time.now)
    expect(limiter.take("ip").allowed).toBe(true)
    time.set(4_000)
    expect(limiter.take("ip").allowed).toBe(true)
    time.set(9_999)
    const last = limiter.take("ip")
    expect(last.allowed).toBe(false)
    expect(last.retryAfterSeconds).toBe(1)
    expect(last.headers["Retry-After"]).toBe("1")
    time.set(10_000)
    const fresh = limiter.take("ip")
    expect(fresh.allowed).toBe(true)
    expect(fresh.headers["X-Soracom-Ratelimit-Remaining"]).toBe("1")
    expect(fresh.headers["X-Soracom-Ratelimit-Seconds-Before-Refresh"]).toBe("10")
    expect(fresh.headers["Retry-After"]).toBeUndefined()
  })

  it("seconds before refresh round up: 7.5 s left reads 8", () => {
    const time = clock()
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 10 }, time.now)
    limiter.take("ip")
    time.set(2_500)
    const refused = limiter.take("ip")
    expect(refused.headers).toEqual({
      "X-Soracom-Ratelimit-Limit": "1",
      "X-Soracom-Ratelimit-Remaining": "0",
      "X-Soracom-Ratelimit-Seconds-Before-Refresh": "8",
      "Retry-After": "8",
    })
  })

  it("defaults: 60 requests per 60 s", () => {
    const time = clock()
    const limiter = new RateLimiter({}, time.now)
    for (let i = 0; i < 60; i++) expect(limiter.take("ip").allowed).toBe(true)
    expect(limiter.take("ip").headers["Retry-After"]).toBe("60")
    time.set(59_999)
    expect(limiter.take("ip").allowed).toBe(false)
    time.set(60_000)
    expect(limiter.take("ip").allowed).toBe(true)
  })

  it("each key has its own window; reset forgets them all", () => {
    const time = clock()
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 60 }, time.now)
    expect(limiter.take("a").allowed).toBe(true)
    expect(limiter.take("a").allowed).toBe(false)
    expect(limiter.take("b").allowed).toBe(true)
    limiter.reset()
    expect(limiter.take("a").allowed).toBe(true)
  })

  it("with more than 10,000 keys, clearing out expired windows keeps the live ones", () => {
    const time = clock()
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 60 }, time.now)
    limiter.take("limited")
    for (let i = 0; i < 10_001; i++) limiter.take(`ip-${i}`)
    time.set(1_000)
    // a new key in a crowded limiter: expired windows may go, "limited" (1 s old) must stay
    limiter.take("newcomer")
    expect(limiter.take("limited").allowed).toBe(false)
    // once every window has expired, a crowded limiter starts them afresh
    time.set(61_000)
    limiter.take("another")
    expect(limiter.take("limited").allowed).toBe(true)
  })
})
