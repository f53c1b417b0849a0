/**
 * soracom-cli's other credential sources through the CLI: `--profile-command` and a profile's `profileCommand`
 * (its output may carry `mfaOTPCode`: an MFA user signs in unattended), and `sourceProfile` + `operatorId` +
 * `username` (sign in with the source, switch user; a chain of one).
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import * as OTPAuth from "otpauth"
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: { record: true } })

const writeProfile = (name: string, profile: object) =>
  writeFileSync(join(suite.dir, `${name}.json`), JSON.stringify(profile), { mode: 0o600 })

/** A command (plain words: no shell) that prints `profile` as JSON, or fails with `exitCode`. */
const command = (profile: object, exitCode = 0) => {
  const path = join(suite.dir, "credentials.mjs")
  writeFileSync(
    path,
    `process.stdout.write(${JSON.stringify(JSON.stringify(profile))}); process.exitCode = ${exitCode}\n`,
  )
  return `${process.execPath} ${path}`
}

const paths = () => suite.sandbox.exchanges().map((e) => `${e.response?.status} ${e.request.path}`)

describe("profileCommand", () => {
  it("--profile-command: the command's credentials sign in", async () => {
    suite.sandbox.clearExchanges()
    const r = await suite.run([
      "login",
      "--json",
      "--endpoint",
      suite.sandbox.endpoint,
      "--profile-command",
      command({ authKeyId: demo.authKeyId, authKey: demo.authKey }),
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).operatorId).toBe(demo.operatorId)
    expect(paths()).toEqual(["200 /v1/auth"])
    expect(r.stdout + r.stderr).not.toContain(demo.authKey)
  })

  it("a profile's profileCommand with mfaOTPCode: an MFA user signs in unattended", async () => {
    const code = OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(demo.mfaSecret) })
    writeProfile("mfa", {
      endpoint: suite.sandbox.endpoint,
      profileCommand: command({
        operatorId: demo.operatorId,
        username: demo.mfaUserName,
        password: demo.mfaUserPassword,
        mfaOTPCode: code,
      }),
    })
    const r = await suite.run(["login", "--json", "--profile", "mfa"], {
      env: { SORACOM_ENDPOINT: suite.sandbox.endpoint },
    })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).userName).toBe(demo.mfaUserName)
  })

  it("a failing command: exit 1 naming the exit code, never its output", async () => {
    const secret = "secret-in-the-output-of-a-failing-command"
    const r = await suite.run([
      "login",
      "--endpoint",
      suite.sandbox.endpoint,
      "--profile-command",
      command({ authKeyId: demo.authKeyId, authKey: secret }, 3),
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("exit code 3")
    expect(r.stdout + r.stderr).not.toContain(secret)
  })
})

describe("sourceProfile", () => {
  it("signs in with the source profile and switches user; token hands out the switched session", async () => {
    writeProfile("root", { email: demo.email, password: demo.password })
    writeProfile("as-user", { sourceProfile: "root", operatorId: demo.operatorId, username: demo.userName })
    suite.sandbox.clearExchanges()
    const r = await suite.run(["login", "--json", "--profile", "as-user"], {
      env: { SORACOM_ENDPOINT: suite.sandbox.endpoint },
    })
    expect(r.code, r.stderr).toBe(0)
    const session = JSON.parse(r.stdout) as { token: string; userName: string }
    expect(session.userName).toBe(demo.userName)
    expect(paths()).toEqual(["200 /v1/auth", "200 /v1/auth/switch_user"])
    const token = await suite.run(["token", "--profile", "as-user"])
    expect(token.stdout).toBe(`${session.token}\n`)
  })

  it("a source profile with its own sourceProfile is refused (exit 2), nothing sent", async () => {
    writeProfile("a", { authKeyId: demo.authKeyId, authKey: demo.authKey })
    writeProfile("b", { sourceProfile: "a", operatorId: demo.operatorId, username: demo.userName })
    writeProfile("c", { sourceProfile: "b", operatorId: demo.operatorId, username: demo.userName })
    suite.sandbox.clearExchanges()
    const r = await suite.run(["login", "--profile", "c"], {
      env: { SORACOM_ENDPOINT: suite.sandbox.endpoint },
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("only one step is allowed")
    expect(paths()).toEqual([])
  })

  it("a switch the target does not trust: exit 4, SwitchUserNotAllowed", async () => {
    writeProfile("root", { email: demo.email, password: demo.password })
    writeProfile("as-mfa", { sourceProfile: "root", operatorId: demo.operatorId, username: demo.mfaUserName })
    const r = await suite.run(["login", "--json", "--profile", "as-mfa"], {
      env: { SORACOM_ENDPOINT: suite.sandbox.endpoint },
    })
    expect(r.code).toBe(4)
    expect(JSON.parse(r.stdout).error._tag).toBe("SwitchUserNotAllowed")
  })
})

describe("switch-user", () => {
  const loginRoot = () =>
    suite.run(["login", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin"], {
      stdin: `${demo.password}\n`,
    })

  it("as the profile's session: allowed by the trust policy, cached under --save-as for token", async () => {
    expect((await loginRoot()).code).toBe(0)
    suite.sandbox.clearExchanges()
    const r = await suite.run([
      "switch-user",
      "--json",
      "--operator-id",
      demo.operatorId,
      "--user-name",
      demo.userName,
      "--save-as",
      "switched",
    ])
    expect(r.code, r.stderr).toBe(0)
    const session = JSON.parse(r.stdout) as { token: string; userName: string }
    expect(session.userName).toBe(demo.userName)
    expect(paths()).toEqual(["200 /v1/auth/switch_user"])
    expect((await suite.run(["token", "--profile", "switched"])).stdout).toBe(`${session.token}\n`)
  })

  it("denied → exit 4 SwitchUserNotAllowed; not signed in → exit 4 NotSignedIn", async () => {
    const none = await suite.run([
      "switch-user",
      "--json",
      "--operator-id",
      demo.operatorId,
      "--user-name",
      demo.userName,
    ])
    expect(none.code).toBe(4)
    expect(JSON.parse(none.stdout).error._tag).toBe("NotSignedIn")
    expect((await loginRoot()).code).toBe(0)
    const denied = await suite.run([
      "switch-user",
      "--json",
      "--operator-id",
      demo.operatorId,
      "--user-name",
      demo.mfaUserName,
    ])
    expect(denied.code).toBe(4)
    expect(JSON.parse(denied.stdout).error._tag).toBe("SwitchUserNotAllowed")
  })
})
