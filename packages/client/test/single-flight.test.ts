/**
 * A store with `singleFlight` (as `redisStore` is, here an in-memory one shared by two clients standing for two
 * processes) and `close()` in the middle of a call, against a real sandbox: one sign-in for clients that share the
 * store, the refresh's failure typed, a store that fails or answers garbage named, and nothing saved by a sign-in
 * that `close()` interrupted.
 */
import { setTimeout as sleep } from "node:timers/promises"
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { AuthFailed, createSoracomAuth, InvalidRequest, type Options, type Session } from "../src/index.ts"
import { demo, signIns, startTestSandbox } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.clearExchanges()
  sandbox.faults.clear()
})

const key = { authKeyId: demo.authKeyId, authKey: demo.authKey }
const client = (options: Partial<Options> = {}) =>
  createSoracomAuth({ credentials: key, endpoint: sandbox.endpoint, ...options })

/** A store shared in memory, with a Promise single-flight: what a Redis-backed one does across processes. */
const sharedStore = (stored?: unknown) => {
  let session = stored as Session | undefined
  let inFlight: Promise<Session> | undefined
  const seen = { flights: 0, saves: 0, refreshErrors: [] as Array<unknown> }
  const store = {
    load: () => session,
    save: (s: Session) => {
      seen.saves++
      session = s
    },
    clear: () => {
      session = undefined
    },
    singleFlight: async (refresh: () => Promise<Session>, isFresh: (s: Session) => boolean) => {
      seen.flights++
      if (session !== undefined && isFresh(session)) return session
      inFlight ??= refresh()
        .catch((e: unknown) => {
          seen.refreshErrors.push(e)
          throw e
        })
        .finally(() => {
          inFlight = undefined
        })
      return inFlight
    },
  }
  return { store, seen }
}

describe("a store with singleFlight", () => {
  it("two cold clients sharing it, 20 calls each at once: one sign-in, one session", async () => {
    const { store, seen } = sharedStore()
    await using a = client({ store })
    await using b = client({ store })
    const headers = await Promise.all([
      ...Array.from({ length: 20 }, () => a.headers()),
      ...Array.from({ length: 20 }, () => b.headers()),
    ])
    expect(new Set(headers.map((h) => h["X-Soracom-Token"])).size).toBe(1)
    expect(signIns(sandbox)).toBe(1)
    expect(seen.flights).toBeGreaterThanOrEqual(1)
  })

  it("a malformed stored session is not fresh: the client signs in", async () => {
    const { store } = sharedStore({ apiKey: 42, operatorId: demo.operatorId })
    await using soracom = client({ store })
    expect((await soracom.session()).operatorId).toBe(demo.operatorId)
    expect(signIns(sandbox)).toBe(1)
  })

  it("the refresh's failure comes back as core's error; the store saw the refresh reject with an Error", async () => {
    const { store, seen } = sharedStore()
    await using soracom = client({ store, credentials: { ...key, authKey: `${demo.authKey.slice(0, -1)}0` } })
    await expect(soracom.headers()).rejects.toBeInstanceOf(AuthFailed)
    expect(seen.refreshErrors).toHaveLength(1)
    expect(seen.refreshErrors[0]).toBeInstanceOf(Error)
    expect((seen.refreshErrors[0] as Error).message).toMatch(/refresh failed/)
  })

  it("a singleFlight that fails by itself rejects the call with its own error", async () => {
    const mine = new Error("the lock service is down")
    const { store } = sharedStore()
    await using soracom = client({ store: { ...store, singleFlight: async () => Promise.reject(mine) } })
    await expect(soracom.headers()).rejects.toBe(mine)
  })

  it("a singleFlight that answers something that is not a session is named", async () => {
    const { store } = sharedStore()
    await using soracom = client({ store: { ...store, singleFlight: async () => ({}) as Session } })
    await expect(soracom.headers()).rejects.toThrow(/singleFlight answered a malformed session/)
  })

  it("close() during a sign-in in singleFlight stops it: nothing is saved afterwards", async () => {
    sandbox.faults.set("/auth", { delayMs: 2_000, times: 1 })
    const { store, seen } = sharedStore()
    const soracom = client({ store })
    const pending = soracom.headers().catch((e: unknown) => e)
    while (seen.flights === 0) await sleep(10)
    await sleep(200)
    await soracom.close()
    expect(await pending).toMatchObject({ _tag: "InvalidRequest", field: "client" })
    // well past the sandbox's delay: an uninterrupted sign-in would have answered and saved by now
    await sleep(4_000)
    expect(seen.saves).toBe(0)
  })
})

describe("close()", () => {
  it("a call still running when close() is called rejects with the client's closed error", async () => {
    sandbox.faults.set("/auth", { delayMs: 2_000, times: 1 })
    const soracom = client()
    const pending = soracom.headers().catch((e: unknown) => e)
    await sleep(200)
    await soracom.close()
    const error = await pending
    expect(error).toBeInstanceOf(InvalidRequest)
    expect(error).toMatchObject({ field: "client" })
    expect((error as InvalidRequest).message).toMatch(/closed/)
  })

  it("after close(), calls reject saying the client is closed", async () => {
    const soracom = client()
    await soracom.close()
    const error = await soracom.session().catch((e: unknown) => e)
    expect(error).toMatchObject({ _tag: "InvalidRequest", field: "client" })
    expect((error as InvalidRequest).message).toMatch(/closed/)
  })
})
