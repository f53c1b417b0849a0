/** Retries announce themselves on stderr — one plain line each — and never touch stdout, which carries data. */
import { describe, expect, it } from "vitest"
import { runBin } from "../helpers/cli.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: {} })
const { authKeyLogin } = suite

const retryLine =
  /^soracom-auth: retrying the sign-in in \d+\.\d s \(attempt 1 of 4 failed\): SORACOM answered HTTP 503 \(SBX0099\)\.$/m

const lines = (text: string) => text.split("\n").filter((l) => l.length > 0)

describe("retries on stderr", () => {
  it("login after a one-shot 503: exit 0, the retry line on stderr, nothing on stdout", async () => {
    suite.sandbox.faults.set("/auth", { status: 503, times: 1 })
    const r = await authKeyLogin()
    expect(r.code).toBe(0)
    expect(r.stdout).toBe("")
    expect(r.stderr).toMatch(retryLine)
    expect(lines(r.stderr).filter((l) => l.startsWith("soracom-auth: retrying"))).toHaveLength(1)
    expect(r.stderr).toContain("Signed in as OP0000000001")
    expect(r.stderr).not.toContain(demo.authKey)
    expect(r.stderr).not.toMatch(/WARN|\(#\d+\)|at .+:\d+:\d+/) // not Effect's default format, no stack
  })

  it("--json: stdout is only the JSON data, the retry line is still on stderr (and alone)", async () => {
    suite.sandbox.faults.set("/auth", { status: 503, times: 1 })
    const r = await authKeyLogin(["--json"])
    expect(r.code).toBe(0)
    expect(lines(r.stdout)).toHaveLength(1)
    expect(JSON.parse(r.stdout).operatorId).toBe(demo.operatorId)
    expect(lines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toMatch(retryLine)
  })

  it("token signing in again after a one-shot 503: stdout is the bare token only", async () => {
    suite.sandbox.faults.set("/auth", { status: 503, times: 1 })
    const r = await runBin(suite.entry, ["token", "--endpoint", suite.sandbox.endpoint], {
      profileDir: suite.dir,
      env: { SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: demo.authKey },
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^[^\s]+\n$/)
    expect(r.stderr).toMatch(retryLine)
  })

  it("no retry, no line: a 401 is not retried and only the error is printed", async () => {
    const r = await runBin(
      suite.entry,
      ["login", "--endpoint", suite.sandbox.endpoint, "--auth-key-id", demo.authKeyId, "--auth-key-stdin"],
      { profileDir: suite.dir, stdin: "secret-wrong\n" },
    )
    expect(r.code).toBe(4)
    expect(r.stderr).not.toContain("retrying")
  })
})
