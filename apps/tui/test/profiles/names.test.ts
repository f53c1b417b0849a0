/**
 * Profile names, as the user is told (InvalidProfileName's message): letters, digits, ".", "_" and "-", at most
 * 64 characters. The name becomes a file name in the profile folder, so it must not start with "." or "-"
 * (a hidden file, an option to a shell command), and must not lead out of the folder (a separator, "..").
 * Checked through what the user does — save, read, remove, list — against a real folder.
 */
import { readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Cause, Effect, Exit, Option, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { ProfileStore } from "../../src/profiles/index.ts"
import { SessionCache } from "../../src/session/SessionCache.ts"
import { profileDirPerTest } from "../helpers/tmp.ts"

const folder = profileDirPerTest()

const fields = { authKeyId: "keyId-x", authKey: Redacted.make("secret-x") }

const tagOf = async <A, E>(e: Effect.Effect<A, E>): Promise<string> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) return "ok"
  const error = Cause.findErrorOption(exit.cause)
  return Option.isSome(error) ? (error.value as { _tag: string })._tag : "defect"
}

const sixtyFour = `a${"b".repeat(62)}9`

describe("profile names", () => {
  it.each([
    "a",
    "Z",
    "7",
    "ab",
    "abc",
    "work.prod",
    "my_profile",
    "my-profile",
    "a.b.c",
    "A1-_.z",
    sixtyFour,
  ])("%j is a name: saved, read back, listed and removed", async (name) => {
    const store = ProfileStore.make({ dir: folder.dir })
    expect(await tagOf(store.write(name, fields))).toBe("ok")
    expect(readdirSync(folder.dir)).toEqual([`${name}.json`])
    expect((await Effect.runPromise(store.read(name))).fields.authKeyId).toBe("keyId-x")
    expect(await Effect.runPromise(store.list)).toEqual([name])
    expect(await Effect.runPromise(store.remove(name))).toBe(true)
    expect(readdirSync(folder.dir)).toEqual([])
  })

  it.each([
    ["empty", ""],
    ["65 characters", `${sixtyFour}x`],
    ["a leading dot (a hidden file)", ".hidden"],
    ["a leading dash (an option)", "-rf"],
    ["a leading underscore", "_x"],
    ["a separator after a valid part", "a/b"],
    ["a separator before a valid part", "/a"],
    ["a trailing separator", "a/"],
    ["a parent step inside", "a..b"],
    ["a parent step at the end", "a.."],
    ["a space", "my profile"],
    ["a trailing newline", "a\n"],
    ["a non-ASCII letter", "prôfile"],
    ["a colon", "a:b"],
    ["a backslash", "a\\b"],
  ])("%s (%j) is refused by every operation, and nothing is written", async (_, name) => {
    const store = ProfileStore.make({ dir: folder.dir })
    const cache = SessionCache.make({ dir: folder.dir })
    expect(await tagOf(store.write(name, fields))).toBe("InvalidProfileName")
    expect(await tagOf(store.read(name))).toBe("InvalidProfileName")
    expect(await tagOf(store.exists(name))).toBe("InvalidProfileName")
    expect(await tagOf(store.remove(name))).toBe("InvalidProfileName")
    expect(await tagOf(cache.read(name))).toBe("InvalidProfileName")
    expect(await tagOf(cache.remove(name))).toBe("InvalidProfileName")
    expect(readdirSync(folder.dir)).toEqual([])
  })

  it("the refusal names the name and the rule", async () => {
    const exit = await Effect.runPromiseExit(ProfileStore.make({ dir: folder.dir }).read("a/b"))
    const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none()
    expect(Option.getOrThrow(error).message).toBe(
      '"a/b" is not a valid profile name: use letters, digits, ".", "_" and "-" (at most 64).',
    )
  })

  it("the list leaves out files whose name is not a profile name, and files that are not .json", async () => {
    for (const file of [
      ".hidden.json",
      "-x.json",
      "a..b.json",
      `${sixtyFour}x.json`,
      "ok.json",
      "ok.session",
    ])
      writeFileSync(join(folder.dir, file), "{}", { mode: 0o600 })
    expect(await Effect.runPromise(ProfileStore.make({ dir: folder.dir }).list)).toEqual(["ok"])
  })
})
