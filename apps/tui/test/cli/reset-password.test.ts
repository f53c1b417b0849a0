import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

let now = Date.now()
// the sandbox's clock is ours: reset tokens can be made to expire without waiting
const suite = cliSuite({ sandbox: { clock: () => now, resetTokenTtlSeconds: 600 } })
beforeEach(() => {
  now = Date.now()
  suite.sandbox.clearOutbox()
})

const run = (
  args: ReadonlyArray<string>,
  options: { env?: Record<string, string | undefined>; stdin?: string } = {},
) => suite.run(args, { ...options, env: { SORACOM_ENDPOINT: suite.sandbox.endpoint, ...options.env } })

const requestToken = async () => {
  const r = await run(["reset-password", "request", "--email", demo.email])
  expect(r.code).toBe(0)
  const mail = suite.sandbox.outbox().at(-1)
  expect(mail?.to).toBe(demo.email)
  return mail!.token
}

describe("reset-password", () => {
  it("request mails a token; verify with token and new password on stdin changes the password", async () => {
    const r = await run(["reset-password", "request", "--email", demo.email])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain(`sent a password reset token to ${demo.email}`)
    expect(r.stderr).toContain("reset-password verify")
    const token = suite.sandbox.outbox().at(-1)!.token
    const newPassword = "CANARY-new-password-1"
    const v = await run(["reset-password", "verify", "--token-stdin", "--password-stdin"], {
      stdin: `${token}\n${newPassword}\n`,
    })
    expect(v.code).toBe(0)
    expect(v.stderr).toContain("The password was changed")
    expect(v.stderr + v.stdout).not.toContain("CANARY")
    expect(v.stderr + v.stdout).not.toContain(token)
    const login = await run(["login", "--json", "--email", demo.email, "--password-stdin"], {
      stdin: newPassword,
    })
    expect(login.code).toBe(0)
    // and back, with the token and password from files / the environment
    const token2 = await requestToken()
    const file = join(suite.dir, "token.txt")
    writeFileSync(file, `${token2}\n`)
    const back = await run(["reset-password", "verify", "--json", "--token-file", file], {
      env: { SORACOM_NEW_PASSWORD: demo.password },
    })
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout)).toEqual({ verified: true })
  })

  it("--json request prints {requested, email}", async () => {
    const r = await run(["reset-password", "request", "--json", "--email", demo.email])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ requested: true, email: demo.email })
    expect(r.stderr).toBe("")
  })

  it("an invalid token → exit 1 InvalidToken with the next step", async () => {
    const r = await run(["reset-password", "verify", "--token-stdin", "--password-stdin"], {
      stdin: "not-a-token\nwhatever-password\n",
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("Request a new one")
    const json = await run(["reset-password", "verify", "--json", "--token-stdin", "--password-stdin"], {
      stdin: "not-a-token\nwhatever-password\n",
    })
    expect(JSON.parse(json.stdout).error._tag).toBe("InvalidToken")
  })

  it("an expired token → exit 1 TokenExpired", async () => {
    const token = await requestToken()
    now += 601_000
    const r = await run(["reset-password", "verify", "--json", "--token-stdin", "--password-stdin"], {
      stdin: `${token}\nsome-new-password\n`,
    })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error._tag).toBe("TokenExpired")
  })

  it("an email SORACOM rejects → exit 1 InvalidEmail; a malformed one is refused before sending (exit 2)", async () => {
    const unknown = await run(["reset-password", "request", "--json", "--email", "nobody@example.com"])
    expect(unknown.code).toBe(1)
    expect(JSON.parse(unknown.stdout).error._tag).toBe("InvalidEmail")
    const malformed = await run(["reset-password", "request", "--json", "--email", "not-an-email"])
    expect(malformed.code).toBe(2)
    expect(JSON.parse(malformed.stdout).error._tag).toBe("InvalidRequest")
  })

  it("usage: missing token or password, both stdin and file, no subcommand, missing --email", async () => {
    const cases: ReadonlyArray<[ReadonlyArray<string>, string | undefined]> = [
      [["reset-password", "verify", "--password-stdin"], "pw"],
      [["reset-password", "verify", "--token-stdin"], "token"],
      [["reset-password", "verify", "--token-stdin", "--token-file", "x", "--password-stdin"], "t\np"],
      [["reset-password", "request"], undefined],
      [["reset-password"], undefined],
    ]
    for (const [args, stdin] of cases) {
      const r = await run([...args, "--json"], stdin === undefined ? {} : { stdin })
      expect({ args, code: r.code }).toEqual({ args, code: 2 })
    }
  })
})
