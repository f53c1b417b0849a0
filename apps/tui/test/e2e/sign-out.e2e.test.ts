/**
 * Sign out, pressed in a real terminal (tmux) in the shipped bundle, against a recording sandbox: the server's
 * recording shows POST /v1/auth/logout carrying the API key and token the sign-in issued, the screen says so, and
 * the pair is dead on the server afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { demoSeed, type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import { Terminal } from "./tmux.ts"

const appDir = fileURLToPath(new URL("../..", import.meta.url))
const bundleDir = join(appDir, "tmp", `e2e-sign-out-${process.pid}`)
let bin = ""
let sandbox: Sandbox
let home = ""

beforeAll(async () => {
  const { buildBundle } = await import("../../build.ts")
  ;[bin, sandbox] = await Promise.all([
    buildBundle({ outdir: bundleDir }),
    startSandbox({ port: 0, ...testSandboxOptions, record: true }),
  ])
  home = mkdtempSync(join(tmpdir(), "soracom-auth-e2e-sign-out-"))
}, 120_000)
afterAll(async () => {
  await sandbox?.close()
  rmSync(bundleDir, { recursive: true, force: true })
  if (home !== "") rmSync(home, { recursive: true, force: true })
})

const key = () => demoSeed.operators[0]!.authKeys![0]!

describe.runIf(requireTool("tmux", "the terminal end-to-end tests"))("Sign out in a real terminal", () => {
  it("revokes the session on the server: the recording shows /auth/logout with the issued key and token", {
    timeout: 90_000,
  }, async (ctx) => {
    const t = Terminal.start({
      command: [process.execPath, bin],
      cwd: appDir,
      env: { HOME: home, SORACOM_PROFILE_DIR: join(home, ".soracom"), SORACOM_ENDPOINT: sandbox.endpoint },
    })
    ctx.onTestFinished(() => t.kill())
    await t.waitFor("Reset password")
    await t.press("Enter")
    await t.waitFor("How do you want to sign in?")
    await t.press("Enter")
    await t.waitFor("AuthKey ID:")
    await t.enter(key().authKeyId)
    await t.waitFor("AuthKey secret:")
    await t.enter(key().authKey)
    await t.waitFor("Token lifetime:") // the review (the header reads "› Sign in" on every sign-in screen)
    await t.press("Enter")
    await t.waitFor("Token expires")

    const auth = sandbox
      .exchanges()
      .filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
    expect(auth).toHaveLength(1)
    const issued = auth[0]!.response!.body as { apiKey: string; token: string }
    expect(sandbox.exchanges().some((e) => e.request.path === "/v1/auth/logout")).toBe(false)

    // the action menu: Done, Save as profile…, Quit and print shell exports, Switch user…, Sign out
    await t.press("Down", "Down", "Down", "Down")
    await t.waitFor(/› Sign out/)
    await t.press("Enter")
    await t.waitFor("Signed out")

    const logouts = sandbox.exchanges().filter((e) => e.request.path === "/v1/auth/logout")
    expect(logouts).toHaveLength(1)
    expect(logouts[0]!.request.method).toBe("POST")
    expect(logouts[0]!.request.headers["x-soracom-api-key"]).toBe(issued.apiKey)
    expect(logouts[0]!.request.headers["x-soracom-token"]).toBe(issued.token)
    expect(logouts[0]!.response?.status).toBeLessThan(300)
    const again = await fetch(`${sandbox.url}/auth/logout`, {
      method: "POST",
      headers: { "X-Soracom-API-Key": issued.apiKey, "X-Soracom-Token": issued.token },
    })
    await again.arrayBuffer()
    expect(again.status).toBe(401)
    // the secret never reached the terminal
    expect(t.output()).not.toContain(issued.token)
    await t.type("q")
    expect(await t.exitCode()).toBe(0)
  })
})
