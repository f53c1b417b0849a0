/**
 * The session service in process, against a recording sandbox and a real profile folder: what each operation
 * sends (the server's recording), what it caches (the files), and what it answers — sign-in replacing (and
 * revoking) the previous session, freshness, renewal with the issued lifetime, switch user, the server's verdict,
 * each way of signing out, and the list of profiles with their sessions. A shared store (as Redis would be) is a
 * plain in-memory one here, to see what is shared under which name.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AuthResponse, AuthSession, Endpoint } from "@soracom-auth/core"
import { Cause, DateTime, Effect, Exit, Layer, ManagedRuntime, Option, Redacted, Tracer } from "effect"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { ProfileStore } from "../../src/profiles/ProfileStore.ts"
import { Api } from "../../src/session/Api.ts"
import { type CachedSession, SessionCache } from "../../src/session/SessionCache.ts"
import { Sessions, type SignInInput } from "../../src/session/Sessions.ts"
import { demo, startTestSandbox } from "../helpers/sandbox.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>
beforeAll(async () => {
  sandbox = await startTestSandbox({ record: true })
})
afterAll(() => sandbox?.close())

let tmp: { dir: string; cleanup: () => void }
let runtime: ManagedRuntime.ManagedRuntime<Sessions | SessionCache, never>
beforeEach(() => {
  tmp = makeTempDir()
  const files = Layer.mergeAll(
    Api.layer(),
    SessionCache.layer({ dir: tmp.dir }),
    ProfileStore.layer({ dir: tmp.dir }),
  )
  runtime = ManagedRuntime.make(Layer.merge(Sessions.layer.pipe(Layer.provide(files)), files))
  sandbox.clearExchanges()
  sandbox.faults.clear()
})
afterEach(async () => {
  await runtime.dispose()
  tmp.cleanup()
})

const run = <A, E>(f: (s: Sessions["Service"]) => Effect.Effect<A, E>) => runtime.runPromise(Sessions.use(f))
const runExit = <A, E>(f: (s: Sessions["Service"]) => Effect.Effect<A, E>) =>
  runtime.runPromiseExit(Sessions.use(f))
const errorOf = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit)
    ? (Option.getOrUndefined(Cause.findErrorOption(exit.cause)) as Record<string, unknown>)
    : undefined

const endpoint = () => Endpoint.url(sandbox.endpoint)
const byKey = (): SignInInput => ({
  profile: "p",
  credentials: { kind: "authKey", authKeyId: demo.authKeyId, authKey: Redacted.make(demo.authKey) },
  endpoint: endpoint(),
  tokenTimeoutSeconds: 600,
})
const asRoot = (): SignInInput => ({
  profile: "p",
  credentials: { kind: "root", email: demo.email, password: Redacted.make(demo.password) },
  endpoint: endpoint(),
})
const paths = () =>
  sandbox.exchanges().map((e) => `${e.response?.status} ${e.request.method} ${e.request.path}`)
/** Whether the server still takes a key/token pair (GET /operators/{id} with it). */
const live = async (s: AuthResponse.AuthResponse) => {
  const r = await fetch(`${sandbox.url}/operators/${s.operatorId}`, {
    headers: { "X-Soracom-API-Key": Redacted.value(s.apiKey), "X-Soracom-Token": Redacted.value(s.token) },
  })
  await r.arrayBuffer()
  return r.status === 200
}
/** A cached session with the server's key and token but times of our choosing (relative to now, in seconds). */
const retimed = (cached: CachedSession, issued: number | undefined, expires: number): CachedSession => ({
  ...cached,
  session: new AuthResponse.AuthResponse({
    operatorId: cached.session.operatorId,
    apiKey: cached.session.apiKey,
    token: cached.session.token,
    ...(issued === undefined ? {} : { issuedAt: DateTime.makeUnsafe(Date.now() + issued * 1000) }),
    expiresAt: DateTime.makeUnsafe(Date.now() + expires * 1000),
  }),
})
const cacheWrite = (profile: string, cached: CachedSession) =>
  runtime.runPromise(SessionCache.use((c) => c.write(profile, cached)))

