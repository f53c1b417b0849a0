/**
 * The store in one process (each runtime stands for a process: its own connection): what lands in Redis, reuse of a
 * stored session, a lock held by a dead process, a wrong password (degraded by default, a typed error when strict),
 * Redis down at start and back later. Real redis-server, real sandbox.
 */
import { setTimeout as sleep } from "node:timers/promises"
import { NodeRedis } from "@effect/platform-node"
import { AuthSession, Credentials, Endpoint, RetryPolicy, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { Effect, Exit, Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { createClient } from "redis"
import { afterEach, assert, beforeEach, describe, it } from "vitest"
import { RedisSessionStore } from "../src/index.ts"
import { demoKey, processLayer, signInPosts } from "./process.ts"
import { hasRedis, type RedisServer, startRedis } from "./redis-server.ts"

const key = demoKey

const posts = signInPosts

describe.runIf(hasRedis())("RedisSessionStore", { timeout: 60_000 }, () => {
  let redis: RedisServer
  let sandbox: Sandbox
  let raw: ReturnType<typeof createClient>
  const runtimes: Array<ManagedRuntime.ManagedRuntime<AuthSession.AuthSession, unknown>> = []
  beforeEach(async () => {
    redis = await startRedis()
    sandbox = await startSandbox({ ...testSandboxOptions, record: true })
    raw = createClient({ url: redis.url, password: redis.password })
    await raw.connect()
  })
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((r) => r.dispose()))
    if (raw.isOpen) await raw.close()
    await sandbox.close()
    await redis[Symbol.asyncDispose]()
  })

  /** A "process": its AuthSession on its own Redis connection; warnings are collected. */
  const processWith = (options: Partial<RedisSessionStore.NodeOptions> = {}) => {
    const warnings: Array<string> = []
    const logger = Logger.make(({ logLevel, message }) => {
      if (logLevel === "Warn" || logLevel === "Error")
        warnings.push(Array.isArray(message) ? message.join(" ") : String(message))
    })
    const runtime = ManagedRuntime.make(processLayer(redis, sandbox, { retryAfter: 500, ...options }, logger))
    runtimes.push(runtime)
    const run = <A, E>(f: (s: AuthSession.Service) => Effect.Effect<A, E>) =>
      runtime.runPromise(AuthSession.AuthSession.use(f))
    return {
      runtime,
      warnings,
      headers: () => run((s) => s.headers),
      invalidate: () => run((s) => s.invalidate),
    }
  }

  it("stores the session under a hashed key with its remaining lifetime as TTL, and frees the lock", async () => {
    const a = processWith()
    const headers = await a.headers()
    const keys = await raw.keys("*")
    assert.strictEqual(keys.length, 1)
    assert.match(keys[0]!, /^soracom-auth:session:[0-9a-f]{64}$/)
    // neither the AuthKey id nor the secret in key names
    assert.notInclude(keys[0]!, key.authKeyId)
    const ttl = await raw.pTTL(keys[0]!)
    assert.isAbove(ttl, 3_500_000)
    assert.isAtMost(ttl, 3_600_000)
    const stored = JSON.parse((await raw.get(keys[0]!))!)
    assert.strictEqual(stored.apiKey, headers["X-Soracom-API-Key"])
    assert.strictEqual(posts(sandbox), 1)
    assert.deepStrictEqual(a.warnings, [])
  })

  it("another process reuses the stored session without signing in; invalidate clears it for everyone", async () => {
    const a = processWith()
    const b = processWith()
    const first = await a.headers()
    assert.deepStrictEqual(await b.headers(), first)
    assert.strictEqual(posts(sandbox), 1)
    await a.invalidate()
    assert.deepStrictEqual(await raw.keys("*"), [])
    const c = processWith()
    assert.notDeepEqual(await c.headers(), first)
    assert.strictEqual(posts(sandbox), 2)
  })

  it("a lock left by a dead holder is waited out, then this process signs in", async () => {
    const a = processWith()
    await a.headers()
    const [sessionKey] = await raw.keys("*")
    await raw.del(sessionKey!)
    await raw.set(`${sessionKey}:lock`, "gone-host:1:dead", { PX: 2_000 })
    const b = processWith({ lockTtl: 2_000 })
    const pending = b.headers()
    await sleep(500)
    // still held by the dead holder: nobody signed in
    assert.strictEqual(posts(sandbox), 1)
    const headers = await pending
    assert.strictEqual(posts(sandbox), 2)
    assert.strictEqual(JSON.parse((await raw.get(sessionKey!))!).apiKey, headers["X-Soracom-API-Key"])
    assert.deepStrictEqual(b.warnings, [])
  })

  it("a wrong password: by default one warning naming it (never the password), and sessions go on", async () => {
    const wrong = "not-the-password-42"
    const a = processWith({ password: Redacted.make(wrong) })
    const b = processWith({ password: Redacted.make(wrong) })
    const headers = await a.headers()
    await a.headers()
    assert.isString(headers["X-Soracom-Token"])
    await b.headers()
    // no sharing without Redis: each process signed in once
    assert.strictEqual(posts(sandbox), 2)
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
    assert.match(a.warnings[0]!, /^Redis session store unavailable \(WRONGPASS[^\n]*\)/)
    assert.notInclude(a.warnings[0]!, wrong)
    assert.deepStrictEqual(await raw.keys("*"), [])
  })

  it("a wrong password with strict: the layer fails with RedisStoreUnavailable, one line, no password", async () => {
    const wrong = "not-the-password-42"
    const exit = await Effect.runPromiseExit(
      Layer.build(
        RedisSessionStore.layerNode({ url: redis.url, password: Redacted.make(wrong), strict: true }),
      ).pipe(Effect.scoped),
    )
    assert.isTrue(Exit.isFailure(exit))
    const error = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error : undefined
    assert.instanceOf(error, RedisStoreUnavailable)
    assert.match(String((error as Error).message), /^The Redis session store is unavailable: WRONGPASS/)
    assert.notInclude((error as Error).message, "\n")
    assert.notInclude((error as Error).message, wrong)
    assert.notInclude(JSON.stringify(error), wrong)
  })

  it("a lock held past maxWait: the waiter signs in itself, with a warning (never an unbounded wait)", async () => {
    const a = processWith()
    await a.headers()
    const [sessionKey] = await raw.keys("*")
    await raw.del(sessionKey!)
    await raw.set(`${sessionKey}:lock`, "stuck-host:1:stuck", { PX: 60_000 })
    const b = processWith({ maxWait: 1_000 })
    await b.headers()
    assert.strictEqual(posts(sandbox), 2)
    assert.strictEqual(b.warnings.length, 1)
    assert.match(b.warnings[0]!, /waited 1000 ms for another process's sign-in; signing in here/)
  })

  it("a slow Redis (stopped with SIGSTOP) counts as unavailable: one warning after commandTimeout, sessions go on", async () => {
    const a = processWith({ commandTimeout: 300 })
    await a.headers()
    await a.invalidate()
    redis.pause()
    try {
      const headers = await a.headers()
      assert.isString(headers["X-Soracom-API-Key"])
      assert.strictEqual(posts(sandbox), 2)
      assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
      assert.match(a.warnings[0]!, /Redis session store unavailable \(/)
    } finally {
      redis.resume()
    }
  })

  it("RedisSessionStore.layer over a Redis layer of the application's own (NodeRedis.layer)", async () => {
    const runtime = ManagedRuntime.make(
      AuthSession.layer({
        source: new Credentials.AuthKeyCredentials({
          authKeyId: key.authKeyId,
          authKey: Redacted.make(key.authKey),
        }),
      }).pipe(
        Layer.provide(RedisSessionStore.layer()),
        Layer.provide(NodeRedis.layer({ url: redis.url, password: redis.password })),
        Layer.provide(
          SoracomAuth.layer({ endpoint: Endpoint.url(sandbox.url), retryPolicy: RetryPolicy.none }),
        ),
        Layer.provide(KyHttpClient.layer()),
      ),
    )
    runtimes.push(runtime)
    const headers = await runtime.runPromise(AuthSession.AuthSession.use((s) => s.headers))
    assert.deepStrictEqual(await processWith().headers(), headers)
    assert.strictEqual(posts(sandbox), 1)
  })

  it("Redis down at start: one warning, sessions go on; once Redis is up the store is used again", async () => {
    await raw.close()
    await redis.stop()
    const a = processWith()
    await a.headers()
    assert.strictEqual(posts(sandbox), 1)
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
    await redis.start()
    await sleep(700)
    await a.invalidate()
    await a.headers()
    assert.strictEqual(posts(sandbox), 2)
    raw = createClient({ url: redis.url, password: redis.password })
    await raw.connect()
    assert.strictEqual((await raw.keys("soracom-auth:session:*")).length, 1)
    assert.strictEqual(a.warnings.length, 1, a.warnings.join("\n"))
  })
})

const { RedisStoreUnavailable } = RedisSessionStore
