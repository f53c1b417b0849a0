/**
 * Issue #14's command-line defects, each driven through the bundled binary against the sandbox: env and
 * `token --format` (5), status checking the session with the server and `token --check` (7), the small ones of 9,
 * and the commands next to gh/aws/soracom-cli (11).
 */
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: {} })
const { run } = suite
// async: the sandbox answers curl from this very process
const exec = promisify(execFile)

const login = async (extra: ReadonlyArray<string> = []) => {
  const r = await suite.authKeyLogin(["--json", ...extra])
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as { apiKey: string; token: string; operatorId: string; expiresAt: string }
}

describe("5: env and token --format drive curl", () => {
  it("env prints sh / fish / pwsh exports; token --format header gives both headers curl needs", async () => {
    const s = await login()
    expect((await run(["env"])).stdout).toBe(`export SORACOM_API_KEY=${s.apiKey} SORACOM_TOKEN=${s.token}\n`)
    expect((await run(["env", "--shell", "fish"])).stdout).toBe(
      `set -gx SORACOM_API_KEY '${s.apiKey}'; set -gx SORACOM_TOKEN '${s.token}'\n`,
    )
    expect((await run(["env", "--shell", "pwsh"])).stdout).toBe(
      `$env:SORACOM_API_KEY = '${s.apiKey}'; $env:SORACOM_TOKEN = '${s.token}'\n`,
    )
    expect((await run(["token", "--format", "header"])).stdout).toBe(
      `X-Soracom-API-Key: ${s.apiKey}\nX-Soracom-Token: ${s.token}\n`,
    )
    expect(JSON.parse((await run(["token", "--format", "json"])).stdout)).toEqual(s)
    expect((await run(["token", "--format", "env"])).stdout).toContain(`SORACOM_TOKEN=${s.token}`)
  })

  it('the READMEs\' curl lines work: headers from `token --format header`, and from `eval "$(soracom-auth env)"`', async () => {
    const s = await login()
    const bin = `node ${suite.entry}`
    const url = `${suite.sandbox.endpoint}/v1/operators/${s.operatorId}`
    const env = { ...process.env, SORACOM_PROFILE_DIR: suite.dir, HOME: suite.dir }
    const { stdout: viaHeader } = await exec(
      "bash",
      ["-c", `curl -sf -H @<(${bin} token --format header) "${url}"`],
      {
        env,
      },
    )
    expect(JSON.parse(viaHeader).operatorId).toBe(s.operatorId)
    const { stdout: viaEnv } = await exec(
      "sh",
      [
        "-c",
        `eval "$(${bin} env)" && curl -sf -H "X-Soracom-API-Key: $SORACOM_API_KEY" -H "X-Soracom-Token: $SORACOM_TOKEN" "${url}"`,
      ],
      { env },
    )
    expect(JSON.parse(viaEnv).operatorId).toBe(s.operatorId)
  })
})