/** An in-memory shared store per identity, as `SORACOM_SESSION_STORE` would give. */
const memoryShared = () => {
  const saved = new Map<string, AuthResponse.AuthResponse>()
  const cleared: Array<string> = []
  const shared = (identity: string): AuthSession.Store => ({
    load: Effect.sync(() => Option.fromNullishOr(saved.get(identity))),
    save: (session) => Effect.sync(() => void saved.set(identity, session)),
    clear: Effect.sync(() => {
      cleared.push(identity)
      saved.delete(identity)
    }),
  })
  return { saved, cleared, shared }
}

describe("signIn", () => {
  it("the first sign-in: cached under the profile with where, how and who; nothing replaced", async () => {
    const out = await run((s) => s.signIn(byKey()))
    expect(out.profile).toBe("p")
    expect(out.replaced).toBe("None")
    expect(out.cached).toMatchObject({ endpoint: sandbox.url, method: "authKey", identity: demo.authKeyId })
    expect(paths()).toEqual(["200 POST /v1/auth"])
    expect(sandbox.exchanges()[0]?.request.body).toMatchObject({ tokenTimeoutSeconds: 600 })
    const file = JSON.parse(readFileSync(join(tmp.dir, "p.session"), "utf8"))
    expect(file).toMatchObject({ endpoint: sandbox.url, method: "authKey", identity: demo.authKeyId })
    expect(file.session.token).toBe(Redacted.value(out.cached.session.token))
  })

  it("a second sign-in revokes the session it replaces (POST /auth/logout with the old pair)", async () => {
    const first = await run((s) => s.signIn(byKey()))
    sandbox.clearExchanges()
    const second = await run((s) => s.signIn(asRoot()))
    expect(second.replaced).toBe("Revoked")
    expect(second.cached).toMatchObject({ method: "root", identity: demo.email })
    expect(paths()).toEqual(["200 POST /v1/auth", "204 POST /v1/auth/logout"])
    expect(sandbox.exchanges()[1]?.request.headers["x-soracom-token"]).toBe(
      Redacted.value(first.cached.session.token),
    )
    expect(await live(first.cached.session)).toBe(false)
    expect(await live(second.cached.session)).toBe(true)
  })

  it("a replaced session the server no longer takes: NotRevoked, the new one cached all the same", async () => {
    const first = await run((s) => s.signIn(byKey()))
    sandbox.revokeSessions(Redacted.value(first.cached.session.apiKey))
    const second = await run((s) => s.signIn(byKey()))
    expect(second.replaced).toBe("NotRevoked")
    const state = await run((s) => s.current("p"))
    expect(state._tag === "Fresh" && Redacted.value(state.cached.session.token)).toBe(
      Redacted.value(second.cached.session.token),
    )
  })

  it("a replaced session that had expired is not sent to the server", async () => {
    const first = await run((s) => s.signIn(byKey()))
    await cacheWrite("p", retimed(first.cached, -700, -100))
    sandbox.clearExchanges()
    const second = await run((s) => s.signIn(byKey()))
    expect(second.replaced).toBe("None")
    expect(paths()).toEqual(["200 POST /v1/auth"])
  })

  it("a previous cache it must refuse (readable by others) does not stop the sign-in: nothing to revoke", async () => {
    await run((s) => s.signIn(byKey()))
    chmodSync(join(tmp.dir, "p.session"), 0o644)
    sandbox.clearExchanges()
    const second = await run((s) => s.signIn(byKey()))
    expect(second.replaced).toBe("None")
    expect(paths()).toEqual(["200 POST /v1/auth"])
  })

  it("with switchTo: signs in, switches user, and names both in the identity", async () => {
    const out = await run((s) =>
      s.signIn({ ...asRoot(), switchTo: { operatorId: demo.operatorId, userName: demo.userName } }),
    )
    expect(paths()).toEqual(["200 POST /v1/auth", "200 POST /v1/auth/switch_user"])
    expect(out.cached.identity).toBe(`${demo.operatorId}/${demo.userName} ← ${demo.email}`)
    expect(out.cached.session.userName).toBe(demo.userName)
  })

  it("invalid input is refused before any request, and nothing is cached", async () => {
    const exit = await runExit((s) => s.signIn({ ...byKey(), tokenTimeoutSeconds: 5 }))
    expect(errorOf(exit)?._tag).toBe("InvalidRequest")
    const badSwitch = await runExit((s) =>
      s.signIn({ ...byKey(), switchTo: { operatorId: "x", userName: "" } }),
    )
    expect(errorOf(badSwitch)?._tag).toBe("InvalidRequest")
    expect(paths()).toEqual([])
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
  })

  it("with a shared store: the session is shared under the endpoint, method and identity", async () => {
    const { saved, shared } = memoryShared()
    const out = await runtime.runPromise(
      Sessions.use((s) => s.signIn(byKey())).pipe(Effect.provideService(AuthSession.SharedStore, shared)),
    )
    expect([...saved.keys()]).toEqual([`${sandbox.url} authKey:${demo.authKeyId}`])
    expect(saved.get(`${sandbox.url} authKey:${demo.authKeyId}`)).toBe(out.cached.session)
  })
})

