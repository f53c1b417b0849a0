/**
 * The profile store's edges, against a real folder: what a file that is not a profile is called (never quoted),
 * `exists` for a file it would refuse to read, a rewrite over a broken, a too-open or a missing file, the list of a
 * folder that is missing or is not a folder.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Cause, Effect, Exit, Option, Redacted } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ProfileStore } from "../../src/profiles/index.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let tmp: { dir: string; cleanup: () => void }
let dir: string
let store: ReturnType<typeof ProfileStore.make>
beforeEach(() => {
  tmp = makeTempDir()
  dir = join(tmp.dir, "profiles")
  mkdirSync(dir, { mode: 0o700 })
  store = ProfileStore.make({ dir })
})
afterEach(() => tmp.cleanup())

interface Failure {
  readonly _tag: string
  readonly message: string
  readonly reason?: string
  readonly fix?: string
  readonly operation?: string
  readonly path?: string
  readonly unparsable?: boolean
}

const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<Failure> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  return Option.getOrThrow(Cause.findErrorOption(exit.cause)) as Failure
}

const put = (name: string, text: string, mode = 0o600) => {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, text)
  chmodSync(path, mode)
  return path
}

describe("a file that is not a profile", () => {
  it.each([
    ["[]", "not a JSON object"],
    ['"secret-CANARY"', "not a JSON object"],
    ["null", "not a JSON object"],
    ["", "the file is empty"],
    [" \n\t\n", "the file is empty"],
    ['{"authKey": secret-CANARY}', "invalid JSON at line 1, column 13"],
  ])("%j: unparsable, named by what is wrong, with the fix naming the profile", async (text, what) => {
    const path = put("p", text)
    const error = await failure(store.read("p"))
    expect(error).toMatchObject({
      _tag: "ProfileFileError",
      path,
      operation: "read",
      unparsable: true,
      reason: `not a soracom-cli profile (${what})`,
      fix: "Fix or remove the file, or save it again: soracom-auth login … --save p",
    })
    expect(error.message).not.toContain("CANARY")
  })

  it("a missing profile: ProfileNotFound with its name and path", async () => {
    expect(await failure(store.read("gone"))).toMatchObject({
      _tag: "ProfileNotFound",
      name: "gone",
      path: join(dir, "gone.json"),
    })
  })
})

describe("exists", () => {
  it("false when missing, true when present, true for a file it refuses to read (it does exist)", async () => {
    expect(await Effect.runPromise(store.exists("p"))).toBe(false)
    put("p", "{}")
    expect(await Effect.runPromise(store.exists("p"))).toBe(true)
    chmodSync(join(dir, "p.json"), 0o644)
    expect(await Effect.runPromise(store.exists("p"))).toBe(true)
  })

  it("a file it cannot read for another reason (a directory) is an error, not an answer", async () => {
    mkdirSync(join(dir, "d.json"))
    expect(await failure(store.exists("d"))).toMatchObject({
      _tag: "ProfileFileError",
      reason: "it is a directory",
    })
  })
})

describe("write", () => {
  const fields = { authKeyId: "keyId-new", authKey: Redacted.make("secret-new") }

  it("over a broken file: replaced (nothing in it can be kept)", async () => {
    put("p", '{"profileCommand": "x", broken')
    await Effect.runPromise(store.write("p", fields))
    expect(JSON.parse(readFileSync(join(dir, "p.json"), "utf8"))).toEqual({
      sandbox: false,
      coverageType: "jp",
      authKeyId: "keyId-new",
      authKey: "secret-new",
      registerPaymentMethod: false,
    })
  })

  it("over a file readable by others, keys to keep unknown: refused, the file left as it was", async () => {
    const path = put("p", '{"profileCommand":"keep me"}', 0o644)
    expect((await failure(store.write("p", fields)))._tag).toBe("ProfilePermissionsTooOpen")
    expect(readFileSync(path, "utf8")).toBe('{"profileCommand":"keep me"}')
    expect(statSync(path).mode & 0o777).toBe(0o644)
  })

  it("with the keys to keep given: the old file is not read, and the new one is private", async () => {
    const path = put("p", '{"profileCommand":"old"}', 0o644)
    await Effect.runPromise(store.write("p", fields, { extra: { sourceProfile: "base" } }))
    const json = JSON.parse(readFileSync(path, "utf8"))
    expect(json.sourceProfile).toBe("base")
    expect(json.profileCommand).toBeUndefined()
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it("a file it cannot read for another reason (a directory in its place) fails the write", async () => {
    mkdirSync(join(dir, "d.json"))
    // Stopped at reading the old file for the keys to keep: the error says so (and it is not a broken file).
    expect(await failure(store.write("d", fields))).toMatchObject({
      _tag: "ProfileFileError",
      operation: "read",
      path: join(dir, "d.json"),
      reason: "it is a directory",
    })
    expect(statSync(join(dir, "d.json")).isDirectory()).toBe(true)
  })
})

describe("list", () => {
  it("a missing folder: no profiles", async () => {
    expect(await Effect.runPromise(ProfileStore.make({ dir: join(tmp.dir, "none") }).list)).toEqual([])
  })

  it("a folder that is a file: a ProfileFileError naming the folder, operation list", async () => {
    const file = join(tmp.dir, "file")
    writeFileSync(file, "")
    expect(await failure(ProfileStore.make({ dir: file }).list)).toMatchObject({
      _tag: "ProfileFileError",
      path: file,
      operation: "list",
    })
  })

  it("sorted names of the .json files only, the extension taken off", async () => {
    for (const f of ["zeta.json", "Alpha.json", "mid.json", "mid.session", "notes.txt", "json", "x.json.bak"])
      writeFileSync(join(dir, f), "{}", { mode: 0o600 })
    expect(await Effect.runPromise(store.list)).toEqual(["Alpha", "mid", "zeta"])
    expect(readdirSync(dir)).toHaveLength(7)
  })

  it("sorted by profile name, not by file name: a before a-b (their files sort the other way round)", async () => {
    // "-" sorts before ".", so by file name "a-b-c.json" < "a-b.json" < "a.json"
    for (const f of ["a.json", "a-b.json", "a-b-c.json"]) writeFileSync(join(dir, f), "{}", { mode: 0o600 })
    expect(await Effect.runPromise(store.list)).toEqual(["a", "a-b", "a-b-c"])
  })

  it("a .json file whose name is not a profile name is not listed (a profile cannot be read by it)", async () => {
    for (const f of [
      "ok.json",
      ".json",
      ".hidden.json",
      "two words.json",
      "-dash.json",
      `${"a".repeat(65)}.json`,
    ])
      writeFileSync(join(dir, f), "{}", { mode: 0o600 })
    expect(await Effect.runPromise(store.list)).toEqual(["ok"])
  })
})

describe("remove", () => {
  it("removes the file: true, then false", async () => {
    put("p", "{}")
    expect(await Effect.runPromise(store.remove("p"))).toBe(true)
    expect(readdirSync(dir)).toEqual([])
    expect(await Effect.runPromise(store.remove("p"))).toBe(false)
  })
})
