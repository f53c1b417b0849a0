/**
 * Issue #15 items 8, 10, 12 from the terminal (canary): an endpoint with a password in it is refused before
 * anything is printed or sent; `--verbose` never shows a secret the server echoes back; server text reaches the
 * terminal without control characters.
 */
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: { record: true } })
const requests = () => suite.sandbox.exchanges().length

describe("#15 item 8 (CLI): userinfo, query or fragment in --endpoint", () => {
  it.each([
    ["login", "--auth-key-id", demo.authKeyId, "--auth-key-stdin", "--verbose"],
    ["token", "--verbose"],
    ["reset-password", "request", "--email", demo.email, "--verbose"],
  ])("%s: exit 2, the password never printed, zero requests", async (...args) => {
    const endpoint = suite.sandbox.endpoint.replace("http://", "http://user:Pw-CANARY-userinfo@")
    for (const url of [endpoint, `${suite.sandbox.endpoint}/?key=Pw-CANARY-query`]) {
      const before = requests()
      const r = await suite.run([...args, "--endpoint", url], { stdin: `${demo.authKey}\n` })
      expect(r.code, r.stderr).toBe(2)
      expect(`${r.stdout}${r.stderr}`).not.toContain("CANARY")
      expect(r.stderr).toMatch(/endpoint/i)
      expect(requests()).toBe(before)
    }
  })
})

describe("#15 items 10 and 12 (CLI): the verbose trace and errors with a hostile server", () => {
  it("a password echoed (upper-cased, in any field, in a header) never appears; controls never reach the terminal", async () => {
    const password = "Pw-Canary-Echoed-1234"
    suite.sandbox.faults.set("/auth", {
      status: 401,
      body: {
        code: "AUM0002",
        message: `bad password ${password.toUpperCase()}\u001b]0;pwned\u0007\r\u001b[2J`,
        echo: { sent: password.slice(0, -1) },
      },
      headers: { "X-Echo": password },
      times: 1,
    })
    const r = await suite.run(
      ["login", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin", "--verbose"],
      { stdin: `${password}\n` },
    )
    expect(r.code).toBe(4)
    const shown = `${r.stdout}${r.stderr}`
    for (let i = 0; i + 8 <= password.length; i++)
      expect(shown.toLowerCase()).not.toContain(password.slice(i, i + 8).toLowerCase())
    expect(shown).toContain("<redacted>")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })

  it("a text body in the verbose trace reaches the terminal without control characters", async () => {
    suite.sandbox.faults.set("/auth", {
      status: 500,
      body: "oops\u001b]0;pwned\u0007\r\u001b[2Jdone\u009b31m",
      times: 4,
    })
    const r = await suite.authKeyLogin(["--verbose"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("oops")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })
})
