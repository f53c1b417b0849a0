/**
 * Issue #15, items 1–5 (files): the profile folder and files cannot be redirected, swapped or read by others,
 * killed writers leave no secrets behind, and a broken profile is reported without quoting it. In-process,
 * against real files in a temporary folder.
 */
import { spawnSync } from "node:child_process"
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs"
import { join } from "node:path"
import { AuthResponse } from "@soracom-auth/core"
import { Cause, DateTime, Effect, Exit, Option, Redacted } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { writePrivate } from "../../src/profiles/files.ts"
import { ProfileStore } from "../../src/profiles/index.ts"
import { firstJsonError } from "../../src/profiles/jsonError.ts"
import { type CachedSession, SessionCache } from "../../src/session/SessionCache.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()

const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E & { message: string; _tag: string }> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const error = Cause.findErrorOption(exit.cause)
  if (Option.isNone(error)) throw new Error(`expected a typed failure: ${Cause.pretty(exit.cause)}`)
  return error.value as E & { message: string; _tag: string }
}

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

describe("#15 item 1: never written through a symbolic link; written as the caller", () => {
  it("refuses a symlinked session file and leaves the link's target untouched", async () => {
    const victim = join(folder.root, "victim")
    writeFileSync(victim, "victim's content\n", { mode: 0o644 })
    symlinkSync(victim, join(folder.dir, "default.session"))
    const error = await failure(SessionCache.make({ dir: folder.dir }).write("default", session))
    expect(error._tag).toBe("ProfileFileError")
    expect(error.message).toContain("symbolic link")
    expect(readFileSync(victim, "utf8")).toBe("victim's content\n")
    expect(statSync(victim).mode & 0o777).toBe(0o644)
    expect(lstatSync(join(folder.dir, "default.session")).isSymbolicLink()).toBe(true)
  })

  it("refuses a symlinked profile (--save P with P.json a link) and a dangling link", async () => {
    const victim = join(folder.root, "victim.json")
    writeFileSync(victim, "{}")
    symlinkSync(victim, join(folder.dir, "work.json"))
    symlinkSync(join(folder.root, "nowhere"), join(folder.dir, "other.json"))
    const store = ProfileStore.make({ dir: folder.dir })
    const fields = { authKeyId: "keyId-x", authKey: Redacted.make("secret-CANARY") }
    expect((await failure(store.write("work", fields))).message).toContain("symbolic link")
    expect((await failure(store.write("other", fields))).message).toContain("symbolic link")
    expect(readFileSync(victim, "utf8")).toBe("{}")
    expect(existsSync(join(folder.root, "nowhere"))).toBe(false)
  })

  it("refuses to read through a symbolic link", async () => {
    const real = join(folder.root, "real.json")
    writeFileSync(real, '{"authKeyId":"keyId-x"}', { mode: 0o600 })
    symlinkSync(real, join(folder.dir, "linked.json"))
    const error = await failure(ProfileStore.make({ dir: folder.dir }).read("linked"))
    expect(error.message).toContain("symbolic link")
  })

  it("writes a regular file of the caller, mode 0600, and leaves no temp file", async () => {
    await Effect.runPromise(writePrivate(folder.dir, join(folder.dir, "a.session"), "secret"))
    const info = lstatSync(join(folder.dir, "a.session"))
    expect(info.isFile()).toBe(true)
    expect(info.mode & 0o777).toBe(0o600)
    expect(info.uid).toBe(process.getuid?.())
    expect(readdirSync(folder.dir)).toEqual(["a.session"])
  })
})

describe("#15 item 2: the folder is ours and private", () => {
  it.each([0o777, 0o775, 0o757, 0o1777])(
    "refuses a folder with mode %o (read and write) with a fix",
    async (mode) => {
      chmodSync(folder.dir, mode)
      const store = ProfileStore.make({ dir: folder.dir })
      const write = await failure(store.write("p", { authKeyId: "keyId-x" }))
      expect(write._tag).toBe("ProfilePermissionsTooOpen")
      expect(write.message).toContain(`chmod 700 '${folder.dir}'`)
      expect((await failure(store.read("p")))._tag).toBe("ProfilePermissionsTooOpen")
      expect(readdirSync(folder.dir)).toEqual([])
    },
  )

  it("refuses a folder owned by another user, with a fix", async () => {
    // As root: a folder given to another uid. As anyone else: a folder root owns (not writable by us either).
    const foreign = process.getuid?.() === 0 ? folder.dir : "/usr/share"
    if (foreign === folder.dir) chownSync(folder.dir, 12345, 12345)
    const error = await failure(SessionCache.make({ dir: foreign }).write("default", session))
    expect(error.message).toContain("belongs to another user")
    expect(error.message).toMatch(/SORACOM_PROFILE_DIR|chown/)
  })

  it("creates a missing folder 0700 (parents included)", async () => {
    const fresh = join(folder.root, "a", "b", ".soracom")
    await Effect.runPromise(ProfileStore.make({ dir: fresh }).write("p", { authKeyId: "keyId-x" }))
    expect(statSync(fresh).mode & 0o777).toBe(0o700)
    expect(statSync(join(fresh, "p.json")).mode & 0o777).toBe(0o600)
  })
})

