import { spawn } from "node:child_process"
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, Exit, Redacted } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { credentialsOf, fieldsWithCredentials, ProfileStore, parseProfile } from "../../src/profiles/index.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let tmp: { dir: string; cleanup: () => void }
let store: ReturnType<typeof ProfileStore.make>
beforeEach(() => {
  tmp = makeTempDir()
  store = ProfileStore.make({ dir: join(tmp.dir, "profiles") })
})
afterEach(() => tmp.cleanup())

const run = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(e)
const runExit = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromiseExit(e)

// Exactly what soracom-cli's `configure` writes (Go struct order, no omitempty on sandbox/coverageType/
// registerPaymentMethod), plus keys of newer soracom-cli versions we do not manage.
const soracomCliFile = `{
  "sandbox": false,
  "coverageType": "g",
  "authKeyId": "keyId-abc",
  "authKey": "secret-CANARY-profile",
  "registerPaymentMethod": false,
  "profileCommand": "pass show soracom",
  "headers": ["X-Custom: 1"]
}`

const writeSoracomCliProfile = (name: string, text: string, mode = 0o600) => {
  mkdirSync(store.dir, { recursive: true, mode: 0o700 })
  const path = join(store.dir, `${name}.json`)
  writeFileSync(path, text, { mode })
  chmodSync(path, mode)
  return path
}

describe("ProfileStore", () => {
  it("reads a profile written by soracom-cli", async () => {
    writeSoracomCliProfile("default", soracomCliFile)
    const doc = await run(store.read("default"))
    expect(doc.fields.coverageType).toBe("g")
    expect(doc.fields.authKeyId).toBe("keyId-abc")
    expect(Redacted.value(doc.fields.authKey!)).toBe("secret-CANARY-profile")
    expect(credentialsOf(doc.fields)?.kind).toBe("authKey")
    // secrets stay out of logs
    expect(JSON.stringify(doc)).not.toContain("CANARY")
    expect(String(doc.fields.authKey)).not.toContain("CANARY")
  })

  it("treats an empty coverage type as jp (old soracom-cli profiles)", async () => {
    writeSoracomCliProfile("old", `{"coverageType":"","email":"a@example.com","password":"p"}`)
    const doc = await run(store.read("old"))
    expect(doc.fields.coverageType).toBe("jp")
    expect(credentialsOf(doc.fields)?.kind).toBe("root")
  })

  it("writes soracom-cli's keys, 0600 in a 0700 directory, and keeps unknown keys on rewrite", async () => {
    writeSoracomCliProfile("work", soracomCliFile)
    const doc = await run(store.read("work"))
    const fields = fieldsWithCredentials(doc.fields, {
      kind: "samUser",
      operatorId: "OP0012345678",
      userName: "ada",
      password: Redacted.make("pw"),
    })
    await run(store.write("work", fields))
    const path = store.pathOf("work")
    const json = JSON.parse(readFileSync(path, "utf8"))
    expect(json).toEqual({
      sandbox: false,
      coverageType: "g",
      password: "pw",
      username: "ada",
      operatorId: "OP0012345678",
      registerPaymentMethod: false,
      profileCommand: "pass show soracom",
      headers: ["X-Custom: 1"],
    })
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it("creates the directory 0700 and a new profile that soracom-cli can parse", async () => {
    await run(
      store.write("new", { coverageType: "jp", email: "a@example.com", password: Redacted.make("pw") }),
    )
    expect(statSync(store.dir).mode & 0o777).toBe(0o700)
    const json = JSON.parse(readFileSync(store.pathOf("new"), "utf8"))
    // the keys and types of soracom-cli's Go struct
    expect(json).toEqual({
      sandbox: false,
      coverageType: "jp",
      email: "a@example.com",
      password: "pw",
      registerPaymentMethod: false,
    })
    expect(parseProfile(readFileSync(store.pathOf("new"), "utf8")).fields.email).toBe("a@example.com")
  })

  it("refuses a file readable by group or others with soracom-cli's message and the fix", async () => {
    const path = writeSoracomCliProfile("loose", soracomCliFile, 0o644)
    const exit = await runExit(store.read("loose"))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit)
      ? (exit.cause.reasons[0] as { error?: { _tag: string; message: string } })
      : undefined
    expect(error?.error?._tag).toBe("ProfilePermissionsTooOpen")
    expect(error?.error?.message).toContain(
      `Permissions for the file '${path}' which contains your credentials are too open.`,
    )
    expect(error?.error?.message).toContain(
      "It is required that your credential files are NOT accessible by others.",
    )
    expect(error?.error?.message).toContain(`chmod 600 '${path}'`)
    expect(error?.error?.message).not.toContain("CANARY")
  })

  it("lists profiles, reports a missing one and rejects path-like names", async () => {
    expect(await run(store.list)).toEqual([])
    await run(store.write("b", { authKeyId: "keyId-b", authKey: Redacted.make("s") }))
    await run(store.write("a", { authKeyId: "keyId-a", authKey: Redacted.make("s") }))
    expect(await run(store.list)).toEqual(["a", "b"])
    const missing = await runExit(store.read("nope"))
    expect(JSON.stringify(missing)).toContain("ProfileNotFound")
    const bad = await runExit(store.read("../etc/passwd"))
    expect(JSON.stringify(bad)).toContain("InvalidProfileName")
    expect(await run(store.remove("a"))).toBe(true)
    expect(await run(store.remove("a"))).toBe(false)
  })

  it("leaves the old or the new file after kill -9 during writes, never a broken one", async () => {
    const helper = fileURLToPath(new URL("../helpers/write-loop.ts", import.meta.url))
    for (let round = 0; round < 5; round++) {
      // the workspace's packages from their sources, as vitest resolves them (nothing needs building first)
      const child = spawn(process.execPath, ["--conditions=@soracom-auth/source", helper, store.dir], {
        stdio: ["ignore", "pipe", "inherit"],
      })
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) resolve()
        })
        child.on("exit", (code) => reject(new Error(`writer exited early with ${code}`)))
      })
      // let it write a while at a different instant each round, then kill it hard
      await new Promise((r) => setTimeout(r, 20 + round * 17))
      const exited = new Promise((r) => child.on("exit", r))
      child.kill("SIGKILL")
      await exited
      const text = readFileSync(store.pathOf("crash"), "utf8")
      const doc = parseProfile(text)
      expect(["keyId-odd", "keyId-even"]).toContain(doc.fields.authKeyId)
      expect(statSync(store.pathOf("crash")).mode & 0o777).toBe(0o600)
      // and the store still reads it
      expect((await run(store.read("crash"))).fields.authKeyId).toBe(doc.fields.authKeyId)
    }
    // stray temp files (if any) are never taken for profiles
    for (const name of await run(store.list)) expect(name).toBe("crash")
    expect(readdirSync(store.dir).filter((f) => f.endsWith(".json"))).toEqual(["crash.json"])
  }, 30_000)
})
