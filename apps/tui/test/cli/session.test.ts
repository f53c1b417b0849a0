/** token, status and logout: the cached session, its margin, re-authentication and revocation. */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const canary = {
  email: "canary@example.com",
  password: "CANARY-pw-7f3a9",
  authKeyId: "keyId-canary0000000000000000000000001",
  authKey: "secret-CANARY-ak-7f3a9",
}

const suite = cliSuite({
  sandbox: {
    record: true,
    seed: {
      operators: [
        {
          operatorId: demo.operatorId,
          email: demo.email,
          password: demo.password,
          authKeys: [{ authKeyId: demo.authKeyId, authKey: demo.authKey }],
        },
        {
          operatorId: "OP0000000002",
          email: canary.email,
          password: canary.password,
          authKeys: [{ authKeyId: canary.authKeyId, authKey: canary.authKey }],
        },
      ],
    },
  },
})
const { run } = suite

const login = async (
  extra: ReadonlyArray<string> = [],
  who: { readonly authKeyId: string; readonly authKey: string } = demo,
) => {
  const r = await run(
    [
      "login",
      "--json",
      "--endpoint",
      suite.sandbox.endpoint,
      "--auth-key-id",
      who.authKeyId,
      "--auth-key-stdin",
      ...extra,
    ],
    { stdin: who.authKey },
  )
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as { apiKey: string; token: string; operatorId: string; expiresAt: string }
}

/** Moves a cached session in time: `expiresInMs` from now, issued a day before. */
const ageSession = (profile: string, expiresInMs: number) => {
  const path = join(suite.dir, `${profile}.session`)
  const json = JSON.parse(readFileSync(path, "utf8"))
  json.session.expiresAt = new Date(Date.now() + expiresInMs).toISOString()
  json.session.issuedAt = new Date(Date.now() - 86_400_000).toISOString()
  writeFileSync(path, JSON.stringify(json), { mode: 0o600 })
}

const logoutStatus = (apiKey: string, token: string) =>
  fetch(`${suite.sandbox.url}/auth/logout`, {
    method: "POST",
    headers: { "X-Soracom-API-Key": apiKey, "X-Soracom-Token": token },
  }).then((r) => r.status)

