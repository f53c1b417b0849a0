/**
 * The live services behind the screens (the session service, the profiles, password reset), against a real
 * sandbox and a real profile directory.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { Effect, Exit, type Layer, ManagedRuntime, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Sessions } from "../../src/session/Sessions.ts"
import { uiLayer } from "../../src/ui/effects/live.ts"
import { PasswordReset, UiProfiles } from "../../src/ui/effects/services.ts"
import { endpointChoices } from "../../src/ui/endpoints.ts"
import type { SignInRequest } from "../../src/ui/model.ts"
import { signInAs } from "../../src/ui/sign-in/use-sign-in.ts"

let sandbox: Sandbox
let dir: string
let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof uiLayer>>, never>

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: false, hashCost: 1, rateLimit: false })
  dir = await mkdtemp(join(tmpdir(), "soracom-auth-ui-"))
  runtime = ManagedRuntime.make(uiLayer({ profileDir: dir }))
})
afterAll(async () => {
  await runtime.dispose()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const endpoint = () => endpointChoices({ demo: { url: sandbox.url, credentials: [] } })[0]!
const seedKey = () => sandbox.seed.operators[0]!.authKeys![0]!
const authKeyRequest = (secret = seedKey().authKey): SignInRequest => ({
  credentials: { kind: "authKey", authKeyId: seedKey().authKeyId, authKey: Redacted.make(secret) },
  tokenTimeoutSeconds: 600,
  endpoint: endpoint(),
})

describe("sign-in through the session service (live, against the sandbox)", () => {
  it("signs in with an AuthKey, caches the session under the profile (0600); expiry = now + the lifetime", async () => {
    const before = Date.now()
    const session = await runtime.runPromise(signInAs("ui-live", authKeyRequest()))
    expect(session.cached.session.operatorId).toBe("OP0000000001")
    const expires = session.cached.session.expiresAt.epochMilliseconds
    expect(expires).toBeGreaterThanOrEqual(before + 600_000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 600_000)
    const path = join(dir, "ui-live.session")
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    const state = await runtime.runPromise(Sessions.use((s) => s.current("ui-live")))
    expect(state._tag).toBe("Fresh")
    const out = await runtime.runPromise(Sessions.use((s) => s.signOut("ui-live")))
    expect(out._tag).toBe("RevokedAndRemoved")
    expect((await readdir(dir)).filter((f) => f.startsWith("ui-live"))).toEqual([])
  })

  it("a wrong secret is AuthFailed, and nothing is cached", async () => {
    const exit = await runtime.runPromiseExit(signInAs("ui-wrong", authKeyRequest("secret-wrong")))
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("AuthFailed")
    expect((await readdir(dir)).filter((f) => f.startsWith("ui-wrong"))).toEqual([])
  })

  it("resets a password through the outbox", async () => {
    const email = sandbox.seed.operators[0]!.email
    await runtime.runPromise(PasswordReset.use((r) => r.request(endpoint(), email)))
    const mail = sandbox.outbox().at(-1)
    expect(mail?.to).toBe(email)
    await runtime.runPromise(
      PasswordReset.use((r) =>
        r.verify(endpoint(), Redacted.make(mail!.token), Redacted.make("a-new-password")),
      ),
    )
    const session = await runtime.runPromise(
      signInAs("ui-root", {
        credentials: { kind: "root", email, password: Redacted.make("a-new-password") },
        tokenTimeoutSeconds: 600,
        endpoint: endpoint(),
      }),
    )
    expect(session.cached.session.operatorId).toBe("OP0000000001")
  })
})

describe("UiProfiles (live, in a temporary directory)", () => {
  it("saves a session as a soracom-cli profile (0600) with its session moved under it; lists, reads, deletes", async () => {
    const session = await runtime.runPromise(signInAs("default", authKeyRequest()))
    await runtime.runPromise(UiProfiles.use((p) => p.save("work", session)))
    const path = join(dir, "work.json")
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    const json = JSON.parse(await readFile(path, "utf8"))
    expect(json).toMatchObject({
      authKeyId: seedKey().authKeyId,
      authKey: seedKey().authKey,
      endpoint: sandbox.endpoint,
      tokenTimeoutSeconds: 600,
      sandbox: false,
    })
    const files = await readdir(dir)
    expect(files).toContain("work.session")
    expect(files).not.toContain("default.session")
    const list = await runtime.runPromise(UiProfiles.use((p) => p.list))
    expect(list).toMatchObject([
      {
        name: "work",
        method: "authKey",
        identity: seedKey().authKeyId,
        endpoint: { _tag: "Url", url: sandbox.endpoint },
        tokenTimeoutSeconds: 600,
        liveUntil: session.cached.session.expiresAt.epochMilliseconds,
      },
    ])
    expect(await runtime.runPromise(UiProfiles.use((p) => p.exists("work")))).toBe(true)
    const read = await runtime.runPromise(UiProfiles.use((p) => p.read("work")))
    expect(read.credentials?.kind).toBe("authKey")
    expect(
      read.credentials?.kind === "authKey" && Redacted.isRedacted(read.credentials.authKey)
        ? Redacted.value(read.credentials.authKey)
        : "",
    ).toBe(seedKey().authKey)
    expect(await runtime.runPromise(UiProfiles.use((p) => p.remove("work")))).toBe(true)
    expect(await runtime.runPromise(UiProfiles.use((p) => p.list))).toEqual([])
    expect(await readdir(dir)).not.toContain("work.session")
  })

  it("lists a too-open profile with soracom-cli's fix-it message", async () => {
    const session = await runtime.runPromise(signInAs("loose", authKeyRequest()))
    await runtime.runPromise(UiProfiles.use((p) => p.save("loose", session)))
    await chmod(join(dir, "loose.json"), 0o644)
    const [loose] = await runtime.runPromise(UiProfiles.use((p) => p.list))
    expect(loose?.problem?._tag).toBe("ProfilePermissionsTooOpen")
    expect(loose?.problem?.message).toContain("are too open")
    const exit = await runtime.runPromiseExit(UiProfiles.use((p) => p.read("loose")).pipe(Effect.flip))
    expect(Exit.isSuccess(exit) && exit.value._tag).toBe("ProfilePermissionsTooOpen")
  })
})