describe("current: how usable the cached session is", () => {
  it("None without a cache file, and for a session made at another endpoint than the one asked for", async () => {
    expect((await run((s) => s.current("p")))._tag).toBe("None")
    await run((s) => s.signIn(byKey()))
    expect((await run((s) => s.current("p", { endpointUrl: "https://api.soracom.io/v1" })))._tag).toBe("None")
    expect((await run((s) => s.current("p", { endpointUrl: sandbox.url })))._tag).toBe("Fresh")
    expect((await run((s) => s.current("p")))._tag).toBe("Fresh")
  })

  it("Stale past its renewal point, Expired past its expiry — each with the cached session", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    await cacheWrite("p", retimed(cached, -1000, 10))
    const stale = await run((s) => s.current("p"))
    expect(stale).toMatchObject({ _tag: "Stale", cached: { identity: demo.authKeyId } })
    await cacheWrite("p", retimed(cached, -1000, -1))
    expect(await run((s) => s.current("p"))).toMatchObject({ _tag: "Expired", cached: { method: "authKey" } })
  })
})

describe("renewing: the cached session while fresh, else a sign-in (cached)", () => {
  it("signs in once, then hands out the cached session without a request", async () => {
    const first = await run((s) => s.renewing(byKey()))
    expect(first).toMatchObject({ endpoint: sandbox.url, method: "authKey", identity: demo.authKeyId })
    expect(paths()).toEqual(["200 POST /v1/auth"])
    const second = await run((s) => s.renewing(byKey()))
    expect(Redacted.value(second.session.token)).toBe(Redacted.value(first.session.token))
    expect(paths()).toEqual(["200 POST /v1/auth"])
    expect(JSON.parse(readFileSync(join(tmp.dir, "p.session"), "utf8")).identity).toBe(demo.authKeyId)
  })

  it("with switchTo: signs in and switches user", async () => {
    const out = await run((s) =>
      s.renewing({ ...asRoot(), switchTo: { operatorId: demo.operatorId, userName: demo.userName } }),
    )
    expect(paths()).toEqual(["200 POST /v1/auth", "200 POST /v1/auth/switch_user"])
    expect(out.session.userName).toBe(demo.userName)
  })

  it("with a shared store: a session found there is used (no request), under the switch's identity", async () => {
    const { saved, shared } = memoryShared()
    const viaShared = (input: SignInInput) =>
      runtime.runPromise(
        Sessions.use((s) => s.renewing(input)).pipe(Effect.provideService(AuthSession.SharedStore, shared)),
      )
    const input = { ...asRoot(), switchTo: { operatorId: demo.operatorId, userName: demo.userName } }
    const first = await viaShared(input)
    const name = `${sandbox.url} root:${demo.operatorId}/${demo.userName} ← ${demo.email}`
    expect([...saved.keys()]).toEqual([name])
    // Another folder (another process) finds it in the shared store.
    await runtime.runPromise(SessionCache.use((c) => c.remove("p")))
    sandbox.clearExchanges()
    const second = await viaShared(input)
    expect(paths()).toEqual([])
    expect(Redacted.value(second.session.token)).toBe(Redacted.value(first.session.token))
  })

  it("invalid input is refused before any request", async () => {
    const exit = await runExit((s) => s.renewing({ ...byKey(), tokenTimeoutSeconds: 5 }))
    expect(errorOf(exit)?._tag).toBe("InvalidRequest")
    expect(paths()).toEqual([])
  })
})

