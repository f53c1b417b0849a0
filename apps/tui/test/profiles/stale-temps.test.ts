/**
 * What a write clears away and what it leaves: temp files (they hold secrets) of writers that are gone are
 * removed; a temp file of a writer still running, a file of another user, a link or a folder that merely looks
 * like a temp file, and write-file-atomic's temp files still within their grace minute are kept. Also the other
 * refusals of the low-level file primitives, with their fix. Real files, real processes.
 */
import { spawn } from "node:child_process"
import {
  chownSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs"
import { join } from "node:path"
import { Cause, Effect, Exit, Option } from "effect"
import { afterEach, describe, expect, it, vi } from "vitest"
import { readPrivate, writePrivate } from "../../src/profiles/files.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

interface Failure {
  readonly _tag: string
  readonly reason?: string
  readonly fix?: string
}
const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<Failure> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  return Option.getOrThrow(Cause.findErrorOption(exit.cause)) as Failure
}

const isRoot = process.getuid?.() === 0
/** A pid no process has: a child that has exited and been reaped. */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" })
  await new Promise((r) => child.on("exit", r))
  return child.pid ?? 0
}
const temp = (pid: number) => `.p.json.${pid}.0123456789abcdef.tmp`
const write = () => Effect.runPromise(writePrivate(folder.dir, join(folder.dir, "p.json"), "{}"))

describe("temp files of other writers", () => {
  it("a temp file of a writer still running (another process) is kept; once it is gone, removed", async () => {
    const writer = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" })
    try {
      const pid = writer.pid ?? 0
      writeFileSync(join(folder.dir, temp(pid)), "secret", { mode: 0o600 })
      await write()
      expect(readdirSync(folder.dir).sort()).toEqual([temp(pid), "p.json"].sort())
      const exited = new Promise((r) => writer.on("exit", r))
      writer.kill("SIGKILL")
      await exited
      await write()
      expect(readdirSync(folder.dir)).toEqual(["p.json"])
    } finally {
      writer.kill("SIGKILL")
    }
  })

  it("a process that exists but is not ours to signal (EPERM) counts as running", async () => {
    // As root every process can be signalled, so the kernel's EPERM is given here by hand, for this pid only.
    const pid = await deadPid()
    const kill = process.kill.bind(process)
    vi.spyOn(process, "kill").mockImplementation((target, signal) => {
      if (target === pid) throw Object.assign(new Error("kill EPERM"), { code: "EPERM" })
      return kill(target, signal)
    })
    writeFileSync(join(folder.dir, temp(pid)), "secret", { mode: 0o600 })
    await write()
    expect(readdirSync(folder.dir)).toContain(temp(pid))
  })

  it("a symbolic link named like a temp file is not removed, nor is its target", async () => {
    const pid = await deadPid()
    const target = join(folder.root, "target")
    writeFileSync(target, "keep")
    symlinkSync(target, join(folder.dir, temp(pid)))
    await write()
    expect(lstatSync(join(folder.dir, temp(pid))).isSymbolicLink()).toBe(true)
    expect(readFileSync(target, "utf8")).toBe("keep")
  })

  it.skipIf(!isRoot)(
    "a temp file of another user is not ours to remove (as root: chown needs it)",
    async () => {
      const pid = await deadPid()
      const legacy = "p.json.12345"
      for (const f of [temp(pid), legacy]) {
        writeFileSync(join(folder.dir, f), "theirs", { mode: 0o600 })
        chownSync(join(folder.dir, f), 12345, 12345)
        const old = new Date(Date.now() - 3_600_000)
        utimesSync(join(folder.dir, f), old, old)
      }
      await write()
      expect(readdirSync(folder.dir).sort()).toEqual([temp(pid), legacy, "p.json"].sort())
    },
  )

  it("write-file-atomic's temp file: kept at exactly one minute old, removed just past it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    const now = new Date("2026-12-01T03:00:00.000Z")
    vi.setSystemTime(now)
    const atGrace = new Date(now.getTime() - 60_000)
    const pastGrace = new Date(now.getTime() - 61_000)
    writeFileSync(join(folder.dir, "a.json.1"), "secret", { mode: 0o600 })
    writeFileSync(join(folder.dir, "b.session.2"), "secret", { mode: 0o600 })
    utimesSync(join(folder.dir, "a.json.1"), atGrace, atGrace)
    utimesSync(join(folder.dir, "b.session.2"), pastGrace, pastGrace)
    await write()
    expect(readdirSync(folder.dir).sort()).toEqual(["a.json.1", "p.json"])
  })

  it("files that only resemble temp files are left alone", async () => {
    const pid = await deadPid()
    const old = new Date(Date.now() - 3_600_000)
    const lookalikes = [
      `p.json.${pid}.0123456789abcdef.tmp`, // not hidden
      `.p.json.${pid}.0123456789abcdeg.tmp`, // not hex
      `.p.json.${pid}.0123456789abcde.tmp`, // 15 hex
      `.p.json.${pid}.0123456789abcdef.tmpx`,
      "p.txt.123",
      "p.json.12a",
      ".p.json.123",
    ]
    for (const f of lookalikes) {
      writeFileSync(join(folder.dir, f), "x", { mode: 0o600 })
      utimesSync(join(folder.dir, f), old, old)
    }
    await write()
    expect(readdirSync(folder.dir).sort()).toEqual([...lookalikes, "p.json"].sort())
  })
})

describe("refusals of the file primitives", () => {
  it("a write onto a symbolic link: the fix removes the link", async () => {
    const target = join(folder.root, "target")
    writeFileSync(target, "keep")
    symlinkSync(target, join(folder.dir, "p.json"))
    const error = await failure(writePrivate(folder.dir, join(folder.dir, "p.json"), "{}"))
    expect(error).toMatchObject({
      _tag: "ProfileFileError",
      reason: "it is a symbolic link",
      fix: `Remove the link, then try again: rm '${join(folder.dir, "p.json")}'`,
    })
    expect(readFileSync(target, "utf8")).toBe("keep")
  })

  it("an open that fails for another reason (a name too long) is that reason, not 'a link'", async () => {
    const error = await failure(readPrivate(join(folder.dir, `${"x".repeat(300)}.json`)))
    expect(error._tag).toBe("ProfileFileError")
    expect(error.reason).toMatch(/^ENAMETOOLONG/)
    expect(error.fix).toBeUndefined()
  })

  it("a read in a folder that does not exist: nothing there, and no folder made", async () => {
    const missing = join(folder.root, "missing")
    expect(await Effect.runPromise(readPrivate(join(missing, "p.json")))).toBeUndefined()
    expect(existsSync(missing)).toBe(false)
  })
})
