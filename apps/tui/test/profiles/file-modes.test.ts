/**
 * In-process twin of test/cli/file-modes.test.ts (which drives the binary): profiles and session files are refused
 * when any group or other permission bit is set, and are written 0600 in a 0700 directory. The modes are every
 * single group/other bit, not a copy of the implementation's mask.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AuthResponse } from "@soracom-auth/core"
import { DateTime, Effect, Exit, Option, Redacted } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ProfileStore } from "../../src/profiles/index.ts"
import { type CachedSession, SessionCache } from "../../src/session/SessionCache.ts"
import { makeTempDir } from "../helpers/tmp.ts"

const tooOpen = [0o640, 0o620, 0o610, 0o604, 0o602, 0o601] as const
const privateModes = [0o600, 0o400, 0o700] as const

let tmp: { dir: string; cleanup: () => void }
let dir: string
beforeEach(() => {
  tmp = makeTempDir()
  dir = join(tmp.dir, "profiles")
})
afterEach(() => tmp.cleanup())

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E | undefined =>
  Exit.isFailure(exit)
    ? (exit.cause.reasons.find((r) => r._tag === "Fail")?.error as E | undefined)
    : undefined

const session: CachedSession = {
  endpoint: "http://127.0.0.1:1/v1",
  method: "authKey",
  identity: "keyId-abc",
  session: new AuthResponse.AuthResponse({
    operatorId: "OP0000000001",
    apiKey: Redacted.make("api-CANARY"),
    token: Redacted.make("token-CANARY"),
    issuedAt: DateTime.makeUnsafe(1_000),
    expiresAt: DateTime.makeUnsafe(2_000),
  }),
}

describe("profile files", () => {
  const writeRaw = (name: string, mode: number) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const path = join(dir, `${name}.json`)
    writeFileSync(path, JSON.stringify({ authKeyId: "keyId-abc", authKey: "secret-CANARY" }))
    chmodSync(path, mode)
    return path
  }

  it("owner-only modes are read", async () => {
    const store = ProfileStore.make({ dir })
    for (const mode of privateModes) {
      writeRaw("p", mode)
      const doc = await Effect.runPromise(store.read("p"))
      expect(doc.fields.authKeyId).toBe("keyId-abc")
    }
  })

  it("any group or other bit → ProfilePermissionsTooOpen with the path and the mode", async () => {
    const store = ProfileStore.make({ dir })
    for (const mode of tooOpen) {
      const path = writeRaw("p", mode)
      const error = failureOf(await Effect.runPromiseExit(store.read("p")))
      expect({ mode, error }).toMatchObject({
        mode,
        error: { _tag: "ProfilePermissionsTooOpen", path, mode },
      })
      expect(String(error?.message)).toContain(`chmod 600 '${path}'`)
      expect(JSON.stringify(error)).not.toContain("CANARY")
    }
  })

  it("written 0600 in a directory created 0700", async () => {
    const store = ProfileStore.make({ dir })
    await Effect.runPromise(store.write("w", { authKeyId: "keyId-abc", authKey: Redacted.make("secret-x") }))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(store.pathOf("w")).mode & 0o777).toBe(0o600)
  })
})

describe("session cache files (API key and token)", () => {
  it("written 0600 in a directory created 0700, read back", async () => {
    const cache = SessionCache.make({ dir })
    await Effect.runPromise(cache.write("default", session))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(cache.pathOf("default")).mode & 0o777).toBe(0o600)
    const read = await Effect.runPromise(cache.read("default"))
    expect(Option.map(read, (s) => Redacted.value(s.session.token))).toEqual(Option.some("token-CANARY"))
  })

  it("a rewrite of a too-open file leaves it 0600", async () => {
    const cache = SessionCache.make({ dir })
    await Effect.runPromise(cache.write("default", session))
    chmodSync(cache.pathOf("default"), 0o644)
    await Effect.runPromise(cache.write("default", session))
    expect(statSync(cache.pathOf("default")).mode & 0o777).toBe(0o600)
  })

  it("any group or other bit → ProfilePermissionsTooOpen, the token not handed out", async () => {
    const cache = SessionCache.make({ dir })
    await Effect.runPromise(cache.write("default", session))
    const path = cache.pathOf("default")
    for (const mode of tooOpen) {
      chmodSync(path, mode)
      const exit = await Effect.runPromiseExit(cache.read("default"))
      expect(Exit.isSuccess(exit)).toBe(false)
      expect({ mode, error: failureOf(exit) }).toMatchObject({
        mode,
        error: { _tag: "ProfilePermissionsTooOpen", path, mode },
      })
    }
  })
})
