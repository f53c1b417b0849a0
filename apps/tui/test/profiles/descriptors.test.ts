/**
 * Reads and writes of private files give back every file descriptor they open (the file, the temp file, the
 * folder synced after a rename): a long-running app (the TUI) reads and writes profiles and sessions many times.
 * Counted in /proc/self/fd (Linux), around many operations so that the odd descriptor of something else running
 * meanwhile cannot pass for a leak.
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { readPrivate, writePrivate } from "../../src/profiles/files.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()

const openDescriptors = () => readdirSync("/proc/self/fd").length
const times = 40

describe.runIf(process.platform === "linux")("file descriptors", () => {
  it(`${times} writes then ${times} reads leave no descriptor open`, async () => {
    const path = join(folder.dir, "p.session")
    await Effect.runPromise(writePrivate(folder.dir, path, "warm-up"))
    await Effect.runPromise(readPrivate(path))
    const before = openDescriptors()
    for (let i = 0; i < times; i++) await Effect.runPromise(writePrivate(folder.dir, path, `text ${i}`))
    const afterWrites = openDescriptors()
    for (let i = 0; i < times; i++)
      expect(await Effect.runPromise(readPrivate(path))).toBe(`text ${times - 1}`)
    const afterReads = openDescriptors()
    expect(afterWrites - before).toBeLessThan(times / 2)
    expect(afterReads - afterWrites).toBeLessThan(times / 2)
  })
})
