/**
 * Files holding secrets must be private to their owner: a profile (`<name>.json`, credentials) or a session cache
 * (`<name>.session`, API key and token) that any group or other permission bit opens is refused, naming the file,
 * and its secret is not used. The modes are every single group/other bit (r, w, x for each), not a copy of a mask.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: { record: true } })
const signIns = () => suite.sandbox.exchanges().filter((e) => e.request.path === "/v1/auth").length
const { run } = suite

const tooOpen = [0o640, 0o620, 0o610, 0o604, 0o602, 0o601] as const
const octal = (mode: number) => `0${mode.toString(8)}`

const writeProfile = (name: string, mode: number) => {
  mkdirSync(suite.dir, { recursive: true, mode: 0o700 })
  const path = join(suite.dir, `${name}.json`)
  writeFileSync(
    path,
    JSON.stringify({ authKeyId: demo.authKeyId, authKey: demo.authKey, endpoint: suite.sandbox.endpoint }),
  )
  chmodSync(path, mode)
  return path
}

describe("profile file modes", () => {
  it("0600 and 0400 profiles are used", async () => {
    suite.sandbox.clearExchanges()
    for (const mode of [0o600, 0o400]) {
      writeProfile(`ok${octal(mode)}`, mode)
      const r = await run(["login", "--json", "--profile", `ok${octal(mode)}`])
      expect({ mode: octal(mode), code: r.code }).toEqual({ mode: octal(mode), code: 0 })
    }
    expect(signIns()).toBe(2)
  })

  it("a profile with any group or other permission (0640, 0604, …) is refused, naming the file", async () => {
    suite.sandbox.clearExchanges()
    for (const mode of tooOpen) {
      const path = writeProfile(`open${octal(mode)}`, mode)
      const r = await run(["login", "--json", "--profile", `open${octal(mode)}`])
      const error = JSON.parse(r.stdout).error
      expect({ mode: octal(mode), code: r.code, tag: error._tag }).toEqual({
        mode: octal(mode),
        code: 1,
        tag: "ProfilePermissionsTooOpen",
      })
      expect(error.message).toContain(path)
    }
    // nothing was signed in with those credentials
    expect(signIns()).toBe(0)
  })
})

describe("session cache file modes", () => {
  it("a too-open .session is refused by token and status; its token is never printed", async () => {
    const login = await run(
      [
        "login",
        "--json",
        "--endpoint",
        suite.sandbox.endpoint,
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key-stdin",
      ],
      { stdin: demo.authKey },
    )
    expect(login.code).toBe(0)
    const { token } = JSON.parse(login.stdout) as { token: string }
    const path = join(suite.dir, "default.session")
    expect((await run(["token"])).stdout).toBe(`${token}\n`) // 0600 as written: usable
    for (const mode of tooOpen) {
      chmodSync(path, mode)
      for (const command of ["token", "status"]) {
        const r = await run([command, "--json"])
        expect({ mode: octal(mode), command, code: r.code }).toEqual({ mode: octal(mode), command, code: 1 })
        expect(JSON.parse(r.stdout).error._tag).toBe("ProfilePermissionsTooOpen")
        expect(r.stdout + r.stderr).toContain(path)
        expect(r.stdout + r.stderr).not.toContain(token)
      }
    }
  })
})
