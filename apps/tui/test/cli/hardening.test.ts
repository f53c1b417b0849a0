/**
 * Issue #15, the CLI side of items 1, 3, 5, 6, 7 and 9: the bundled app as a subprocess against a recording
 * sandbox (requests counted), with canary secrets that must never reach the output.
 */
import { spawn } from "node:child_process"
import { chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { baseEnv } from "../helpers/cli.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: { record: true } })
const requests = () => suite.sandbox.exchanges().length
const profile = (name: string, text: string, mode = 0o600) => {
  const path = join(suite.dir, `${name}.json`)
  writeFileSync(path, text, { mode })
  chmodSync(path, mode)
  return path
}

describe("#15 item 1 (CLI): login never writes through a link", () => {
  it("refuses a symlinked default.session and a symlinked --save profile; the targets keep their content", async () => {
    const victim = join(suite.dir, "..", `victim-${process.pid}-${Date.now()}`)
    writeFileSync(victim, "not yours\n", { mode: 0o644 })
    try {
      symlinkSync(victim, join(suite.dir, "default.session"))
      const r = await suite.authKeyLogin()
      expect(r.code).not.toBe(0)
      expect(r.stderr).toContain("symbolic link")
      expect(readFileSync(victim, "utf8")).toBe("not yours\n")
      symlinkSync(victim, join(suite.dir, "work.json"))
      const save = await suite.authKeyLogin(["--profile", "fresh", "--save", "work"])
      expect(save.code).not.toBe(0)
      expect(save.stderr).toContain("symbolic link")
      expect(readFileSync(victim, "utf8")).toBe("not yours\n")
      expect(`${save.stdout}${save.stderr}`).not.toContain(demo.authKey)
    } finally {
      writeFileSync(victim, "")
      ;(await import("node:fs")).rmSync(victim, { force: true })
    }
  })
})

describe("#15 item 3 (CLI): a cached session does not bypass the profile's mode check", () => {
  it("token --profile p fails while p.json is 0644, although p.session is cached", async () => {
    expect((await suite.authKeyLogin(["--profile", "p", "--save", "p"])).code).toBe(0)
    chmodSync(join(suite.dir, "p.json"), 0o644)
    const before = requests()
    const r = await suite.run(["token", "--profile", "p"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("too open")
    expect(r.stdout).toBe("")
    expect(requests()).toBe(before)
  })
})

describe("#15 item 5 (CLI, canary): a corrupt profile's error shows where, never what", () => {
  it("token and login name line and column, and no part of the file", async () => {
    profile("broken", '{\n  "authKeyId": "keyId-x",\n  "authKey": secret-CANARY-corrupt-profile\n}')
    for (const args of [
      ["token", "--profile", "broken"],
      ["login", "--profile", "broken", "--endpoint", suite.sandbox.endpoint],
    ]) {
      const r = await suite.run(args)
      expect(r.code, args.join(" ")).not.toBe(0)
      expect(r.stderr).toContain("line 3, column 14")
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/CANARY|corrupt-profile|secret-/)
    }
  })
})

describe("#15 item 6: an empty or corrupt default profile does not block a login with complete flags", () => {
  it.each(["", "{oops", "[]"])(
    "default.json = %j: login works, and --save default repairs it",
    async (text) => {
      profile("default", text)
      const r = await suite.authKeyLogin()
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toContain('Profile "default" ignored')
      const saved = await suite.authKeyLogin(["--save", "default", "--json"])
      expect(saved.code, saved.stderr).toBe(0)
      expect(JSON.parse(readFileSync(join(suite.dir, "default.json"), "utf8")).authKeyId).toBe(demo.authKeyId)
      expect(lstatSync(join(suite.dir, "default.json")).mode & 0o777).toBe(0o600)
    },
  )

  it("without complete flags, a corrupt default profile is still an error", async () => {
    profile("default", "{oops")
    const r = await suite.run(["login", "--endpoint", suite.sandbox.endpoint], { stdin: "" })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain("not a soracom-cli profile")
  })
})

describe("#15 item 7: every profile name is checked before anything is sent", () => {
  it.each([
    ["--save", "../evil"],
    ["--profile", "../evil"],
    ["--save", ".hidden"],
  ])("%s %s → exit 2, zero requests, no session left", async (flag, value) => {
    const before = requests()
    const r = await suite.authKeyLogin([flag, value])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("not a valid profile name")
    expect(requests()).toBe(before)
  })
})

describe("#15 item 9: stdin is read only as far as needed, and bounded", () => {
  /** Runs login with an endless stdin writer; resolves when the app exits. */
  const endless = (chunk: string) =>
    new Promise<{ code: number | null; stderr: string; written: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          suite.entry,
          "login",
          "--endpoint",
          suite.sandbox.endpoint,
          "--auth-key-id",
          demo.authKeyId,
          "--auth-key-stdin",
        ],
        { env: baseEnv(suite.dir), stdio: ["pipe", "pipe", "pipe"] },
      )
      let stderr = ""
      let written = 0
      let open = true
      child.stderr.on("data", (d) => {
        stderr += d
      })
      child.stdin.on("error", () => {
        open = false
      })
      const pump = () => {
        while (open && child.stdin.write(chunk)) {
          written += chunk.length
          // Far past any bound: the app should have stopped reading long before.
          if (written > 256 * 1024 * 1024) return child.kill()
        }
        if (open) child.stdin.once("drain", pump)
      }
      pump()
      child.on("error", reject)
      child.on("exit", (code) => {
        open = false
        resolve({ code, stderr, written })
      })
    })

  it("`yes`-like endless input without a line end: exit 2 after a few KiB, not after gigabytes", async () => {
    const before = requests()
    const r = await endless("y".repeat(4096))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("without a line end")
    expect(r.written).toBeLessThan(64 * 1024 * 1024)
    expect(requests()).toBe(before)
  })

  it("endless lines: the first line is the secret, the rest is never read", async () => {
    const r = await endless(`${demo.authKey}\n`.repeat(100))
    expect(r.code, r.stderr).toBe(0)
    expect(r.written).toBeLessThan(64 * 1024 * 1024)
  })

  it("invalid UTF-8 on stdin is refused (exit 2), not turned into U+FFFD", async () => {
    const r = await suite.run(
      ["login", "--endpoint", suite.sandbox.endpoint, "--email", demo.email, "--password-stdin"],
      { stdin: "pass\u00ffword" },
    )
    // \u00ff as a JS string is valid; the raw byte 0xff is written by the next case.
    expect(r.code).toBe(4)
    const bad = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          suite.entry,
          "login",
          "--endpoint",
          suite.sandbox.endpoint,
          "--email",
          demo.email,
          "--password-stdin",
        ],
        { env: baseEnv(suite.dir), stdio: ["pipe", "pipe", "pipe"] },
      )
      let stderr = ""
      child.stderr.on("data", (d) => {
        stderr += d
      })
      child.stdin.end(Buffer.from([0x70, 0xff, 0xfe, 0x0a]))
      child.on("exit", (code) => resolve({ code, stderr }))
    })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("not valid UTF-8")
  })
})