describe("renew: a new token for the same lifetime, cached", () => {
  it.each([
    ["the lifetime it was issued with", -100, 500, 600],
    ["at least 180 s", -10, 50, 180],
    ["at most 48 h", -100_000, 100_000, 172_800],
  ])("%s", async (_, issued, expires, seconds) => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.clearExchanges()
    const renewed = await run((s) => s.renew("q", retimed(cached, issued, expires)))
    expect(paths()).toEqual([`200 POST /v1/operators/${demo.operatorId}/token`])
    expect(sandbox.exchanges()[0]?.request.body).toEqual({ tokenTimeoutSeconds: seconds })
    expect(Redacted.value(renewed.session.token)).not.toBe(Redacted.value(cached.session.token))
    expect(renewed).toMatchObject({ endpoint: sandbox.url, method: "authKey", identity: demo.authKeyId })
    const file = JSON.parse(readFileSync(join(tmp.dir, "q.session"), "utf8"))
    expect(file.session.token).toBe(Redacted.value(renewed.session.token))
  })

  it("without an issue time: the service's default lifetime", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.clearExchanges()
    await run((s) => s.renew("p", retimed(cached, undefined, 500)))
    expect(sandbox.exchanges()[0]?.request.body).toEqual({ tokenTimeoutSeconds: 86_400 })
  })

  it("a refused renewal fails and leaves the cache as it was", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.revokeSessions()
    const exit = await runExit((s) => s.renew("p", cached))
    expect(Exit.isFailure(exit)).toBe(true)
    const file = JSON.parse(readFileSync(join(tmp.dir, "p.session"), "utf8"))
    expect(file.session.token).toBe(Redacted.value(cached.session.token))
  })
})

describe("switchUser as a profile's session", () => {
  const to = { operatorId: demo.operatorId, userName: demo.userName }

  it("no session: NotSignedIn for the profile, nothing sent", async () => {
    const exit = await runExit((s) => s.switchUser({ profile: "p", ...to }))
    expect(errorOf(exit)).toMatchObject({ _tag: "NotSignedIn", profile: "p" })
    expect(errorOf(exit)?.expiredAt).toBeUndefined()
    expect(paths()).toEqual([])
  })

  it("an expired session: NotSignedIn with when it expired", async () => {
    const { cached } = await run((s) => s.signIn(asRoot()))
    const expired = retimed(cached, -1000, -5)
    await cacheWrite("p", expired)
    const exit = await runExit((s) => s.switchUser({ profile: "p", ...to }))
    expect(errorOf(exit)).toMatchObject({
      _tag: "NotSignedIn",
      profile: "p",
      expiredAt: DateTime.toEpochMillis(expired.session.expiresAt),
    })
  })

  it("switches with the profile's session; cached under saveAs only when given", async () => {
    await run((s) => s.signIn(asRoot()))
    sandbox.clearExchanges()
    const switched = await run((s) => s.switchUser({ profile: "p", ...to }))
    expect(paths()).toEqual(["200 POST /v1/auth/switch_user"])
    expect(switched).toMatchObject({
      endpoint: sandbox.url,
      method: "root",
      identity: `${demo.operatorId}/${demo.userName} ← ${demo.email}`,
    })
    expect(existsSync(join(tmp.dir, "as.session"))).toBe(false)
    const saved = await run((s) => s.switchUser({ profile: "p", ...to, saveAs: "as" }))
    const file = JSON.parse(readFileSync(join(tmp.dir, "as.session"), "utf8"))
    expect(file.session.token).toBe(Redacted.value(saved.session.token))
    expect(file.identity).toBe(saved.identity)
  })

  it("a stale (still valid) session can switch", async () => {
    const { cached } = await run((s) => s.signIn(asRoot()))
    await cacheWrite("p", retimed(cached, -1000, 10))
    expect((await run((s) => s.switchUser({ profile: "p", ...to }))).session.userName).toBe(demo.userName)
  })
})