describe("token", () => {
  it("prints the cached token bare on stdout (for $(…)), nothing else", async () => {
    const session = await login()
    const r = await run(["token"])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`${session.token}\n`)
    expect(r.stderr).toBe("")
    const json = await run(["token", "--json"])
    expect(JSON.parse(json.stdout)).toEqual(session)
  })

  it("not signed in → exit 4 with what to do; --json → NotSignedIn", async () => {
    const r = await run(["token"])
    expect(r.code).toBe(4)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain('Not signed in (profile "default")')
    expect(r.stderr).toContain("soracom-auth login")
    const json = await run(["token", "--json", "--profile", "work"])
    expect(json.code).toBe(4)
    expect(JSON.parse(json.stdout).error).toEqual({
      _tag: "NotSignedIn",
      message: 'Not signed in (profile "work").',
    })
  })

  it("within the refresh margin, renews the session — same API key, new token, no credentials, no sign-in", async () => {
    const first = await login() // nothing stored: a sign-in would be impossible
    ageSession("default", 60_000) // inside the margin, still valid on the server
    suite.sandbox.clearExchanges()
    const r = await run(["token", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const renewed = JSON.parse(r.stdout) as typeof first
    expect(renewed.apiKey).toBe(first.apiKey)
    expect(renewed.token).not.toBe(first.token)
    expect(suite.sandbox.exchanges().map((e) => `${e.response?.status} ${e.request.path}`)).toEqual([
      `200 /v1/operators/${demo.operatorId}/token`,
    ])
    // the renewed session is cached: the next call reuses it silently
    const again = await run(["token"])
    expect(again.stdout).toBe(`${renewed.token}\n`)
    expect(again.stderr).toBe("")
  })

  it("a refused renewal falls back to signing in with the profile's stored credentials", async () => {
    const first = await login(["--save", "default"])
    ageSession("default", 60_000)
    suite.sandbox.faults.set("/operators/{operator_id}/token", { status: 400, times: 1 })
    const r = await run(["token"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).not.toBe(first.token)
    expect(r.stderr).toContain("signing in with AuthKey")
  })

  it("signs in with SORACOM_AUTH_KEY_ID/SORACOM_AUTH_KEY when nothing is cached", async () => {
    const r = await run(["token"], {
      env: {
        SORACOM_AUTH_KEY_ID: demo.authKeyId,
        SORACOM_AUTH_KEY: demo.authKey,
        SORACOM_ENDPOINT: suite.sandbox.endpoint,
      },
    })
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split(".")).toHaveLength(3)
  })

  it("expired without stored credentials → exit 4 saying it expired", async () => {
    await login()
    ageSession("default", -1_000)
    const r = await run(["token"])
    expect(r.code).toBe(4)
    expect(r.stderr).toContain("expired")
  })

  it("a session cached for another endpoint is not handed out for --endpoint", async () => {
    await login()
    const r = await run(["token", "--endpoint", "http://127.0.0.1:9"])
    expect(r.code).toBe(4)
  })
})

describe("status", () => {
  it("shows profile, method, operator, masked key, endpoint and expiry — never the key or token", async () => {
    const session = await login()
    const r = await run(["status"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("default")
    expect(r.stdout).toContain("AuthKey")
    expect(r.stdout).toContain(demo.operatorId)
    expect(r.stdout).toContain(`********${session.apiKey.slice(-4)}`)
    expect(r.stdout).toContain(suite.sandbox.url)
    expect(r.stdout).toMatch(/Expires +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d, in 23h 5\dm \d\ds/)
    expect(r.stdout).not.toContain(session.apiKey)
    expect(r.stdout).not.toContain(session.token)
    expect(r.stderr).toBe("")
    const json = JSON.parse((await run(["status", "--json"])).stdout)
    expect(json).toMatchObject({
      profile: "default",
      signedIn: true,
      method: "authKey",
      identity: demo.authKeyId,
      operatorId: demo.operatorId,
      apiKey: `********${session.apiKey.slice(-4)}`,
      endpoint: suite.sandbox.url,
      expiresAt: session.expiresAt,
    })
    expect(json.remainingSeconds).toBeGreaterThan(86_000)
  })

  it("exit 4 when not signed in or expired", async () => {
    const none = await run(["status"])
    expect(none.code).toBe(4)
    expect(none.stdout).toBe("")
    await login()
    ageSession("default", -1_000)
    const expired = await run(["status", "--json"])
    expect(expired.code).toBe(4)
    expect(JSON.parse(expired.stdout).error._tag).toBe("NotSignedIn")
    expect(JSON.parse(expired.stdout).error.message).toContain("expired")
  })

  it("secret canary: status, token --verbose and logout --verbose never show stored secrets", async () => {
    await login(["--save", "default", "--verbose"], canary)
    for (const args of [["status"], ["status", "--json"], ["--verbose", "logout"]]) {
      const r = await run(args)
      expect(r.stdout).not.toContain("CANARY")
      expect(r.stderr).not.toContain("CANARY")
    }
    // re-authentication through the profile, traced
    const t = await run(["--verbose", "token"])
    expect(t.code).toBe(0)
    expect(t.stderr).toContain("POST")
    expect(t.stderr).not.toContain("CANARY")
    expect(t.stderr).not.toContain(t.stdout.trim())
  })
})

describe("logout", () => {
  it("revokes a valid session on the server and removes the cache, and says so", async () => {
    const session = await login()
    const r = await run(["logout"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("the server revoked the API key and token")
    expect(await logoutStatus(session.apiKey, session.token)).toBe(401) // already revoked
    expect((await run(["status"])).code).toBe(4)
  })

  it("nothing cached → exit 0, nothing to do; --json reports what happened", async () => {
    const r = await run(["logout"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("nothing to do")
    await login()
    const json = await run(["logout", "--json"])
    expect(JSON.parse(json.stdout)).toEqual({
      profile: "default",
      revoked: true,
      removed: true,
      result: "RevokedAndRemoved",
    })
  })

  it("an expired session is only removed locally", async () => {
    const session = await login()
    ageSession("default", -1_000)
    const r = await run(["logout"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("already expired")
    expect(await logoutStatus(session.apiKey, session.token)).toBe(204) // the server was not called
  })

  it("a server that already revoked the session → cache removed, says so", async () => {
    const session = await login()
    expect(await logoutStatus(session.apiKey, session.token)).toBe(204)
    const r = await run(["logout"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("no longer accepted")
  })

  it("an unreachable server → exit 1 and the cache is kept for a retry", async () => {
    await login()
    const path = join(suite.dir, "default.session")
    const json = JSON.parse(readFileSync(path, "utf8"))
    json.endpoint = "http://127.0.0.1:9/v1"
    writeFileSync(path, JSON.stringify(json), { mode: 0o600 })
    const r = await run(["logout", "--json"])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error._tag).toBe("TransportError")
    expect(readFileSync(path, "utf8")).toContain("127.0.0.1:9")
  }, 60_000)
})