describe("7: status asks the server; token --check signs in again", () => {
  it("after a server-side revocation status says so (exit 4); token --check signs in again with stored credentials", async () => {
    const s = await login(["--save", "default"])
    const ok = await run(["status"])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain("accepts the session")
    await fetch(`${suite.sandbox.endpoint}/v1/auth/logout`, {
      method: "POST",
      headers: { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": s.token },
    })
    expect((await run(["status", "--offline"])).code).toBe(0) // the cache alone still looks fine
    const refused = await run(["status"])
    expect(refused.code).toBe(4)
    expect(refused.stderr).toContain("no longer accepts the session")
    expect((await run(["token"])).stdout.trim()).toBe(s.token) // without --check: the cache, as before
    const checked = await run(["token", "--check"])
    expect(checked.code).toBe(0)
    expect(checked.stderr).toContain("no longer accepts the cached session; signing in with AuthKey")
    expect(checked.stdout.trim()).not.toBe(s.token)
    expect((await run(["status"])).code).toBe(0)
  })
})

describe("9: the small things", () => {
  it("--mfa-code with an AuthKey is a usage error, not silently ignored", async () => {
    const r = await suite.authKeyLogin(["--mfa-code", "123456"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--mfa-code is for a root or SAM user")
  })

  it("--token-timeout takes durations (2h, 90m) and seconds; a bad one names the accepted forms", async () => {
    for (const [given, seconds] of [
      ["2h", 7200],
      ["90m", 5400],
      ["600", 600],
    ] as const) {
      const before = Date.now()
      const s = await login(["--token-timeout", given])
      const lifetime = Date.parse(s.expiresAt) - before
      expect(lifetime).toBeGreaterThan(seconds * 1000 - 5_000)
      expect(lifetime).toBeLessThan(seconds * 1000 + 60_000)
    }
    const bad = await suite.authKeyLogin(["--token-timeout", "2 hours"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("2h or 90m")
    expect(bad.stderr).toContain("--help") // a flag problem: the flags help is the next step
  })

  it("a lower-case operator ID is upper-cased, not rejected", async () => {
    const r = await run(
      [
        "login",
        "--endpoint",
        suite.sandbox.endpoint,
        "--operator-id",
        "op0000000001",
        "--user-name",
        demo.userName,
        "--password-stdin",
        "--json",
      ],
      { stdin: demo.userPassword },
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).operatorId).toBe("OP0000000001")
  })

  it("a host that does not exist is not retried; messages name the sandbox, not SORACOM; no --help on non-flag errors", async () => {
    const dns = await run(
      [
        "login",
        "--endpoint",
        "http://no-such-host.invalid",
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
      { stdin: `${demo.authKey}\n` },
    )
    expect(dns.code).toBe(1)
    expect(dns.stderr).toContain("could not be resolved")
    expect(dns.stderr).not.toContain("retrying")
    const wrong = await suite.authKeyLogin([], "not-the-secret\n")
    expect(wrong.code).toBe(4)
    expect(wrong.stderr).toMatch(/The API at 127\.0\.0\.1:\d+ did not accept the credentials\./)
    expect(wrong.stderr).not.toContain("SORACOM")
    expect(wrong.stderr).not.toContain("--help")
    expect(wrong.stderr).not.toMatch(/\([^)]*\(/) // no nested parentheses
  })

  it("an expired session is reported with an ISO-like local time, not a US-locale date", async () => {
    await login()
    const r = await run(["status"], { env: { SORACOM_PROFILE_DIR: suite.dir } })
    expect(r.stdout).toMatch(/Expires +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/)
  })
})

describe("11: profiles, logout --local-only, completion, examples", () => {
  it("profiles lists method, endpoint and session; profiles remove NAME deletes it and signs out", async () => {
    await login(["--save", "work"])
    const list = await run(["profiles"])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(
      /work +· +AuthKey keyId-demo\S* +· +http:\/\/127\.0\.0\.1:\d+ +· +signed in, 2\dh/,
    )
    const json = JSON.parse((await run(["profiles", "list", "--json"])).stdout)
    expect(json).toEqual([expect.objectContaining({ name: "work", method: "authKey", session: "live" })])
    const removed = await run(["profiles", "remove", "work"])
    expect(removed.code).toBe(0)
    expect(removed.stderr).toContain('Removed profile "work" and signed out of its session')
    expect(existsSync(join(suite.dir, "work.json"))).toBe(false)
    expect(existsSync(join(suite.dir, "work.session"))).toBe(false)
  })

  it("logout --local-only forgets the session but leaves it valid on the server", async () => {
    const s = await login()
    const r = await run(["logout", "--local-only"])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("stays valid on the server")
    const still = await fetch(`${suite.sandbox.endpoint}/v1/operators/${s.operatorId}`, {
      headers: { "X-Soracom-API-Key": s.apiKey, "X-Soracom-Token": s.token },
    })
    expect(still.status).toBe(200)
    expect((await run(["status"])).code).toBe(4)
  })

  it("completion bash|zsh|fish prints a script naming the commands; --help shows examples", async () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const r = await run(["completion", shell])
      expect(r.code).toBe(0)
      for (const command of ["login", "token", "env", "profiles", "logout"])
        expect(r.stdout).toContain(command)
    }
    const help = await run(["login", "--help"])
    expect(help.stdout).toContain("EXAMPLES")
    expect(help.stdout).toContain("--auth-key-stdin")
    expect(help.stdout).not.toContain("never prompts")
  })
})
