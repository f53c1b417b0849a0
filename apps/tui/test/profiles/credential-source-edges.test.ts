/**
 * The edges of soracom-cli's `profileCommand` / `sourceProfile` resolution and what their failures say: the
 * command's bounds exactly (its stdout and its stderr, at the byte), its exit code, how a command string is split,
 * a source profile resolved through its own command, and the messages of each refusal. Real processes; profiles
 * are read from a map (the store is tested elsewhere).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { Cause, Effect, Exit, Option } from "effect"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import {
  commandLine,
  ProfileCommandFailed,
  resolveProfileSource,
  runProfileCommand,
  SourceProfileInvalid,
} from "../../src/profiles/credentialSource.ts"
import { parseProfile } from "../../src/profiles/ProfileFile.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let tmp: { dir: string; cleanup: () => void }
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

const errorOf = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit)
    ? (Option.getOrUndefined(Cause.findErrorOption(exit.cause)) as Record<string, unknown>)
    : undefined

let scripts = 0
/** `node <script>`: plain words, no shell. */
const node = (body: string) => {
  const path = join(tmp.dir, `cmd${scripts++}.mjs`)
  writeFileSync(path, body)
  return `${process.execPath} ${path}`
}
const printing = (text: string) => node(`process.stdout.write(${JSON.stringify(text)})`)

const profiles = (docs: Record<string, object>) => (name: string) =>
  name in docs
    ? Effect.succeed(parseProfile(JSON.stringify(docs[name])))
    : Effect.fail({ _tag: "Missing", name } as const)
const resolve = (name: string, docs: Record<string, object>, profileCommand?: string) =>
  Effect.runPromiseExit(resolveProfileSource({ name, read: profiles(docs), profileCommand }))

const key = { authKeyId: "keyId-1", authKey: "secret-1" }