describe("verify: the server's verdict", () => {
  it("Accepted for a live session, Rejected 401 once revoked", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    expect(await run((s) => s.verify(cached))).toEqual({ _tag: "Accepted" })
    expect(paths().at(-1)).toBe(`200 GET /v1/operators/${demo.operatorId}`)
    sandbox.revokeSessions()
    expect(await run((s) => s.verify(cached))).toEqual({ _tag: "Rejected", status: 401 })
  })

  it("403 is a rejection too; any other answer is Unknown with its status", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.faults.set("/operators/{operator_id}", { status: 403 })
    expect(await run((s) => s.verify(cached))).toEqual({ _tag: "Rejected", status: 403 })
    for (const status of [500, 400, 404, 300]) {
      sandbox.faults.set("/operators/{operator_id}", { status })
      expect(await run((s) => s.verify(cached))).toEqual({
        _tag: "Unknown",
        detail: `HTTP ${status}`,
        status,
      })
    }
    sandbox.faults.set("/operators/{operator_id}", { status: 299, body: {} })
    expect(await run((s) => s.verify(cached))).toEqual({ _tag: "Accepted" })
  })

  it("a server that cannot be reached: Unknown with the reason, no status", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.faults.set("/operators/{operator_id}", { drop: true })
    const verdict = await run((s) => s.verify(cached))
    expect(verdict._tag).toBe("Unknown")
    expect(verdict).not.toHaveProperty("status")
    expect(verdict._tag === "Unknown" && verdict.detail.length).toBeGreaterThan(0)
  })
})

describe("signOut", () => {
  it("nothing cached: NothingCached, and a file that is not a session is removed", async () => {
    expect(await run((s) => s.signOut("p"))).toEqual({ _tag: "NothingCached" })
    writeFileSync(join(tmp.dir, "p.session"), "not a session", { mode: 0o600 })
    expect(await run((s) => s.signOut("p"))).toEqual({ _tag: "NothingCached" })
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
    expect(paths()).toEqual([])
  })

  it("local only: the cache removed, the session left valid on the server", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    sandbox.clearExchanges()
    expect(await run((s) => s.signOut("p", { localOnly: true }))).toEqual({ _tag: "LocalRemoved" })
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
    expect(paths()).toEqual([])
    expect(await live(cached.session)).toBe(true)
  })

  it("an expired session: only the cache removed, nothing sent", async () => {
    const { cached } = await run((s) => s.signIn(byKey()))
    await cacheWrite("p", retimed(cached, -1000, -1))
    sandbox.clearExchanges()
    expect(await run((s) => s.signOut("p"))).toEqual({ _tag: "ExpiredRemoved" })
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
    expect(paths()).toEqual([])
  })

  it("a live session: revoked on the server, removed here, and taken out of the shared store", async () => {
    const { saved, cleared, shared } = memoryShared()
    const withShared = <A, E>(e: Effect.Effect<A, E, Sessions>) =>
      runtime.runPromise(e.pipe(Effect.provideService(AuthSession.SharedStore, shared)))
    const { cached } = await withShared(Sessions.use((s) => s.signIn(byKey())))
    sandbox.clearExchanges()
    expect(await withShared(Sessions.use((s) => s.signOut("p")))).toEqual({ _tag: "RevokedAndRemoved" })
    expect(paths()).toEqual(["204 POST /v1/auth/logout"])
    expect(await live(cached.session)).toBe(false)
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
    expect(cleared).toEqual([`${sandbox.url} authKey:${demo.authKeyId}`])
    expect(saved.size).toBe(0)
  })

  it("the shared store keeps a newer session another process put there", async () => {
    const { saved, cleared, shared } = memoryShared()
    const withShared = <A, E>(e: Effect.Effect<A, E, Sessions>) =>
      runtime.runPromise(e.pipe(Effect.provideService(AuthSession.SharedStore, shared)))
    await withShared(Sessions.use((s) => s.signIn(byKey())))
    const other = await run((s) => s.signIn({ ...byKey(), profile: "elsewhere" }))
    const name = `${sandbox.url} authKey:${demo.authKeyId}`
    saved.set(name, other.cached.session)
    expect(await withShared(Sessions.use((s) => s.signOut("p")))).toEqual({ _tag: "RevokedAndRemoved" })
    expect(cleared).toEqual([])
    expect(saved.get(name)).toBe(other.cached.session)
  })

  it("a session the server no longer knows: ServerRejectedRemoved", async () => {
    await run((s) => s.signIn(byKey()))
    sandbox.revokeSessions()
    expect(await run((s) => s.signOut("p"))).toEqual({ _tag: "ServerRejectedRemoved" })
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(false)
  })

  it("a logout that fails otherwise is an error, and the cache is kept", async () => {
    await run((s) => s.signIn(byKey()))
    sandbox.faults.set("/auth/logout", { status: 500 })
    const exit = await runExit((s) => s.signOut("p"))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(existsSync(join(tmp.dir, "p.session"))).toBe(true)
  })
})