describe("#15 item 3: every read of a profile checks its mode, also through the session cache", () => {
  it("a cached session is refused while its profile file is readable by others", async () => {
    const cache = SessionCache.make({ dir: folder.dir })
    await Effect.runPromise(cache.write("p", session))
    writeFileSync(join(folder.dir, "p.json"), '{"authKeyId":"keyId-x"}', { mode: 0o644 })
    chmodSync(join(folder.dir, "p.json"), 0o644)
    expect((await failure(cache.read("p")))._tag).toBe("ProfilePermissionsTooOpen")
    chmodSync(join(folder.dir, "p.json"), 0o600)
    expect(Option.isSome(await Effect.runPromise(cache.read("p")))).toBe(true)
  })
})

describe("#15 item 4: temp files of killed writers are removed on the next write", () => {
  it("removes our stale temp files (writer gone) and write-file-atomic's old ones, keeps a live writer's", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid
    const stale = join(folder.dir, `.default.json.${dead}.0123456789abcdef.tmp`)
    const live = join(folder.dir, `.default.json.${process.pid}.fedcba9876543210.tmp`)
    const legacy = join(folder.dir, "default.json.3735928559")
    const recentLegacy = join(folder.dir, "default.session.12345")
    for (const f of [stale, live, legacy, recentLegacy]) writeFileSync(f, "secret-CANARY", { mode: 0o600 })
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(legacy, old, old)
    await Effect.runPromise(ProfileStore.make({ dir: folder.dir }).write("default", { authKeyId: "keyId-x" }))
    expect(readdirSync(folder.dir).sort()).toEqual(
      [`.default.json.${process.pid}.fedcba9876543210.tmp`, "default.json", "default.session.12345"].sort(),
    )
  })
})

describe("#15 item 5: a broken profile is reported by position, never by content; no doubled codes", () => {
  it.each([
    ['{"authKeyId":"keyId-x",\n"authKey":secret-CANARY-value}', "line 2, column 11"],
    ['{"authKey":"secret-CANARY-value"', "line 1, column 33"],
    ['{"authKey":"secret-CANARY-value",}', "line 1, column 34"],
  ])("%j → %s", async (text, where) => {
    writeFileSync(join(folder.dir, "p.json"), text, { mode: 0o600 })
    const error = await failure(ProfileStore.make({ dir: folder.dir }).read("p"))
    expect(error.message).toContain(where)
    expect(error.message).not.toMatch(/CANARY|secret|authKey/)
  })

  it("an empty profile says so", async () => {
    writeFileSync(join(folder.dir, "p.json"), "", { mode: 0o600 })
    expect((await failure(ProfileStore.make({ dir: folder.dir }).read("p"))).message).toContain("empty")
  })

  it("a profile that is a directory: one clear reason, no 'EISDIR: EISDIR:'", async () => {
    mkdirSync(join(folder.dir, "p.json"))
    const read = await failure(ProfileStore.make({ dir: folder.dir }).read("p"))
    expect(read.message).toContain("is a directory")
    expect(read.message).not.toMatch(/EISDIR.*EISDIR/)
    const write = await failure(ProfileStore.make({ dir: folder.dir }).write("p", { authKeyId: "keyId-x" }))
    expect(write.message).toContain("is a directory")
    expect(write.message).not.toMatch(/EISDIR.*EISDIR/)
  })

  it("a FIFO in place of a profile is refused without blocking", async () => {
    spawnSync("mkfifo", [join(folder.dir, "p.json")])
    chmodSync(join(folder.dir, "p.json"), 0o600)
    expect((await failure(ProfileStore.make({ dir: folder.dir }).read("p"))).message).toContain(
      "not a regular file",
    )
  })
})

describe("firstJsonError (the locator behind item 5)", () => {
  it("agrees with JSON.parse on valid JSON, and on JSON with one character changed", () => {
    fc.assert(
      fc.property(
        fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
        fc.nat(),
        fc.constantFrom("", "{", "}", "[", "]", ",", ":", '"', "\\", "x", "1", "-", ".", "e", " ", "\u0001"),
        (json, at, ch) => {
          expect(firstJsonError(json)).toBeUndefined()
          const i = at % (json.length + 1)
          const mutated = json.slice(0, i) + ch + json.slice(i + 1)
          let valid = true
          try {
            JSON.parse(mutated)
          } catch {
            valid = false
          }
          expect(firstJsonError(mutated) === undefined, mutated).toBe(valid)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