describe("runProfileCommand's bounds, at the byte", () => {
  const profile = JSON.stringify({ ...key, pad: "" })
  const exactly = (n: number) => JSON.stringify({ ...key, pad: "x".repeat(n - profile.length) })

  it("stdout of exactly maxBytes is read; one byte more is TooLarge with the limit", async () => {
    const doc = await Effect.runPromise(runProfileCommand(printing(exactly(100)), { maxBytes: 100 }))
    expect(doc.fields.authKeyId).toBe("keyId-1")
    const exit = await Effect.runPromiseExit(runProfileCommand(printing(exactly(101)), { maxBytes: 100 }))
    expect(errorOf(exit)).toMatchObject({ _tag: "ProfileCommandFailed", reason: "TooLarge", limit: 100 })
  })

  it("stderr is bounded too (discarded, but not without end): exactly maxBytes is fine, more is TooLarge", async () => {
    const stderr = (n: number) =>
      node(
        `process.stderr.write("e".repeat(${n})); process.stdout.write(${JSON.stringify(JSON.stringify(key))})`,
      )
    expect(
      (await Effect.runPromise(runProfileCommand(stderr(100), { maxBytes: 100 }))).fields.authKeyId,
    ).toBe("keyId-1")
    const exit = await Effect.runPromiseExit(runProfileCommand(stderr(101), { maxBytes: 100 }))
    expect(errorOf(exit)).toMatchObject({ reason: "TooLarge", limit: 100 })
  })

  it("the default cap is 64 KiB", async () => {
    expect((await Effect.runPromise(runProfileCommand(printing(exactly(64 * 1024))))).fields.authKeyId).toBe(
      "keyId-1",
    )
    const exit = await Effect.runPromiseExit(runProfileCommand(printing(exactly(64 * 1024 + 1))))
    expect(errorOf(exit)).toMatchObject({ reason: "TooLarge", limit: 65_536 })
  })

  it("a timeout names its limit; a failed exit its code", async () => {
    const slow = node("setTimeout(() => {}, 30_000)")
    expect(errorOf(await Effect.runPromiseExit(runProfileCommand(slow, { timeoutMs: 200 })))).toMatchObject({
      reason: "Timeout",
      limit: 200,
    })
    expect(errorOf(await Effect.runPromiseExit(runProfileCommand(node("process.exit(7)"))))).toMatchObject({
      reason: "NonZeroExit",
      exitCode: 7,
    })
  })

  it("a command killed by a signal has no exit code: -1", async () => {
    const exit = await Effect.runPromiseExit(runProfileCommand(node("process.kill(process.pid, 'SIGTERM')")))
    expect(errorOf(exit)).toMatchObject({ reason: "NonZeroExit", exitCode: -1 })
  })

  it("interrupted (the caller gave up): the command is killed, not left running", async () => {
    const pidFile = join(tmp.dir, "pid")
    const slow = node(
      `import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { setTimeout as sleep } from "node:timers/promises"; writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 30_000)`,
    )
    const started = Effect.promise(async () => {
      while (!existsSync(pidFile) || readFileSync(pidFile, "utf8") === "") await sleep(20)
    })
    const exit = await Effect.runPromiseExit(
      Effect.raceFirst(
        runProfileCommand(slow, { timeoutMs: 20_000 }),
        Effect.andThen(started, Effect.fail("gave up")),
      ),
    )
    expect(errorOf(exit)).toBe("gave up")
    const pid = Number(readFileSync(pidFile, "utf8"))
    const alive = () => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    // SIGKILL lands asynchronously: wait for it (bounded far above what it takes), then check.
    for (let i = 0; i < 500 && alive(); i++) await sleep(20)
    expect(alive()).toBe(false)
  })

  it("a finished command leaves no timer behind (or the app would wait out the timeout before it can exit)", async () => {
    // The command's timer is the one set for its timeout (an unusual delay, to tell it from any other timer).
    const limit = 123_457
    const set = vi.spyOn(globalThis, "setTimeout")
    const cleared = vi.spyOn(globalThis, "clearTimeout")
    try {
      const ours = () =>
        set.mock.calls.flatMap((call, i) => (call[1] === limit ? [set.mock.results[i]?.value] : []))
      const pending = () => ours().filter((t) => !cleared.mock.calls.some((call) => call[0] === t))
      // Checked as each result arrives: the timer is gone by then, not some time later.
      await Effect.runPromise(runProfileCommand(printing(JSON.stringify(key)), { timeoutMs: limit }))
      expect(pending()).toEqual([])
      await Effect.runPromiseExit(runProfileCommand(node("process.exit(3)"), { timeoutMs: limit }))
      expect(pending()).toEqual([])
      await Effect.runPromiseExit(runProfileCommand("no-such-command-anywhere", { timeoutMs: limit }))
      expect(pending()).toEqual([])
      // and one the caller gives up on
      const slow = node("setTimeout(() => {}, 30_000)")
      await Effect.runPromiseExit(Effect.timeout(runProfileCommand(slow, { timeoutMs: limit }), "300 millis"))
      expect(pending()).toEqual([])
      expect(ours()).toHaveLength(4)
    } finally {
      set.mockRestore()
      cleared.mockRestore()
    }
  })

  it("the command's stdin is closed: one that reads it gets end-of-input at once, instead of waiting", async () => {
    const reader = node(
      `let n = 0; process.stdin.on("data", (c) => { n += c.length }); process.stdin.on("end", () => process.stdout.write(JSON.stringify({ authKeyId: "keyId-" + n, authKey: "s" })))`,
    )
    const doc = await Effect.runPromise(runProfileCommand(reader, { timeoutMs: 20_000 }))
    expect(doc.fields.authKeyId).toBe("keyId-0")
  })

  it("the environment given is the command's", async () => {
    const env = node(`process.stdout.write(JSON.stringify({ authKeyId: process.env.WHO, authKey: "s" }))`)
    const doc = await Effect.runPromise(runProfileCommand(env, { env: { ...process.env, WHO: "keyId-env" } }))
    expect(doc.fields.authKeyId).toBe("keyId-env")
  })

  it("a JSON value that is not an object is NotAProfile", async () => {
    const exit = await Effect.runPromiseExit(runProfileCommand(printing("[1,2]")))
    expect(errorOf(exit)).toMatchObject({ reason: "NotAProfile" })
  })
})

