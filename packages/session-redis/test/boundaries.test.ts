/**
 * Two boundaries of the store against a real redis-server: a strict start gives a Redis that is slow to answer
 * the handshake more time than one command (it is not "unavailable" after `commandTimeout`), and the Promise
 * store's `singleFlight` rejects with what the caller's own `isFresh` threw, as it was thrown.
 */
import { setTimeout as sleep } from "node:timers/promises"
import { Effect, Exit, Layer, Redacted } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { RedisSessionStore, redisStore, type Session } from "../src/index.ts"
import { hasRedis, type RedisServer, startRedis } from "./redis-server.ts"

describe.runIf(hasRedis())("RedisSessionStore's boundaries", { timeout: 60_000 }, () => {
  let redis: RedisServer
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.[Symbol.asyncDispose]()
  })

  it("strict, Redis slow to answer the handshake (stopped, resumed after 2 s): with a 1.5 s commandTimeout the layer still starts", async () => {
    // SIGSTOP: the kernel still accepts the connection, nothing answers until SIGCONT
    redis.pause()
    const resumed = sleep(2_000).then(() => redis.resume())
    let exit: Exit.Exit<unknown, unknown>
    try {
      exit = await Effect.runPromiseExit(
        Layer.build(
          RedisSessionStore.layerNode({
            url: redis.url,
            password: Redacted.make(redis.password),
            strict: true,
            commandTimeout: 1_500,
          }),
        ).pipe(Effect.scoped),
      )
    } finally {
      await resumed
    }
    assert.isTrue(Exit.isSuccess(exit), String(exit))
  })

  it("singleFlight: an isFresh that throws rejects the call with that very error", async () => {
    const store = redisStore({ url: redis.url, password: redis.password, identity: "boundaries-1" })
    try {
      const stored: Session = {
        apiKey: "api-key-1234",
        token: "token-5678",
        operatorId: "OP0012345678",
        expiresAt: new Date(Date.now() + 60_000),
      }
      await store.save(stored)
      const mine = new Error("isFresh broke")
      const thrown = await store
        .singleFlight(
          async () => stored,
          () => {
            throw mine
          },
        )
        .catch((e: unknown) => e)
      assert.strictEqual(thrown, mine)
    } finally {
      await store.close()
    }
  })
})
