/**
 * The CLI as the README installs it (`npm install -g soracom-auth`, here into a prefix of our own) and every
 * command of the README's terminal block, run from that prefix with the machine's PATH — Node 22 (the oldest
 * the package supports) put first, since the machine's own Node may be older than `engines` allows.
 */
import { execFile, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, dirname, join } from "node:path"
import { promisify } from "node:util"
import { afterAll, describe, expect, inject, it } from "vitest"
import { workspaceRoot } from "../../release/packages.ts"
import "../context.ts"
import { commands } from "../readme.ts"

const execP = promisify(execFile)
const { globalPrefix, runtimes, sandbox, versions } = inject("consumer")

// The machine's PATH: without what pnpm and the workspace put in front (node_modules/.bin, the pinned Node 24).
const machinePath = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((d) => d !== "" && !d.startsWith(workspaceRoot) && !d.includes("node_modules"))
const home = mkdtempSync(join(tmpdir(), "soracom-auth-cli-home-"))
afterAll(() => rmSync(home, { recursive: true, force: true }))

const env: Record<string, string> = {
  PATH: [join(globalPrefix, "bin"), dirname(runtimes.node22), ...machinePath].join(delimiter),
  HOME: home,
  LANG: "C",
  NO_COLOR: "1",
  SORACOM_ENDPOINT: sandbox.endpoint,
  KEY: sandbox.authKey,
}

// bash: the README's curl line reads the headers through process substitution (bash, zsh)
const sh = (line: string, extra: Record<string, string> = {}) =>
  execP("bash", ["-c", line], { cwd: home, env: { ...env, ...extra } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? "",
    }),
  )

const lines = commands("Using it").filter(
  (c) =>
    c.startsWith("soracom-auth") || c.startsWith("printf") || c.startsWith("curl") || c.startsWith("eval"),
)
const line = (prefix: string) => {
  const found = lines.find((l) => l.startsWith(prefix))
  if (found === undefined) throw new Error(`README: no command starting "${prefix}"`)
  return found
}

describe("soracom-auth installed globally from its tarball", () => {
  const covered = new Set<string>()
  const readmeLine = (prefix: string) => {
    const l = prefix === "soracom-auth" ? lines.find((x) => x === prefix) : line(prefix)
    if (l === undefined) throw new Error(`README: no command "${prefix}"`)
    covered.add(l)
    return l
  }

  it("runs from the prefix's bin with the machine's PATH; --version is the package's", async () => {
    const which = await sh("command -v soracom-auth; node --version")
    expect(which.stdout).toContain(join(globalPrefix, "bin", "soracom-auth"))
    expect(which.stdout).toMatch(/v22\./)
    const r = await sh("soracom-auth --version")
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe(versions["soracom-auth"])
  })

  it("the README's terminal commands, in order: app off a terminal, login, curl with token, status, logout", async () => {
    // `soracom-auth` alone opens the app on a terminal; without one it exits 2 naming the commands
    const app = await sh(readmeLine("soracom-auth"))
    expect(app.code).toBe(2)

    const login = await sh(readmeLine("printf").replace("keyId-…", sandbox.authKeyId))
    expect(login.code, login.stderr).toBe(0)
    const session = JSON.parse(login.stdout) as { apiKey: string; token: string; operatorId: string }
    expect(session.operatorId).toBe(sandbox.operatorId)

    const token = await sh("soracom-auth token")
    expect(token.code, token.stderr).toBe(0)
    expect(token.stdout.trim()).toBe(session.token)

    const curl = await sh(readmeLine("curl"), { OPERATOR_ID: session.operatorId })
    expect(curl.code, curl.stderr).toBe(0)
    expect(JSON.parse(curl.stdout)).toMatchObject({ operatorId: sandbox.operatorId })

    const exported = await sh(`${readmeLine("eval")} && printf '%s %s' "$SORACOM_API_KEY" "$SORACOM_TOKEN"`)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toBe(`${session.apiKey} ${session.token}`)

    const statusLogout = await sh(readmeLine("soracom-auth status"))
    expect(statusLogout.code, statusLogout.stderr).toBe(0)
    expect(statusLogout.stdout).toContain(sandbox.operatorId)
    // logged out: the same pair is refused now
    const after = await sh(
      `curl -H "X-Soracom-API-Key: ${session.apiKey}" -H "X-Soracom-Token: ${session.token}" "$SORACOM_ENDPOINT/v1/operators/${session.operatorId}"`,
    )
    expect(after.stdout).not.toContain('"operatorId"')

    // the sandbox knows its seed's address only (SORACOM refuses unknown ones too)
    const reset = await sh(
      readmeLine("soracom-auth reset-password request").replace("ada@example.com", sandbox.email),
    )
    expect(reset.code, reset.stderr).toBe(0)
  })

  it("sandbox --port 0 --json serves until SIGTERM (the README's sandbox command on a free port)", async () => {
    const command = readmeLine("soracom-auth sandbox").replace("--port 8080", "--port 0 --json")
    expect(command).toContain("--port 0 --json")
    const child = spawn("sh", ["-c", `exec ${command}`], { cwd: home, env })
    let out = ""
    const info = await new Promise<{
      url: string
      credentials: ReadonlyArray<{ kind: string; email?: string; password?: string }>
    }>((resolve, reject) => {
      child.on("exit", (code) => reject(new Error(`sandbox exited ${code}`)))
      child.stdout.setEncoding("utf8").on("data", (c: string) => {
        out += c
        try {
          resolve(JSON.parse(out))
        } catch {}
      })
    })
    const root = info.credentials.find((c) => c.kind === "root")
    const answer = await fetch(`${info.url}/auth`, {
      method: "POST",
      body: JSON.stringify({ email: root?.email, password: root?.password }),
      headers: { "Content-Type": "application/json" },
    })
    expect(answer.status).toBe(200)
    child.removeAllListeners("exit")
    const code = await new Promise((resolve) => {
      child.on("exit", resolve)
      child.kill("SIGTERM")
    })
    expect(code).toBe(0)
  })

  it("every command of the README's terminal block is run above", () => {
    expect(lines.filter((l) => !covered.has(l))).toEqual([])
  })

  it("inside the repository: the README's `npx -y pnpm@10.34.9 -s soracom-auth …`", async () => {
    const { stdout } = await execP("npx", ["-y", "pnpm@10.34.9", "-s", "soracom-auth", "--version"], {
      cwd: workspaceRoot,
    })
    expect(stdout.trim()).toBe(versions["soracom-auth"])
  })
})
