/**
 * What a refused or failed file operation tells the user: the reason in words and the next step (with the path),
 * for a profile folder that is a file, a file of another user, a directory or FIFO in place of a file, a folder
 * that is a symbolic-link loop, and the platform's own errors (its code said once, never twice).
 */
import { spawnSync } from "node:child_process"
import { chownSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Cause, Effect, Exit, Option } from "effect"
import { describe, expect, it } from "vitest"
import { checkPrivate, readPrivate, removeFile, writePrivate } from "../../src/profiles/files.ts"
import { ProfileStore } from "../../src/profiles/index.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()

interface Failure {
  readonly _tag: string
  readonly message: string
  readonly reason?: string
  readonly fix?: string
  readonly operation?: string
}

const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<Failure> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  return Option.getOrThrow(Cause.findErrorOption(exit.cause)) as Failure
}

const isRoot = process.getuid?.() === 0

describe("refusals name the reason and the next step", () => {
  it("a profile folder that is a regular file", async () => {
    const notFolder = join(folder.root, "file")
    writeFileSync(notFolder, "x")
    const store = ProfileStore.make({ dir: notFolder })
    // `extra` given: the write does not read the old file first
    const write = () => store.write("p", {}, { extra: {} })
    for (const error of [await failure(store.read("p")), await failure(write())]) {
      expect(error._tag).toBe("ProfileFileError")
      expect(error.reason).toBe("it is not a directory")
      expect(error.fix).toContain("SORACOM_PROFILE_DIR")
    }
    expect((await failure(store.read("p"))).operation).toBe("read")
    expect((await failure(write())).operation).toBe("write")
  })

  it("a directory in place of a profile: remove or rename it, at its path", async () => {
    mkdirSync(join(folder.dir, "p.json"))
    const error = await failure(ProfileStore.make({ dir: folder.dir }).read("p"))
    expect(error.reason).toBe("it is a directory")
    expect(error.fix).toContain(join(folder.dir, "p.json"))
    expect(error.fix).toMatch(/remove|rename/i)
  })

  it("a FIFO in place of a profile: the command that removes it", async () => {
    spawnSync("mkfifo", ["-m", "600", join(folder.dir, "p.json")])
    const error = await failure(ProfileStore.make({ dir: folder.dir }).read("p"))
    expect(error.reason).toBe("it is not a regular file")
    expect(error.fix).toBe(`Remove it: rm '${join(folder.dir, "p.json")}'`)
  })

  it.skipIf(!isRoot)(
    "a profile file of another user is neither read nor replaced (as root: chown needs it)",
    async () => {
      const path = join(folder.dir, "p.json")
      writeFileSync(path, '{"authKeyId":"keyId-x"}', { mode: 0o600 })
      chownSync(path, 12345, 12345)
      const store = ProfileStore.make({ dir: folder.dir })
      for (const error of [
        await failure(store.read("p")),
        await failure(store.write("p", { authKeyId: "keyId-y" }, { extra: {} })),
      ]) {
        expect(error._tag).toBe("ProfileFileError")
        expect(error.reason).toBe("it belongs to another user (uid 12345)")
        expect(error.fix).toContain(`chown ${process.getuid?.()} '${path}'`)
      }
    },
  )
})

describe("reading through a link, and checking without reading", () => {
  it("a profile that is a symbolic link: refused as a link, with the fix", async () => {
    const real = join(folder.root, "real.json")
    writeFileSync(real, "{}", { mode: 0o600 })
    symlinkSync(real, join(folder.dir, "p.json"))
    const error = await failure(readPrivate(join(folder.dir, "p.json")))
    expect(error.reason).toBe("it is a symbolic link")
    expect(error.fix).toBe(`Replace the link by the file itself: ${join(folder.dir, "p.json")}`)
  })

  it("checkPrivate: false for a missing file, true for a private one", async () => {
    expect(await Effect.runPromise(checkPrivate(join(folder.dir, "none.json")))).toBe(false)
    writeFileSync(join(folder.dir, "p.json"), "{}", { mode: 0o600 })
    expect(await Effect.runPromise(checkPrivate(join(folder.dir, "p.json")))).toBe(true)
  })
})

describe("the platform's errors: its code once, the words kept", () => {
  it("an errno error keeps its message as it is (no 'ENOTDIR: ENOTDIR:')", async () => {
    writeFileSync(join(folder.dir, "plain"), "x")
    const error = await failure(readPrivate(join(folder.dir, "plain", "sub", "p.json")))
    expect(error._tag).toBe("ProfileFileError")
    expect(error.reason).toMatch(/^ENOTDIR: not a directory/)
    expect(error.reason).not.toMatch(/ENOTDIR.*ENOTDIR/)
  })

  it("an error whose message lacks its code gets the code in front", async () => {
    // Node refuses a path with a NUL byte with code ERR_INVALID_ARG_VALUE and a message that does not name it.
    const error = await failure(removeFile(join(folder.dir, "a\u0000b")))
    expect(error.reason).toMatch(/^ERR_INVALID_ARG_VALUE: \S/)
    expect(error.reason?.match(/ERR_INVALID_ARG_VALUE/g)?.length).toBe(1)
    const write = await failure(writePrivate(folder.dir, join(folder.dir, "a\u0000b"), "x"))
    expect(write.reason).toMatch(/^ERR_INVALID_ARG_VALUE: \S/)
  })

  it("a profile folder that is a symbolic-link loop: the platform's loop error, not 'the file is a link'", async () => {
    const loop = join(folder.root, "loop")
    symlinkSync(loop, loop)
    const error = await failure(ProfileStore.make({ dir: loop }).read("p"))
    expect(error._tag).toBe("ProfileFileError")
    expect(error.reason).toMatch(/^ELOOP/)
    expect(error.fix).toBeUndefined()
  })
})
