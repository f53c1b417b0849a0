/** The binary as a whole: help, version, no arguments, unknown commands, the sandbox command, the package's bin. */
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import { runBin } from "../helpers/cli.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite()
const { run } = suite

describe("soracom-auth", () => {
  it("--help lists every command on stdout, exit 0; every command has --help", async () => {
    const r = await run(["--help"])
    expect(r.code).toBe(0)
    for (const command of ["login", "token", "status", "logout", "reset-password", "sandbox", "demo"]) {
      expect(r.stdout).toContain(command)
      const sub = await run([command, "--help"])
      expect({ command, code: sub.code }).toEqual({ command, code: 0 })
      expect(sub.stdout).toContain("USAGE")
    }
    expect((await run(["reset-password", "verify", "--help"])).stdout).toContain("--token-stdin")
  })

  it("--version prints the version", async () => {
    const r = await run(["--version"])
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it("no arguments without a terminal → exit 2 naming the commands", async () => {
    const r = await run([])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      "login, token, env, status, logout, switch-user, profiles, reset-password, sandbox, demo, completion",
    )
  })

  it("demo without a terminal → exit 2 (the app never prompts off a TTY)", async () => {
    const r = await run(["demo"])
    expect(r.code).toBe(2)
  })

  it("an unknown command → exit 2 (JSON with --json)", async () => {
    const r = await run(["frobnicate"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("frobnicate")
    const json = await run(["frobnicate", "--json"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error._tag).toBe("UsageError")
  })

  it("NO_COLOR and non-TTY output: no escape sequences anywhere", async () => {
    for (const env of [{ NO_COLOR: "1", FORCE_COLOR: "1" }, {}]) {
      const r = await run(["status"], { env })
      expect(r.code).toBe(4)
      expect(r.stderr + r.stdout).not.toContain("\u001b[")
    }
  })

  it("sandbox --json prints its URL and credentials, serves until SIGTERM, then exits 0", async () => {
    let url = ""
    const result = await runBin(suite.entry, ["sandbox", "--json", "--port", "0", "--hash-cost", "1"], {
      profileDir: suite.dir,
      onStdout: (text, child) => {
        if (url === "" && text.includes("\n")) {
          url = JSON.parse(text.split("\n")[0]!).url
          void fetch(`${url}/auth`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ authKeyId: demo.authKeyId, authKey: demo.authKey }),
          })
            .then((r) => r.json())
            .then((body) => {
              expect(body.operatorId).toBe(demo.operatorId)
              child.kill("SIGTERM")
            })
        }
      },
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(result.code).toBe(0)
  })

  it("sandbox with a broken or missing seed file → exit 2 naming the problem", async () => {
    const seed = join(suite.dir, "seed.json")
    writeFileSync(seed, JSON.stringify({ operators: [{ operatorId: "nope" }] }))
    const r = await run(["sandbox", "--seed", seed])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("operatorId")
    const missing = await run(["sandbox", "--seed", join(suite.dir, "missing.json")])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("missing.json")
  })

  it.runIf(requireTool("script", "the --no-input on a terminal test"))(
    "on a terminal, --no-input still never prompts: login without credentials → exit 2",
    async () => {
      // `script` gives the command a pseudo-terminal for stdin and stdout
      const command = [process.execPath, suite.entry, "login", "--no-input"].map((a) => `'${a}'`).join(" ")
      const r = spawnSync("script", ["-qec", command, "/dev/null"], {
        env: { PATH: process.env.PATH ?? "", HOME: suite.dir, SORACOM_PROFILE_DIR: suite.dir, NO_COLOR: "1" },
        encoding: "utf8",
        input: "",
      })
      expect(r.status).toBe(2)
      expect(r.stdout).toContain("--auth-key-stdin")
    },
  )

  it("the package's bin runs the bundle next to it, and says how to build when there is none", async () => {
    // the published layout: bin/soracom-auth.js beside dist/ (here: this file's bundle)
    const pkg = join(suite.dir, "pkg")
    mkdirSync(join(pkg, "bin"), { recursive: true })
    copyFileSync(
      fileURLToPath(new URL("../../bin/soracom-auth.js", import.meta.url)),
      join(pkg, "bin/soracom-auth.js"),
    )
    const env = { PATH: process.env.PATH ?? "", HOME: suite.dir }
    const unbuilt = spawnSync(process.execPath, [join(pkg, "bin/soracom-auth.js"), "--version"], {
      env,
      encoding: "utf8",
    })
    expect(unbuilt.status).toBe(1)
    expect(unbuilt.stderr).toContain("build")
    symlinkSync(dirname(suite.entry), join(pkg, "dist"))
    const built = spawnSync(process.execPath, [join(pkg, "bin/soracom-auth.js"), "--version"], {
      env,
      encoding: "utf8",
    })
    expect(built.status).toBe(0)
    expect(built.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
