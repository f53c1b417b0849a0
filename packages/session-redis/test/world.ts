/**
 * A test file's world: one redis-server and one recording sandbox for the whole file; for each test a flushed
 * Redis, no recorded exchanges or faults, a raw client to look at Redis directly, and the runtimes the test made
 * (one per "process") disposed after it.
 */
import type { AuthSession } from "@soracom-auth/core"
import { type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import type { ManagedRuntime } from "effect"
import { createClient } from "redis"
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest"
import { type RedisServer, startRedis } from "./redis-server.ts"

export interface World {
  redis: RedisServer
  sandbox: Sandbox
  raw: ReturnType<typeof createClient>
  readonly runtimes: Array<ManagedRuntime.ManagedRuntime<AuthSession.AuthSession, unknown>>
}

/** Call inside the file's `describe`: the hooks are registered there; read the fields inside tests only. */
export const useWorld = (): World => {
  const world = { runtimes: [] } as unknown as World
  beforeAll(async () => {
    world.redis = await startRedis()
    world.sandbox = await startSandbox({ ...testSandboxOptions, record: true })
  })
  afterAll(async () => {
    await world.sandbox?.close()
    await world.redis?.[Symbol.asyncDispose]()
  })
  beforeEach(async () => {
    world.sandbox.clearExchanges()
    world.sandbox.faults.clear()
    world.raw = createClient({ url: world.redis.url, password: world.redis.password })
    world.raw.on("error", () => undefined)
    await world.raw.connect()
    await world.raw.flushAll()
  })
  afterEach(async () => {
    await Promise.all(world.runtimes.splice(0).map((r) => r.dispose()))
    if (world.raw.isOpen) await world.raw.close()
  })
  return world
}
