/**
 * How the store connects and what it trusts, against a real redis-server and sandbox: an unreachable or unparsable
 * Redis named plainly (a refusal, not a timeout), the warning at start rather than at the first sign-in, Redis left
 * alone for `retryAfter` after a failure, an empty password's refusal readable, one connection per Promise store
 * (closed by `close()`), and stored values that are stale or not a session ignored.
 */
import { hostname } from "node:os"
import { setTimeout as sleep } from "node:timers/promises"
import { AuthSession } from "@soracom-auth/core"
import { Effect, Logger, ManagedRuntime, Redacted } from "effect"
import { createClient } from "redis"
import { assert, describe, it } from "vitest"
import { type RedisSessionStore, redisStore } from "../src/index.ts"
import { processLayer, signInPosts, strictFailure } from "./process.ts"
import { hasRedis } from "./redis-server.ts"
import { useWorld } from "./world.ts"

describe.runIf(hasRedis())("RedisSessionStore's connection", { timeout: 60_000 }, () => {
  const world = useWorld()

  const posts = () => signInPosts(world.sandbox)

  const processWith = (options: Partial<RedisSessionStore.NodeOptions> = {}) => {
    const warnings: Array<string> = []
    const infos: Array<string> = []
    const logger = Logger.make(({ logLevel, message }) => {
      const text = Array.isArray(message) ? message.join(" ") : String(message)
      if (logLevel === "Warn") warnings.push(text)
      if (logLevel === "Info") infos.push(text)
    })
    const runtime = ManagedRuntime.make(processLayer(world.redis, world.sandbox, { ...options }, logger))
    world.runtimes.push(runtime)
    return {
      runtime,
      warnings,
      infos,
      headers: () => runtime.runPromise(AuthSession.AuthSession.use((s) => s.headers)),
      invalidate: () => runtime.runPromise(AuthSession.AuthSession.use((s) => s.invalidate)),
    }
  }

  it("strict, nothing listening: the refusal is named at once (the first connection is not retried until a timeout)", async () => {
    const url = world.redis.url.replace(/:\d+$/, ":1")
    const message = await strictFailure({ url, commandTimeout: 4_000 })
    assert.match(message, /ECONNREFUSED/)
  })

  it("an unparsable URL: strict refuses it as unavailable; otherwise one warning and sign-ins go on", async () => {
    assert.match(await strictFailure({ url: "redis://[not a url" }), /Invalid URL/)
    const a = processWith({ url: "redis://[not a url" })
    await a.headers()
    assert.strictEqual(posts(), 1)
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
  })

  it("Redis down: the warning comes when the layer starts, before any sign-in", async () => {
    const a = processWith({ url: world.redis.url.replace(/:\d+$/, ":1") })
    await a.runtime.runPromise(Effect.void)
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
    assert.strictEqual(posts(), 0)
  })

  it("after a failure Redis is left alone for retryAfter: back within it, the session is not stored there yet", async () => {
    const a = processWith({ retryAfter: 60_000 })
    await a.headers()
    await a.invalidate()
    await world.raw.close()
    let down = true
    await world.redis.stop()
    try {
      await a.headers()
      assert.strictEqual(a.warnings.length, 1)
      await world.redis.start()
      down = false
      world.raw = createClient({ url: world.redis.url, password: world.redis.password })
      world.raw.on("error", () => undefined)
      await world.raw.connect()
      // time for the store's own connection to come back (its reconnect backoff is at most ~2.2 s)
      await sleep(3_000)
      await a.invalidate()
      await a.headers()
      assert.strictEqual(posts(), 3)
      assert.deepStrictEqual(await world.raw.keys("*"), [])
    } finally {
      if (down) await world.redis.start()
    }
  })

  it("an empty password: Redis's refusal is shown as it said it, not mangled", async () => {
    const a = processWith({ password: Redacted.make("") })
    await a.headers()
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
    assert.match(a.warnings[0]!, /\(NOAUTH HELLO must be called/)
  })

  it("a slow Redis is named as a timeout in the warning", async () => {
    const a = processWith({ commandTimeout: 300 })
    await a.headers()
    await a.invalidate()
    world.redis.pause()
    try {
      await a.headers()
    } finally {
      world.redis.resume()
    }
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
    assert.match(a.warnings[0]!, /unavailable \(Operation timed out/)
  })

  it("a stored session too close to its expiry is not reused: this process signs in and stores its own", async () => {
    const a = processWith()
    const first = await a.headers()
    const [sessionKey] = await world.raw.keys("*")
    const stored = JSON.parse((await world.raw.get(sessionKey!))!)
    // 30 s left: inside the refresh margin of a one-hour session
    stored.expiresAt = new Date(Date.now() + 30_000).toISOString()
    await world.raw.set(sessionKey!, JSON.stringify(stored), { PX: 30_000 })
    const b = processWith()
    const second = await b.headers()
    // refreshed (a renewal or a sign-in), not the stored one
    assert.notStrictEqual(second["X-Soracom-Token"], first["X-Soracom-Token"])
    assert.isAbove(
      Date.parse(JSON.parse((await world.raw.get(sessionKey!))!).expiresAt),
      Date.now() + 3_000_000,
    )
  })

  it("a stored value that is not a session is ignored: this process signs in and overwrites it", async () => {
    const a = processWith()
    await a.headers()
    const [sessionKey] = await world.raw.keys("*")
    await world.raw.set(sessionKey!, "{not json", { PX: 60_000 })
    const b = processWith()
    const headers = await b.headers()
    assert.strictEqual(posts(), 2)
    assert.strictEqual(JSON.parse((await world.raw.get(sessionKey!))!).apiKey, headers["X-Soracom-API-Key"])
  })

  it("a waiter polls Redis with backoff, not in a tight loop", async () => {
    world.sandbox.faults.set("/auth", { delayMs: 3_000, times: 1 })
    const a = processWith({ commandTimeout: 5_000 })
    const b = processWith({ commandTimeout: 5_000 })
    const first = a.headers()
    while ((await world.raw.keys("*:lock")).length === 0) await sleep(20)
    const gets = async () =>
      Number(/cmdstat_get:calls=(\d+)/.exec(await world.raw.info("commandstats"))?.[1] ?? 0)
    const before = await gets()
    await Promise.all([first, b.headers()])
    // about one GET per 100 ms over ~3 s once backed off; a loop without backoff makes thousands
    assert.isBelow((await gets()) - before, 300)
    assert.strictEqual(posts(), 1)
  })

  it("the lock names its holder (host and process id) for whoever looks at Redis", async () => {
    world.sandbox.faults.set("/auth", { delayMs: 1_500, times: 1 })
    const a = processWith()
    const pending = a.headers()
    let lock: Array<string> = []
    while (lock.length === 0) lock = await world.raw.keys("*:lock")
    assert.match((await world.raw.get(lock[0]!)) ?? "", new RegExp(`^${hostname()}:${process.pid}:`))
    await pending
  })

  it("a Redis that never failed is never announced as available again", async () => {
    const a = processWith()
    await a.headers()
    await a.invalidate()
    await a.headers()
    assert.deepStrictEqual(a.warnings, [])
    assert.deepStrictEqual(a.infos, [])
  })

  it("one outage, one warning: still down after retryAfter, no second warning", async () => {
    const a = processWith({ retryAfter: 200 })
    await a.headers()
    await world.raw.close()
    let down = true
    await world.redis.stop()
    try {
      await a.invalidate()
      await a.headers()
      await sleep(500)
      await a.invalidate()
      await a.headers()
      assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
      await world.redis.start()
      down = false
    } finally {
      if (down) await world.redis.start()
    }
  })

  describe("redisStore", () => {
    const connections = async () =>
      Number(/connected_clients:(\d+)/.exec(await world.raw.info("clients"))?.[1] ?? 0)

    it("one connection however many calls, and close() ends it", async () => {
      const base = await connections()
      const store = redisStore({
        url: world.redis.url,
        password: world.redis.password,
        identity: "connection-1",
      })
      for (let i = 0; i < 5; i++) await store.load()
      await store.clear()
      assert.strictEqual((await connections()) - base, 1)
      await store.close()
      for (let i = 0; i < 50 && (await connections()) > base; i++) await sleep(20)
      assert.strictEqual(await connections(), base)
    })

    it("a session that is not one (a caller's bug) is refused by name", async () => {
      const store = redisStore({
        url: world.redis.url,
        password: world.redis.password,
        identity: "connection-2",
      })
      try {
        const error = await store.save({} as never).catch((e: unknown) => e)
        assert.instanceOf(error, Error)
        assert.match((error as Error).message, /redisStore: a malformed session/)
      } finally {
        await store.close()
      }
    })
  })
})
