/**
 * `redisStore` with the Promise client: clients on their own Redis connections (as separate processes would be)
 * share one sign-in; with Redis unreachable they still sign in (each alone).
 */
import { createSoracomAuth } from "@soracom-auth/client"
import { demoSeed, type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { afterEach, assert, beforeEach, describe, it } from "vitest"
import { redisStore } from "../src/index.ts"
import { hasRedis, type RedisServer, startRedis } from "./redis-server.ts"

const key = demoSeed.operators[0]!.authKeys![0]!

describe.runIf(hasRedis())("redisStore with createSoracomAuth", { timeout: 60_000 }, () => {
  let redis: RedisServer
  let sandbox: Sandbox
  beforeEach(async () => {
    redis = await startRedis()
    sandbox = await startSandbox({ ...testSandboxOptions, record: true })
  })
  afterEach(async () => {
    await sandbox.close()
    await redis[Symbol.asyncDispose]()
  })
  const posts = () => sandbox.exchanges().filter((e) => e.request.path === "/v1/auth").length

  const clients = (n: number, url = redis.url) =>
    Array.from({ length: n }, () => {
      const store = redisStore({ url, password: redis.password, identity: key.authKeyId })
      const client = createSoracomAuth({
        credentials: { authKeyId: key.authKeyId, authKey: key.authKey },
        endpoint: sandbox.endpoint,
        store,
      })
      return { client, store }
    })

  it("4 clients × 50 concurrent headers(): one POST /auth, one API key", async () => {
    const fleet = clients(4)
    try {
      const headers = await Promise.all(
        fleet.flatMap(({ client }) => Array.from({ length: 50 }, () => client.headers())),
      )
      assert.strictEqual(headers.length, 200)
      assert.strictEqual(new Set(headers.map((h) => h["X-Soracom-API-Key"])).size, 1)
      assert.strictEqual(posts(), 1)
      assert.strictEqual((await fleet[0]!.store.load())?.apiKey, headers[0]!["X-Soracom-API-Key"])
    } finally {
      for (const { client, store } of fleet) {
        await client.close()
        await store.close()
      }
    }
  })

  it("Redis unreachable: every client still signs in (each alone)", async () => {
    await redis.stop()
    const fleet = clients(2)
    try {
      const headers = await Promise.all(fleet.map(({ client }) => client.headers()))
      assert.strictEqual(headers.length, 2)
      assert.strictEqual(posts(), 2)
    } finally {
      for (const { client, store } of fleet) {
        await client.close()
        await store.close()
      }
    }
  })
})