describe("commandLine: plain words run directly, anything else through the shell", () => {
  it("extra spaces around and between words do not make empty arguments", () => {
    expect(commandLine("  pass   show  soracom ")).toEqual({ file: "pass", args: ["show", "soracom"] })
    expect(commandLine("single")).toEqual({ file: "single", args: [] })
    expect(commandLine("")).toEqual({ file: "", args: [] })
  })

  it.each([
    "a | b",
    "a && b",
    "a; b",
    "a > f",
    "a < f",
    "$(a)",
    "a $HOME",
    "`a`",
    "a\\ b",
    'a "b c"',
    "a 'b c'",
    "a *",
    "a ?",
    "a [x]",
    "a # c",
    "~/bin/a",
    "a {b,c}",
    "a\nb",
    "(a)",
    // each bracket on its own (a subshell's, a glob's, a brace expansion's)
    "a(",
    "a)",
    "a[",
    "a]",
    "a{",
    "a}",
  ])("%j is shell syntax", (command) => {
    if (process.platform === "win32") return
    expect(commandLine(command)).toEqual({ file: "/bin/sh", args: ["-c", command] })
  })

  it("on Windows shell syntax runs through cmd.exe /d /s /c (ComSpec when set); plain words still directly", () => {
    // commandLine asks for the platform when called: this is what a Windows machine gets.
    const platform = Object.getOwnPropertyDescriptor(process, "platform")
    const comSpec = process.env.ComSpec
    try {
      Object.defineProperty(process, "platform", { value: "win32", configurable: true })
      process.env.ComSpec = "C:\\Windows\\system32\\cmd.exe"
      expect(commandLine("a | b")).toEqual({
        file: "C:\\Windows\\system32\\cmd.exe",
        args: ["/d", "/s", "/c", "a | b"],
      })
      delete process.env.ComSpec
      expect(commandLine("op item get x | jq .")).toEqual({
        file: "cmd.exe",
        args: ["/d", "/s", "/c", "op item get x | jq ."],
      })
      expect(commandLine("op item get x")).toEqual({ file: "op", args: ["item", "get", "x"] })
    } finally {
      if (platform !== undefined) Object.defineProperty(process, "platform", platform)
      if (comSpec === undefined) delete process.env.ComSpec
      else process.env.ComSpec = comSpec
    }
  })

  it.each(["a-b c_d", "op item get x --format=json", "/usr/bin/pass show a.b@c:d,e+f%g"])(
    "%j is plain words",
    (command) => {
      expect(commandLine(command).file).not.toBe("/bin/sh")
    },
  )
})

