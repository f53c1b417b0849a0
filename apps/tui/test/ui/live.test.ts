/**
 * The live adapter behind the screens, against a real sandbox and a real profile directory.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { Effect, Exit, ManagedRuntime, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { endpointChoices } from "../../src/ui/endpoints.ts"
import type { SignInRequest } from "../../src/ui/model.ts"
import { uiLayer } from "../../src/ui/runtime/live.ts"
import { UiAuth, UiProfiles } from "../../src/ui/runtime/services.ts"

let sandbox: Sandbox
let dir: string
let runtime: ManagedRuntime.ManagedRuntime<UiAuth | UiProfiles, never>

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

const endpoint = () => endpointChoices({ demo: { url: sandbox.url, credentialsText: "" } })[0]!
const seedKey = () => sandbox.seed.operators[0]!.authKeys![0]!
const authKeyRequest = (secret = seedKey().authKey): SignInRequest => ({
  method: "authKey",
  authKeyId: seedKey().authKeyId,
  authKey: Redacted.make(secret),
  tokenTimeoutSeconds: 600,
  endpoint: endpoint(),
})

describe("UiAuth (live, against the sandbox)", () => {
  it("signs in with an AuthKey; expiry = now + the lifetime", async () => {
    const before = Date.now()
    const signedIn = await runtime.runPromise(UiAuth.use((a) => a.signIn(authKeyRequest())))
    expect(signedIn.operatorId).toBe("OP0000000001")
    expect(signedIn.expiresAt).toBeGreaterThanOrEqual(before + 600_000)
    expect(signedIn.expiresAt).toBeLessThanOrEqual(Date.now() + 600_000)
  })

  it("a wrong secret is AuthFailed", async () => {
    const exit = await runtime.runPromiseExit(UiAuth.use((a) => a.signIn(authKeyRequest("secret-wrong"))))
    expect(Exit.isFailure(exit) && JSON.stringify(exit.cause)).toContain("AuthFailed")
  })

  it("resets a password through the outbox", async () => {
    const email = sandbox.seed.operators[0]!.email
    await runtime.runPromise(UiAuth.use((a) => a.requestPasswordReset(endpoint(), email)))
    const mail = sandbox.outbox().at(-1)
    expect(mail?.to).toBe(email)
    await runtime.runPromise(
      UiAuth.use((a) =>
        a.verifyPasswordReset(endpoint(), Redacted.make(mail!.token), Redacted.make("a-new-password")),
      ),
    )
    const signedIn = await runtime.runPromise(
      UiAuth.use((a) =>
        a.signIn({
          method: "root",
          email,
          password: Redacted.make("a-new-password"),
          tokenTimeoutSeconds: 600,
          endpoint: endpoint(),
        }),
      ),
    )
    expect(signedIn.operatorId).toBe("OP0000000001")
  })
})

describe("UiProfiles (live, in a temporary directory)", () => {
  it("saves a sign-in as a soracom-cli profile (0600), lists and reads it back, deletes it", async () => {
    await runtime.runPromise(UiProfiles.use((p) => p.save("work", authKeyRequest())))
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
    const list = await runtime.runPromise(UiProfiles.use((p) => p.list))
    expect(list).toEqual([
      {
        name: "work",
        method: "authKey",
        identity: seedKey().authKeyId,
        endpoint: { _tag: "Url", url: sandbox.endpoint },
        tokenTimeoutSeconds: 600,
      },
    ])
    expect(await runtime.runPromise(UiProfiles.use((p) => p.exists("work")))).toBe(true)
    const read = await runtime.runPromise(UiProfiles.use((p) => p.read("work")))
    expect(read.method).toBe("authKey")
    expect(read.authKey === undefined ? "" : Redacted.value(read.authKey)).toBe(seedKey().authKey)
    expect(await runtime.runPromise(UiProfiles.use((p) => p.remove("work")))).toBe(true)
    expect(await runtime.runPromise(UiProfiles.use((p) => p.list))).toEqual([])
  })

  it("caches a session beside the profile (0600) and forgets it", async () => {
    const signedIn = await runtime.runPromise(UiAuth.use((a) => a.signIn(authKeyRequest())))
    const session = {
      ...signedIn,
      method: "authKey" as const,
      endpoint: endpoint(),
      request: authKeyRequest(),
    }
    await runtime.runPromise(UiProfiles.use((p) => p.cacheSession("cached", session)))
    const files = (await readdir(dir)).filter((f) => f.startsWith("cached"))
    expect(files).toHaveLength(1)
    const path = join(dir, files[0]!)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readFile(path, "utf8")).toContain("OP0000000001")
    await runtime.runPromise(UiProfiles.use((p) => p.cacheSession("cached", undefined)))
    expect((await readdir(dir)).filter((f) => f.startsWith("cached"))).toEqual([])
  })

  it("lists a too-open profile with soracom-cli's fix-it message", async () => {
    await runtime.runPromise(UiProfiles.use((p) => p.save("loose", authKeyRequest())))
    await chmod(join(dir, "loose.json"), 0o644)
    const [loose] = await runtime.runPromise(UiProfiles.use((p) => p.list))
    expect(loose?.problem?._tag).toBe("ProfilePermissionsTooOpen")
    expect(loose?.problem?.message).toContain("are too open")
    const exit = await runtime.runPromiseExit(UiProfiles.use((p) => p.read("loose")).pipe(Effect.flip))
    expect(Exit.isSuccess(exit) && exit.value._tag).toBe("ProfilePermissionsTooOpen")
  })
})
