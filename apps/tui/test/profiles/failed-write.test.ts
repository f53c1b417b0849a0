/**
 * A write that fails after its temp file exists (here: the target turns into a folder between the checks and the
 * rename, as another process could make it) reports the failure and removes the temp file, which holds the
 * secret. The folder is made the moment the temp file shows up (fs.watch); the writer may still win that race,
 * so the scene is replayed with fresh names until the folder came first, and every such run is checked.
 */
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync, watch, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Cause, Effect, Exit, Option } from "effect"
import { describe, expect, it } from "vitest"
import { writePrivate } from "../../src/profiles/files.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()

describe("a write that fails after creating its temp file", () => {
  it("fails with a ProfileFileError and leaves no temp file behind", async () => {
    let raced = 0
    for (let round = 0; round < 50 && raced < 3; round++) {
      const name = `p${round}.session`
      const target = join(folder.dir, name)
      let madeFolder = false
      const watcher = watch(folder.dir, (_, file) => {
        if (madeFolder || typeof file !== "string" || !file.startsWith(`.${name}.`)) return
        try {
          // A non-empty folder: a rename onto it fails on every POSIX system.
          mkdirSync(target)
          writeFileSync(join(target, "inside"), "")
          madeFolder = true
        } catch {
          // the writer's rename came first: the target is a file now
        }
      })
      const exit = await Effect.runPromiseExit(writePrivate(folder.dir, target, "secret-CANARY"))
      watcher.close()
      if (!madeFolder) continue
      raced++
      expect(Exit.isFailure(exit)).toBe(true)
      const error = Exit.isFailure(exit)
        ? Option.getOrUndefined(Cause.findErrorOption(exit.cause))
        : undefined
      expect(error).toMatchObject({ _tag: "ProfileFileError", operation: "write", path: target })
      expect(readdirSync(folder.dir).filter((f) => f.endsWith(".tmp"))).toEqual([])
      expect(statSync(target).isDirectory()).toBe(true)
    }
    expect(raced).toBeGreaterThan(0)
  })

  it("a rename into a folder that is not there fails, and the temp file holding the secret is gone", async () => {
    // The target's own folder is missing: every step up to the rename succeeds (the temp file lives in `dir`),
    // and the rename cannot.
    const target = join(folder.dir, "missing", "p.json")
    const exit = await Effect.runPromiseExit(writePrivate(folder.dir, target, "secret-CANARY"))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
    expect(error).toMatchObject({ _tag: "ProfileFileError", operation: "write", path: target })
    expect(String((error as { reason?: unknown } | undefined)?.reason)).toMatch(/^ENOENT\b/)
    expect(readdirSync(folder.dir)).toEqual([])
    expect(existsSync(join(folder.dir, "missing"))).toBe(false)
  })

  it("a temp file removed by someone else before the rename: the error is the rename's, not the clean-up's", async () => {
    let raced = 0
    for (let round = 0; round < 50 && raced < 3; round++) {
      const name = `q${round}.json`
      const target = join(folder.dir, name)
      let removed = false
      const watcher = watch(folder.dir, (_, file) => {
        if (removed || typeof file !== "string" || !file.startsWith(`.${name}.`)) return
        try {
          unlinkSync(join(folder.dir, file))
          removed = true
        } catch {
          // renamed already: the write won this round
        }
      })
      const exit = await Effect.runPromiseExit(writePrivate(folder.dir, target, "secret-CANARY"))
      watcher.close()
      if (!removed) continue
      raced++
      expect(Exit.isFailure(exit)).toBe(true)
      const error = Exit.isFailure(exit)
        ? Option.getOrUndefined(Cause.findErrorOption(exit.cause))
        : undefined
      expect(error).toMatchObject({ _tag: "ProfileFileError", operation: "write", path: target })
      // The step that failed is named (the rename of the vanished temp file onto the target); a missing temp
      // file is not a second failure of its own.
      const reason = String((error as { reason?: unknown } | undefined)?.reason)
      expect(reason).toContain("rename")
      expect(reason).toContain(target)
      expect(readdirSync(folder.dir).filter((f) => f.startsWith(`.${name}.`))).toEqual([])
      expect(existsSync(target)).toBe(false)
    }
    expect(raced).toBeGreaterThan(0)
  })
})