describe("list: every profile and every cached session, with its state", () => {
  it("names from both, sorted, each once; hasProfile for those with a profile file; a broken cache as None", async () => {
    // Profile names and cache names each sort before the other's: only a sort of the union orders them.
    const profile = (name: string) =>
      runtime.runPromise(
        ProfileStore.use((s) => s.write(name, {}, { extra: {} })).pipe(
          Effect.provide(ProfileStore.layer({ dir: tmp.dir })),
        ),
      )
    await profile("d-profile")
    await profile("b-both")
    await run((s) => s.signIn({ ...byKey(), profile: "b-both" }))
    await run((s) => s.signIn({ ...byKey(), profile: "a-session" }))
    writeFileSync(join(tmp.dir, "c-broken.session"), "{}", { mode: 0o600 })
    writeFileSync(join(tmp.dir, "e-open.session"), "{}", { mode: 0o644 })
    const list = await run((s) => s.list)
    expect(list.map((p) => [p.name, p.hasProfile, p.state._tag])).toEqual([
      ["a-session", false, "Fresh"],
      ["b-both", true, "Fresh"],
      ["c-broken", false, "None"],
      ["d-profile", true, "None"],
      ["e-open", false, "None"],
    ])
  })
})

describe("tracing", () => {
  it("each operation is one span named after it", async () => {
    const names: Array<string> = []
    const tracer = Tracer.make({
      span(options) {
        names.push(options.name)
        return new Tracer.NativeSpan(options)
      },
    })
    const traced = <A, E>(f: (s: Sessions["Service"]) => Effect.Effect<A, E>) =>
      runtime.runPromiseExit(Sessions.use(f).pipe(Effect.withTracer(tracer)))
    const to = { operatorId: demo.operatorId, userName: demo.userName }
    await traced((s) => s.signIn(asRoot()))
    await traced((s) => s.current("p"))
    await traced((s) => s.renewing(asRoot()))
    const { cached } = await run((s) => s.signIn(asRoot()))
    await traced((s) => s.renew("p", cached))
    await traced((s) => s.switchUser({ profile: "p", ...to }))
    await traced((s) => s.verify(cached))
    await traced((s) => s.list)
    await traced((s) => s.signOut("p"))
    expect(names.filter((n) => n.startsWith("Sessions."))).toEqual([
      "Sessions.signIn",
      "Sessions.current",
      "Sessions.current",
      "Sessions.renewing",
      "Sessions.renew",
      "Sessions.switchUser",
      "Sessions.current",
      "Sessions.verify",
      "Sessions.list",
      "Sessions.current",
      "Sessions.signOut",
      "Sessions.current",
    ])
  })
})