describe("resolveProfileSource", () => {
  it("a profile without credentials or a command: None; an empty profileCommand is not a command", async () => {
    const none = await resolve("p", { p: {} })
    expect(Exit.isSuccess(none) && none.value).toEqual({ _tag: "None" })
    const exit = await resolve("p", { p: { ...key, profileCommand: "" } })
    expect(Exit.isSuccess(exit) && exit.value).toMatchObject({
      _tag: "SignIn",
      credentials: { kind: "authKey" },
    })
  })

  it("a command that prints no credentials: None", async () => {
    const exit = await resolve("p", { p: { profileCommand: printing("{}") } })
    expect(Exit.isSuccess(exit) && exit.value).toEqual({ _tag: "None" })
  })

  it("an mfaOTPCode in the profile itself is used; an empty one is not", async () => {
    const withCode = await resolve("p", { p: { ...key, mfaOTPCode: "123456" } })
    expect(Exit.isSuccess(withCode) && withCode.value).toMatchObject({ _tag: "SignIn", mfaOtpCode: "123456" })
    const empty = await resolve("p", { p: { ...key, mfaOTPCode: "" } })
    expect(Exit.isSuccess(empty) && empty.value).not.toHaveProperty("mfaOtpCode")
    const notText = await resolve("p", { p: { ...key, mfaOTPCode: 123456 } })
    expect(Exit.isSuccess(notText) && notText.value).not.toHaveProperty("mfaOtpCode")
  })

  it("a source profile with its own profileCommand: its command gives the base credentials", async () => {
    const exit = await resolve("as", {
      base: { profileCommand: printing(JSON.stringify({ ...key, mfaOTPCode: "654321" })) },
      as: { sourceProfile: "base", operatorId: "OP0000000001", username: "ada" },
    })
    expect(Exit.isSuccess(exit) && exit.value).toEqual({
      _tag: "SwitchUser",
      base: {
        credentials: { kind: "authKey", authKeyId: "keyId-1", authKey: expect.anything() },
        mfaOtpCode: "654321",
      },
      sourceProfile: "base",
      operatorId: "OP0000000001",
      userName: "ada",
    })
  })

  it("a source profile holding no credentials: NoCredentials", async () => {
    const exit = await resolve("as", {
      base: { email: "only@example.com" },
      as: { sourceProfile: "base", operatorId: "OP0000000001", username: "ada" },
    })
    expect(errorOf(exit)).toMatchObject({
      _tag: "SourceProfileInvalid",
      profile: "as",
      reason: "NoCredentials",
    })
  })

  it("a switch profile needs both operatorId and username", async () => {
    for (const target of [{ operatorId: "OP0000000001" }, { username: "ada" }]) {
      const exit = await resolve("as", { base: key, as: { sourceProfile: "base", ...target } })
      expect(errorOf(exit)).toMatchObject({ reason: "NoTarget", sourceProfile: "base" })
    }
  })

  it("a missing source profile: the reader's own error", async () => {
    const exit = await resolve("as", {
      as: { sourceProfile: "gone", operatorId: "OP0000000001", username: "a" },
    })
    expect(errorOf(exit)).toEqual({ _tag: "Missing", name: "gone" })
  })

  it("--profile-command wins without even reading the profile", async () => {
    const exit = await resolve("not-there", {}, printing(JSON.stringify(key)))
    expect(Exit.isSuccess(exit) && exit.value).toMatchObject({
      _tag: "SignIn",
      credentials: { kind: "authKey" },
    })
  })
})

describe("what the failures say", () => {
  it.each([
    [
      { reason: "Timeout", limit: 10_000 },
      "The profile command did not finish within 10000 ms and was stopped.",
    ],
    [{ reason: "NonZeroExit", exitCode: 3 }, "The profile command failed (exit code 3)."],
    [
      { reason: "TooLarge", limit: 65_536 },
      "The profile command printed more than 65536 bytes; a profile is much smaller.",
    ],
    [{ reason: "NotAProfile" }, "The profile command did not print a profile (a JSON object)."],
    [{ reason: "CouldNotStart" }, "The profile command could not be started (is it on PATH?)."],
  ] as const)("ProfileCommandFailed %j", (fields, message) => {
    expect(new ProfileCommandFailed(fields).message).toBe(message)
  })

  it.each([
    [
      "Chained",
      'Profile "as" names source profile "base", which has a sourceProfile of its own; only one step is allowed.',
    ],
    [
      "NoTarget",
      'Profile "as" names source profile "base" but not the operatorId and username to switch to.',
    ],
    ["NoCredentials", 'Profile "as" names source profile "base", which holds no credentials.'],
  ] as const)("SourceProfileInvalid %s", (reason, message) => {
    expect(new SourceProfileInvalid({ profile: "as", sourceProfile: "base", reason }).message).toBe(message)
  })
})
