import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it, onTestFinished } from "vitest"
import { runBin, totp } from "../helpers/cli.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: {} })
const { authKeyLogin } = suite
const { run } = suite

const writeProfile = (name: string, json: Record<string, unknown>, mode = 0o600) => {
  mkdirSync(suite.dir, { recursive: true, mode: 0o700 })
  const path = join(suite.dir, `${name}.json`)
  writeFileSync(path, JSON.stringify(json))
  chmodSync(path, mode)
  return path
}

describe("login", () => {
  it("signs in with an AuthKey from stdin: summary on stderr, nothing on stdout, session cached 0600", async () => {
    const r = await authKeyLogin()
    expect(r.code).toBe(0)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain("Signed in as OP0000000001")
    expect(r.stderr).toContain('Session cached for profile "default"')
    expect(r.stderr).not.toContain(demo.authKey)
    expect(r.stderr).not.toContain("\u001b[") // not a TTY: no colour
    const cache = join(suite.dir, "default.session")
    expect(statSync(cache).mode & 0o777).toBe(0o600)
    expect(statSync(suite.dir).mode & 0o777).toBe(0o700)
  })

  it("--json prints {apiKey, token, operatorId, expiresAt} on stdout and nothing on stderr", async () => {
    const r = await authKeyLogin(["--json", "--token-timeout", "600"])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
    const body = JSON.parse(r.stdout)
    expect(Object.keys(body).sort()).toEqual(["apiKey", "expiresAt", "operatorId", "token"])
    expect(body.operatorId).toBe(demo.operatorId)
    const lifetime = Date.parse(body.expiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(500_000)
    expect(lifetime).toBeLessThanOrEqual(600_000)
  })

  it("signs in a root user with the password from a file", async () => {
    const file = join(suite.dir, "pw.txt")
    writeFileSync(file, `${demo.password}\n`)
    const r = await run([
      "login",
      "--json",
      "--endpoint",
      suite.sandbox.endpoint,
      "--email",
      demo.email,
      "--password-file",
      file,
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).operatorId).toBe(demo.operatorId)
  })

  it("signs in a SAM user with SORACOM_PASSWORD and reports the user name", async () => {
    const r = await run(["login", "--json", "--operator-id", demo.operatorId, "--user-name", demo.userName], {
      env: { SORACOM_PASSWORD: demo.userPassword, SORACOM_ENDPOINT: suite.sandbox.endpoint },
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ operatorId: demo.operatorId, userName: demo.userName })
  })

  it("MFA: without a code → exit 4; with the TOTP code → signed in", async () => {
    const args = ["login", "--json", "--endpoint", suite.sandbox.endpoint, "--operator-id", demo.operatorId]
    const without = await run([...args, "--user-name", demo.mfaUserName, "--password-stdin"], {
      stdin: demo.mfaUserPassword,
    })
    expect(without.code).toBe(4)
    expect(JSON.parse(without.stdout).error._tag).toBe("AuthFailed")
    const withCode = await run(
      [...args, "--user-name", demo.mfaUserName, "--password-stdin", "--mfa-code", totp(demo.mfaSecret)],
      { stdin: demo.mfaUserPassword },
    )
    expect(withCode.code).toBe(0)
    expect(JSON.parse(withCode.stdout).userName).toBe(demo.mfaUserName)
  })

  it("wrong credentials → exit 4, AuthFailed with SORACOM's code; text mode says what to do", async () => {
    const json = await run(
      ["login", "--json", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin"],
      {
        stdin: "wrong-password",
      },
    )
    expect(json.code).toBe(4)
    expect(JSON.parse(json.stdout)).toEqual({
      error: { _tag: "AuthFailed", message: expect.any(String), code: "AUM0002" },
    })
    const text = await run(
      ["login", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin"],
      {
        stdin: "wrong-password",
      },
    )
    expect(text.code).toBe(4)
    expect(text.stdout).toBe("")
    expect(text.stderr).toContain("did not accept the credentials")
    expect(text.stderr).toContain("--mfa-code")
    expect(existsSync(join(suite.dir, "default.session"))).toBe(false)
  })

  it("credentials from SORACOM_AUTH_KEY_ID / SORACOM_AUTH_KEY, and flags take precedence over them", async () => {
    const env = {
      SORACOM_AUTH_KEY_ID: demo.authKeyId,
      SORACOM_AUTH_KEY: demo.authKey,
      SORACOM_ENDPOINT: suite.sandbox.endpoint,
    }
    const fromEnv = await run(["login", "--json"], { env })
    expect(fromEnv.code).toBe(0)
    // flags (a wrong password) beat the (valid) environment → the flags were used
    const flagsWin = await run(["login", "--json", "--email", demo.email, "--password-stdin"], {
      env,
      stdin: "wrong",
    })
    expect(flagsWin.code).toBe(4)
  })

  it("credentials from a soracom-cli profile (--profile, then SORACOM_PROFILE); the environment beats the profile", async () => {
    writeProfile("work", {
      sandbox: false,
      coverageType: "jp",
      email: demo.email,
      password: demo.password,
      endpoint: suite.sandbox.endpoint,
      registerPaymentMethod: false,
    })
    const byFlag = await run(["login", "--json", "--profile", "work"])
    expect(byFlag.code).toBe(0)
    expect(existsSync(join(suite.dir, "work.session"))).toBe(true)
    const byEnv = await run(["login", "--json"], { env: { SORACOM_PROFILE: "work" } })
    expect(byEnv.code).toBe(0)
    const envWins = await run(["login", "--json", "--profile", "work"], {
      env: { SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: "secret-wrong" },
    })
    expect(envWins.code).toBe(4)
  })

  it("--save stores the credentials as a soracom-cli profile (0600) that the next login uses", async () => {
    const r = await authKeyLogin(["--save", "saved"])
    expect(r.code).toBe(0)
    const path = join(suite.dir, "saved.json")
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      sandbox: false,
      coverageType: "jp",
      authKeyId: demo.authKeyId,
      authKey: demo.authKey,
      endpoint: suite.sandbox.endpoint,
      registerPaymentMethod: false,
    })
    const again = await run(["login", "--json", "--profile", "saved"])
    expect(again.code).toBe(0)
  })

  it("refuses a profile readable by others with soracom-cli's message (exit 1)", async () => {
    const path = writeProfile("loose", { authKeyId: demo.authKeyId, authKey: demo.authKey }, 0o644)
    const r = await run(["login", "--profile", "loose"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `Permissions for the file '${path}' which contains your credentials are too open.`,
    )
    expect(r.stderr).toContain("It is required that your credential files are NOT accessible by others.")
    expect(r.stderr).toContain(`chmod 600 '${path}'`)
    const json = await run(["login", "--json", "--profile", "loose"])
    expect(JSON.parse(json.stdout).error._tag).toBe("ProfilePermissionsTooOpen")
  })

  it("a named profile that does not exist → exit 1 ProfileNotFound", async () => {
    const r = await run(["login", "--json", "--profile", "nope"])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error._tag).toBe("ProfileNotFound")
  })

  it("no credentials and no terminal → exit 2 naming the flags and variables", async () => {
    const r = await run(["login"])
    expect(r.code).toBe(2)
    for (const hint of [
      "--auth-key-id",
      "--auth-key-stdin",
      "--password-stdin",
      "SORACOM_AUTH_KEY_ID",
      "SORACOM_AUTH_KEY",
    ]) {
      expect(r.stderr).toContain(hint)
    }
    const json = await run(["login", "--json"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error._tag).toBe("UsageError")
  })

  it("usage errors → exit 2: incomplete or mixed credential flags, unknown flags, bad values", async () => {
    const cases: ReadonlyArray<[ReadonlyArray<string>, string | undefined]> = [
      [["login", "--auth-key-id", demo.authKeyId], undefined],
      [["login", "--email", demo.email, "--auth-key-id", demo.authKeyId, "--auth-key-stdin"], "x"],
      [["login", "--user-name", "u", "--password-stdin"], "x"],
      [["login", "--bogus"], undefined],
      [["login", "--token-timeout", "soon"], undefined],
      [["login", "--coverage", "eu"], undefined],
      [["login", "--auth-key-id", demo.authKeyId, "--auth-key-stdin"], ""],
    ]
    for (const [args, stdin] of cases) {
      const r = await run([...args, "--json"], stdin === undefined ? {} : { stdin })
      expect({ args, code: r.code }).toEqual({ args, code: 2 })
      expect(JSON.parse(r.stdout).error.message.length).toBeGreaterThan(0)
    }
  })

  it("input core rejects before sending → exit 2 InvalidRequest naming the field (no request made)", async () => {
    suite.sandbox.setRecording(true)
    suite.sandbox.clearExchanges()
    const r = await authKeyLogin(["--json", "--token-timeout", "100"])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error._tag).toBe("UsageError")
    const bad = await run(
      [
        "login",
        "--json",
        "--endpoint",
        suite.sandbox.endpoint,
        "--email",
        "not-an-email",
        "--password-stdin",
      ],
      {
        stdin: "x",
      },
    )
    expect(bad.code).toBe(2)
    expect(suite.sandbox.exchanges()).toHaveLength(0)
    suite.sandbox.setRecording(false)
  })

  it("transport failure → exit 1 TransportError naming the endpoint", async () => {
    const r = await run(
      ["login", "--endpoint", "http://127.0.0.1:9", "--auth-key-id", demo.authKeyId, "--auth-key-stdin"],
      {
        stdin: demo.authKey,
      },
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("127.0.0.1:9")
    const json = await run(
      [
        "login",
        "--json",
        "--endpoint",
        "http://127.0.0.1:9",
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
      { stdin: demo.authKey },
    )
    expect(JSON.parse(json.stdout).error._tag).toBe("TransportError")
  }, 60_000)

  it("rate limited → exit 1 RateLimited with SORACOM's code; server error → exit 1 ServerError", async () => {
    suite.sandbox.faults.set("/auth", {
      status: 429,
      headers: { "Retry-After": "3600" },
      body: { code: "COM0009", message: "Too many requests" },
    })
    const limited = await authKeyLogin(["--json"])
    expect(limited.code).toBe(1)
    expect(JSON.parse(limited.stdout).error).toMatchObject({ _tag: "RateLimited", code: "COM0009" })
    suite.sandbox.faults.set("/auth", { status: 500, body: { code: "AGW0005", message: "Internal error" } })
    const failed = await authKeyLogin(["--json"])
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.stdout).error._tag).toBe("ServerError")
  })

  it("Ctrl+C (SIGINT) while signing in → exit 130, the request is abandoned and no session is written", async () => {
    suite.sandbox.faults.set("/auth", { delayMs: 30_000 })
    suite.sandbox.clearExchanges()
    suite.sandbox.setRecording(true)
    onTestFinished(() => suite.sandbox.setRecording(false))
    /** Resolves once the sandbox holds the sign-in request: it is in flight, held by the fault's delay. */
    const arrived = async () => {
      while (!suite.sandbox.exchanges().some((e) => e.request.path === "/v1/auth"))
        await new Promise((r) => setTimeout(r, 10))
    }
    let sent = false
    const r = await runBin(
      suite.entry,
      ["login", "--endpoint", suite.sandbox.endpoint, "--auth-key-id", demo.authKeyId, "--auth-key-stdin"],
      {
        profileDir: suite.dir,
        stdin: demo.authKey,
        onStderr: (text, child) => {
          if (!sent && text.includes("Signing in")) {
            sent = true
            void arrived().then(() => child.kill("SIGINT"))
          }
        },
      },
    )
    expect(r.code).toBe(130)
    expect(r.stderr).toContain("Cancelled.")
    expect(existsSync(join(suite.dir, "default.session"))).toBe(false)
  })

  it("a secret canary never appears on stdout or stderr, even with --verbose", async () => {
    const canary = "CANARY-7f3a9-secret"
    for (const args of [
      ["--verbose", "login", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin"],
      [
        "--verbose",
        "login",
        "--endpoint",
        suite.sandbox.endpoint,
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
      [
        "login",
        "--json",
        "--endpoint",
        suite.sandbox.endpoint,
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
    ]) {
      const r = await run(args, { stdin: canary })
      expect(r.code).toBe(4)
      expect(r.stdout).not.toContain("CANARY")
      expect(r.stderr).not.toContain("CANARY")
    }
    // a successful verbose login traces the exchange without the secret, the API key or the token
    const ok = await authKeyLogin(["--verbose", "--json"])
    expect(ok.code).toBe(0)
    const { apiKey, token } = JSON.parse(ok.stdout)
    expect(ok.stderr).toContain("POST")
    expect(ok.stderr).not.toContain(demo.authKey)
    expect(ok.stderr).not.toContain(apiKey)
    expect(ok.stderr).not.toContain(token)
  })
})
