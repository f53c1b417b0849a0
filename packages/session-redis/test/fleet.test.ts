/**
 * The acceptance of distributed single-flight, with OS processes: a real redis-server (password), one sandbox,
 * a fleet of worker processes each running many concurrent `headers()`. `POST /auth` is counted by the sandbox's
 * recording.
 */
import { setTimeout as sleep } from "node:timers/promises"
import { demoSeed, type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { createClient } from "redis"
import { afterEach, assert, beforeEach, describe, it } from "vitest"
import { startFleet } from "./fleet.ts"
import type { WorkerConfig } from "./fleet-worker.ts"
import { hasRedis, type RedisServer, startRedis } from "./redis-server.ts"

const key = demoSeed.operators[0]!.authKeys![0]!
// A session is fresh for 10 s (180 s lifetime, 170 s margin): refreshes happen within a test.
const freshMs = 10_000

const posts = (sandbox: Sandbox) =>
  sandbox.exchanges().filter((e) => e.request.method === "POST" && e.request.path === "/v1/auth").length
/** Refreshes renew the token (POST /operators/{id}/token, same API key) — core's default. */
const renewals = (sandbox: Sandbox) =>
  sandbox
    .exchanges()
    .filter((e) => e.request.method === "POST" && /^\/v1\/operators\/[^/]+\/token$/.test(e.request.path))
    .length

const distinct = (replies: ReadonlyArray<{ sessions: ReadonlyArray<string> }>) =>
  new Set(replies.flatMap((r) => r.sessions))

describe.runIf(hasRedis())(
  "a fleet of processes sharing one session through Redis",
  { timeout: 240_000 },
  () => {
    let redis: RedisServer
    let sandbox: Sandbox
    let config: WorkerConfig
    beforeEach(async () => {
      redis = await startRedis()
      sandbox = await startSandbox({ ...testSandboxOptions, record: true })
      config = {
        sandboxUrl: sandbox.url,
        authKeyId: key.authKeyId,
        authKey: key.authKey,
        tokenTimeoutSeconds: 180,
        marginSeconds: 170,
        renew: true,
        redis: {
          url: redis.url,
          password: redis.password,
          lockTtlMs: 10_000,
          retryAfterMs: 1_000,
          commandTimeoutMs: 5_000,
        },
      }
    })
    afterEach(async () => {
      await sandbox.close()
      await redis[Symbol.asyncDispose]()
    })

    it("8 processes × 200 concurrent callers on a cold store: one POST /auth, one API key; at refresh one renewal", async () => {
      await using fleet = await startFleet(8, config)
      const first = await fleet.run(200)
      const signedInAt = Date.now()
      assert.deepStrictEqual(
        first.flatMap((r) => r.failures),
        [],
      )
      assert.strictEqual(first.flatMap((r) => r.sessions).length, 1_600)
      const warned = (replies: ReadonlyArray<{ warnings: ReadonlyArray<string> }>) =>
        replies.flatMap((r) => r.warnings).join("\n")
      assert.strictEqual(posts(sandbox), 1, warned(first))
      assert.strictEqual(distinct(first).size, 1)

      await sleep(signedInAt + freshMs + 500 - Date.now())
      const second = await fleet.run(200)
      assert.deepStrictEqual(
        second.flatMap((r) => r.failures),
        [],
      )
      assert.strictEqual(second.flatMap((r) => r.sessions).length, 1_600)
      assert.strictEqual(posts(sandbox), 1, warned(second))
      assert.strictEqual(renewals(sandbox), 1, warned(second))
      assert.strictEqual(distinct(second).size, 1)
      assert.notDeepEqual([...distinct(second)], [...distinct(first)])
      assert.deepStrictEqual(
        [...first, ...second].flatMap((r) => r.warnings),
        [],
      )
    })

    it("kill -9 of the lock holder while /auth is delayed: another process signs in after the lock expires", async () => {
      sandbox.faults.set("/auth", { delayMs: 60_000, times: 1 })
      await using fleet = await startFleet(4, { ...config, redis: { ...config.redis!, lockTtlMs: 3_000 } })
      const client = createClient({ url: redis.url, password: redis.password })
      await client.connect()
      try {
        const running = fleet.workers.map((worker) =>
          fleet.run(50, [worker]).then(
            ([r]) => r!,
            () => undefined,
          ),
        )
        // The holder is the process whose POST /auth the sandbox is holding back.
        for (let i = 0; i < 400 && posts(sandbox) === 0; i++) await sleep(25)
        assert.strictEqual(posts(sandbox), 1)
        const locks = await client.keys("soracom-auth:session:*:lock")
        assert.strictEqual(locks.length, 1)
        const holder = await client.get(locks[0]!)
        assert.isNotNull(holder)
        const pid = Number(holder!.split(":").at(-2))
        const victim = fleet.workers.find((w) => w.pid === pid)
        assert.isDefined(victim, `the lock names a worker's pid (${holder})`)
        victim!.kill("SIGKILL")
        const replies = (await Promise.all(running)).filter((r) => r !== undefined)
        assert.strictEqual(replies.length, 3)
        assert.deepStrictEqual(
          replies.flatMap((r) => r.failures),
          [],
        )
        assert.strictEqual(replies.flatMap((r) => r.sessions).length, 150)
        assert.strictEqual(distinct(replies).size, 1)
        assert.strictEqual(posts(sandbox), 2)
        assert.deepStrictEqual(
          replies.flatMap((r) => r.warnings),
          [],
        )
      } finally {
        await client.close()
      }
    })

    it("Redis stopped mid-run (refresh by sign-in): sessions go on, one warning per process; the store resumes when Redis returns", async () => {
      await using fleet = await startFleet(4, { ...config, renew: false })
      const first = await fleet.run(100)
      let phaseStart = Date.now()
      assert.strictEqual(posts(sandbox), 1)
      assert.strictEqual(distinct(first).size, 1)

      await redis.stop()
      await sleep(phaseStart + freshMs + 500 - Date.now())
      const down = await fleet.run(100)
      phaseStart = Date.now()
      assert.deepStrictEqual(
        down.flatMap((r) => r.failures),
        [],
      )
      assert.strictEqual(down.flatMap((r) => r.sessions).length, 400)
      // in-process single-flight: one sign-in per process
      assert.strictEqual(posts(sandbox), 1 + 4)
      for (const r of down) {
        assert.strictEqual(r.warnings.length, 1, r.warnings.join("\n"))
        assert.match(r.warnings[0]!, /Redis session store unavailable/)
      }

      await redis.start()
      // past the sessions' freshness, node-redis' reconnect (≤ 2.2 s) and the store's retryAfter (1 s)
      await sleep(phaseStart + freshMs + 2_500 - Date.now())
      const back = await fleet.run(100)
      assert.deepStrictEqual(
        back.flatMap((r) => r.failures),
        [],
      )
      assert.strictEqual(posts(sandbox), 1 + 4 + 1)
      assert.strictEqual(distinct(back).size, 1)
      for (const r of back) assert.strictEqual(r.warnings.length, 1, r.warnings.join("\n"))
    })
  },
)
