/**
 * `SORACOM_SESSION_STORE=redis://…`: parallel `token` processes (separate profile folders, same credentials)
 * share one sign-in through a real redis-server with a password; Redis unreachable or refusing the password
 * degrades to one warning and a working command; the Redis password never shows. `POST /auth` is counted by the
 * sandbox's recording.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import {
  hasRedis,
  type RedisServer,
  startRedis,
} from "../../../../packages/session-redis/test/redis-server.ts"
import { type RunResult, runBin } from "../helpers/cli.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"
import { makeTempDir } from "../helpers/tmp.ts"

const suite = cliSuite({ sandbox: { record: true } })

const posts = () =>
  suite.sandbox.exchanges().filter((e) => e.request.method === "POST" && e.request.path === "/v1/auth").length

describe.runIf(hasRedis())("the session shared through Redis (SORACOM_SESSION_STORE)", () => {
  let redis: RedisServer
  const dirs: Array<{ dir: string; cleanup: () => void }> = []
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.[Symbol.asyncDispose]()
  })
  beforeEach(async () => {
    // a cold store per test (no persistence: a restart empties it)
    await redis.stop()
    await redis.start()
  })
  afterEach(() => {
    for (const d of dirs.splice(0)) d.cleanup()
    suite.sandbox.clearExchanges()
  })

  /** `token` in a profile folder of its own, AuthKey from the environment. */
  const token = (env: Record<string, string>, args: ReadonlyArray<string> = []): Promise<RunResult> => {
    const tmp = makeTempDir()
    dirs.push(tmp)
    return runBin(suite.entry, ["token", "--endpoint", suite.sandbox.endpoint, ...args], {
      profileDir: tmp.dir,
      env: { SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: demo.authKey, ...env },
    })
  }
  const noSecrets = (r: RunResult, ...secrets: ReadonlyArray<string>) => {
    for (const s of secrets) {
      expect(r.stdout).not.toContain(s)
      expect(r.stderr).not.toContain(s)
    }
  }
  const warnings = (r: RunResult) => r.stderr.split("\n").filter((l) => /redis/i.test(l))

  it("parallel token processes with separate profile folders sign in once", async () => {
    const env = {
      SORACOM_SESSION_STORE: redis.url,
      SORACOM_SESSION_STORE_PASSWORD: redis.password,
    }
    const results = await Promise.all(Array.from({ length: 6 }, () => token(env)))
    for (const r of results) {
      expect(warnings(r)).toEqual([])
      expect(r.code).toBe(0)
      noSecrets(r, redis.password)
    }
    const tokens = new Set(results.map((r) => r.stdout.trim()))
    expect(tokens.size).toBe(1)
    expect([...tokens][0]).toMatch(/\S{16,}/)
    expect(posts()).toBe(1)

    // A later process (the password in the URL this time) takes the shared session: no sign-in at all.
    const url = new URL(redis.url)
    url.password = redis.password
    const later = await token({ SORACOM_SESSION_STORE: url.toString() }, ["--verbose"])
    expect(later.code).toBe(0)
    expect(later.stdout.trim()).toBe([...tokens][0])
    noSecrets(later, redis.password)
    expect(posts()).toBe(1)
  })

  it("login publishes its session: token in another folder uses it", async () => {
    const env = { SORACOM_SESSION_STORE: redis.url, SORACOM_SESSION_STORE_PASSWORD: redis.password }
    const dir = makeTempDir()
    dirs.push(dir)
    const login = await runBin(
      suite.entry,
      [
        "login",
        "--json",
        "--endpoint",
        suite.sandbox.endpoint,
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
      { profileDir: dir.dir, env, stdin: demo.authKey },
    )
    expect(login.code).toBe(0)
    const signedIn = JSON.parse(login.stdout) as { token: string }
    expect(posts()).toBe(1)
    const r = await token(env)
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe(signedIn.token)
    expect(posts()).toBe(1)
  })

  it("logout revokes the shared session and takes it out of Redis: the next token signs in again", async () => {
    const env = { SORACOM_SESSION_STORE: redis.url, SORACOM_SESSION_STORE_PASSWORD: redis.password }
    const dir = makeTempDir()
    dirs.push(dir)
    const first = await runBin(suite.entry, ["token", "--endpoint", suite.sandbox.endpoint], {
      profileDir: dir.dir,
      env: { ...env, SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: demo.authKey },
    })
    expect(first.code).toBe(0)
    const out = await runBin(suite.entry, ["logout"], { profileDir: dir.dir, env })
    expect(out.code).toBe(0)
    const next = await token(env)
    expect(next.code).toBe(0)
    expect(next.stdout.trim()).not.toBe(first.stdout.trim())
    expect(posts()).toBe(2)
  })

  it("Redis unreachable: the token is still printed, with one warning line", async () => {
    await redis.stop()
    const env = { SORACOM_SESSION_STORE: redis.url, SORACOM_SESSION_STORE_PASSWORD: redis.password }
    const r = await token(env)
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toMatch(/\S{16,}/)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/^soracom-auth: redis session store unavailable/)
    noSecrets(r, redis.password)
    expect(posts()).toBe(1)
    // worded by the app in the reader's language (the library's text is English)
    const ja = await token({ ...env, LANG: "ja_JP.UTF-8" })
    expect(ja.code).toBe(0)
    expect(warnings(ja)).toEqual([
      expect.stringMatching(/^soracom-auth: Redis のセッションストアを使えません \(.+\): 共有せずに/),
    ])
    noSecrets(ja, redis.password)
  })

  it("a wrong password (in the URL): degraded, one warning, neither password shown", async () => {
    const wrong = "wrong-pw-a1b2c3d4e5"
    const url = new URL(redis.url)
    url.username = "default"
    url.password = wrong
    const r = await token({ SORACOM_SESSION_STORE: url.toString() })
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toMatch(/\S{16,}/)
    expect(warnings(r)).toHaveLength(1)
    expect(warnings(r)[0]).toMatch(/WRONGPASS/)
    noSecrets(r, wrong, redis.password)
  })

  it("anything but a redis:// or rediss:// URL is a usage error that does not repeat the value", async () => {
    const r = await token({ SORACOM_SESSION_STORE: "https://user:hunter2-secret@redis.example" })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain("SORACOM_SESSION_STORE must be a redis:// or rediss:// URL.")
    noSecrets(r, "hunter2-secret")
    expect(posts()).toBe(0)
  })
})
