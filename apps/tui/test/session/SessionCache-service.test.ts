/**
 * The session cache as a service, against a real folder: one `<profile>.session` per profile, listed by name,
 * and core's `AuthSession.Store` over it — a session made at another endpoint is not handed out, and a store that
 * cannot read or write degrades to "no session" rather than failing the sign-in.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AuthResponse } from "@soracom-auth/core"
import { Cause, DateTime, Effect, Exit, Option, Redacted } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type CachedSession, SessionCache } from "../../src/session/SessionCache.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let tmp: { dir: string; cleanup: () => void }
let dir: string
beforeEach(() => {
  tmp = makeTempDir()
  dir = join(tmp.dir, "profiles")
})
afterEach(() => tmp.cleanup())

const run = <A, E>(e: Effect.Effect<A, E>) => Effect.runPromise(e)

const sessionFor = (token: string) =>
  new AuthResponse.AuthResponse({
    operatorId: "OP0000000001",
    apiKey: Redacted.make(`api-${token}`),
    token: Redacted.make(token),
    issuedAt: DateTime.makeUnsafe(1_000),
    expiresAt: DateTime.makeUnsafe(3_601_000),
  })

const meta = { endpoint: "https://api.soracom.io/v1", method: "authKey", identity: "keyId-abc" } as const
const cached = (token: string, endpoint: string = meta.endpoint): CachedSession => ({
  ...meta,
  endpoint,
  session: sessionFor(token),
})

const tokenOf = (o: Option.Option<AuthResponse.AuthResponse>) =>
  Option.isSome(o) ? Redacted.value(o.value.token) : "none"

describe("SessionCache", () => {
  it("keeps one <profile>.session per profile beside the profiles", async () => {
    const cache = SessionCache.make({ dir })
    expect(cache.pathOf("work")).toBe(join(dir, "work.session"))
    await run(cache.write("work", cached("token-work")))
    await run(cache.write("home", cached("token-home")))
    expect(JSON.parse(readFileSync(join(dir, "work.session"), "utf8")).session.token).toBe("token-work")
    const read = await run(cache.read("home"))
    expect(Option.isSome(read) && Redacted.value(read.value.session.token)).toBe("token-home")
    expect(Option.isSome(read) && read.value).toMatchObject({ identity: "keyId-abc", method: "authKey" })
  })

  it("reads nothing for a profile without a file, and nothing for a file that is not a session", async () => {
    const cache = SessionCache.make({ dir })
    expect(Option.isNone(await run(cache.read("nobody")))).toBe(true)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writeFileSync(join(dir, "broken.session"), '{"version":2}', { mode: 0o600 })
    expect(Option.isNone(await run(cache.read("broken")))).toBe(true)
  })

  it("lists the profiles with a session file, sorted, and nothing else in the folder", async () => {
    const cache = SessionCache.make({ dir })
    expect(await run(cache.list)).toEqual([])
    for (const name of ["zeta", "alpha", "mid"]) await run(cache.write(name, cached(`t-${name}`)))
    writeFileSync(join(dir, "alpha.json"), "{}", { mode: 0o600 })
    writeFileSync(join(dir, "notes.session.bak"), "x", { mode: 0o600 })
    expect(await run(cache.list)).toEqual(["alpha", "mid", "zeta"])
  })

  it("sorted by profile name, not by file name: a before a-b (their files sort the other way round)", async () => {
    const cache = SessionCache.make({ dir })
    for (const name of ["a", "a-b", "a-b-c"]) await run(cache.write(name, cached(`t-${name}`)))
    // "-" sorts before ".", so by file name "a-b-c.session" < "a-b.session" < "a.session"
    expect(await run(cache.list)).toEqual(["a", "a-b", "a-b-c"])
  })

  it("a folder that cannot be listed is a ProfileFileError naming it, not an empty list", async () => {
    mkdirSync(tmp.dir, { recursive: true })
    writeFileSync(dir, "not a folder")
    const exit = await Effect.runPromiseExit(SessionCache.make({ dir }).list)
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none()
    expect(Option.getOrThrow(error)).toMatchObject({ _tag: "ProfileFileError", operation: "list", path: dir })
  })

  it("removes a profile's file: true when there was one, false after", async () => {
    const cache = SessionCache.make({ dir })
    await run(cache.write("p", cached("t")))
    expect(await run(cache.remove("p"))).toBe(true)
    expect(existsSync(join(dir, "p.session"))).toBe(false)
    expect(await run(cache.remove("p"))).toBe(false)
  })
})

describe("SessionCache.store (core's AuthSession.Store for one profile)", () => {
  it("save writes the session with this store's endpoint, method and identity; load gives it back", async () => {
    const cache = SessionCache.make({ dir })
    const store = cache.store("p", meta)
    await run(store.save(sessionFor("token-1")))
    expect(JSON.parse(readFileSync(join(dir, "p.session"), "utf8"))).toMatchObject({
      endpoint: meta.endpoint,
      method: "authKey",
      identity: "keyId-abc",
    })
    expect(tokenOf(await run(store.load))).toBe("token-1")
  })

  it("load hands out no session made at another endpoint (a sandbox session is no production session)", async () => {
    const cache = SessionCache.make({ dir })
    await run(cache.write("p", cached("token-sandbox", "http://127.0.0.1:8080/v1")))
    expect(tokenOf(await run(cache.store("p", meta).load))).toBe("none")
    expect(tokenOf(await run(cache.store("p", { ...meta, endpoint: "http://127.0.0.1:8080/v1" }).load))).toBe(
      "token-sandbox",
    )
  })

  it("clear removes the file", async () => {
    const cache = SessionCache.make({ dir })
    const store = cache.store("p", meta)
    await run(store.save(sessionFor("token-1")))
    await run(store.clear ?? Effect.void)
    expect(existsSync(join(dir, "p.session"))).toBe(false)
    expect(tokenOf(await run(store.load))).toBe("none")
  })

  it("a file it must refuse (readable by others) loads as no session instead of failing", async () => {
    const cache = SessionCache.make({ dir })
    await run(cache.write("p", cached("token-1")))
    chmodSync(join(dir, "p.session"), 0o644)
    expect(Exit.isFailure(await Effect.runPromiseExit(cache.read("p")))).toBe(true)
    expect(tokenOf(await run(cache.store("p", meta).load))).toBe("none")
  })

  it("a save or clear that cannot write succeeds anyway, and writes nothing", async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    chmodSync(dir, 0o777)
    const store = SessionCache.make({ dir }).store("p", meta)
    expect(Exit.isSuccess(await Effect.runPromiseExit(store.save(sessionFor("token-1"))))).toBe(true)
    expect(existsSync(join(dir, "p.session"))).toBe(false)
    const bad = SessionCache.make({ dir }).store("../p", meta)
    expect(Exit.isSuccess(await Effect.runPromiseExit(bad.clear ?? Effect.void))).toBe(true)
    expect(Exit.isSuccess(await Effect.runPromiseExit(bad.save(sessionFor("t"))))).toBe(true)
    expect(tokenOf(await run(bad.load))).toBe("none")
  })
})
