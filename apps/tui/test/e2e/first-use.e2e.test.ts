/**
 * #14's first-use defects of the interactive app, in a real terminal (tmux) with the shipped bundle, against a
 * recording sandbox on 127.0.0.1 and a scratch HOME (profiles in the folder the environment names):
 * - 1: `soracom-auth login` on a terminal caches the session (0600, `status` agrees), and "Sign in again" revokes
 *   the session it replaces (the recording shows POST /v1/auth/logout; the old token gets 401);
 * - 6: `soracom-auth demo` keeps its profiles in a temporary folder, removed on exit (q or Ctrl+C), never `~/.soracom`;
 * - 8: Home names the profiles holding a live session; the picker is prefilled from SORACOM_AUTH_KEY_ID/_KEY;
 * - 10: the demo box's MFA code is the one the sandbox accepts now (signed in with it).
 * Waits are on screen predicates, exit files and the sandbox's recording, never on sleeps.
 */
import { execFile } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import type { Sandbox } from "@soracom-auth/sandbox"
import { describe, expect, it, type TestContext } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import {
  appDir,
  demoAuthKey,
  demoOperator,
  recordingSandbox,
  scratchHome,
  shippedBundle,
  signInWithDemoAuthKey,
} from "./fixture.ts"
import { Terminal } from "./tmux.ts"

const run = promisify(execFile)
const bin = shippedBundle("first-use")
const seed = demoOperator
const authKey = demoAuthKey

/** The bundle in a fresh tmux session with exactly `env` (test 6 leaves SORACOM_PROFILE_DIR unset on purpose). */
const open = (
  ctx: Pick<TestContext, "onTestFinished">,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
): Terminal => {
  const t = Terminal.start({ command: [process.execPath, bin(), ...args], cwd: appDir, env })
  ctx.onTestFinished(() => t.kill())
  return t
}

const issued = (s: Sandbox) =>
  s
    .exchanges()
    .filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
    .map((e) => e.response!.body as { apiKey: string; token: string; operatorId: string })

/** An authenticated call with a key/token pair: 200 while the session lives, 401 once revoked. */
const operatorStatus = async (s: Sandbox, pair: { apiKey: string; token: string; operatorId: string }) => {
  const response = await fetch(`${s.url}/operators/${pair.operatorId}`, {
    headers: { "X-Soracom-API-Key": pair.apiKey, "X-Soracom-Token": pair.token },
  })
  await response.arrayBuffer()
  return response.status
}

const mode = (path: string) => statSync(path).mode & 0o777

describe
  .runIf(requireTool("tmux", "the terminal end-to-end tests"))
  .concurrent("first use of the app in a real terminal (#14)", { timeout: 120_000 }, () => {
    it("1: `login` on a terminal caches the session (0600) for `status`; Sign in again revokes the one it replaces", async (ctx) => {
      const s = await recordingSandbox(ctx)
      const { home, profileDir } = scratchHome(ctx)
      const env = { HOME: home, SORACOM_PROFILE_DIR: profileDir, SORACOM_ENDPOINT: s.endpoint }
      const t = open(ctx, ["login"], env)
      await signInWithDemoAuthKey(t)
      const [first] = issued(s)
      expect(first).toBeDefined()
      // Done → Home, which now names the profile holding the session
      await t.press("Enter")
      await t.waitFor("Signed in with profiles: default")
      // Sign in again (under the current sign-in in the menu)
      await t.press("Down")
      await t.waitFor("› Sign in again")
      await t.press("Enter")
      await signInWithDemoAuthKey(t)
      const logouts = s.exchanges().filter((e) => e.request.path === "/v1/auth/logout")
      expect(logouts).toHaveLength(1)
      expect(logouts[0]!.request.method).toBe("POST")
      expect(logouts[0]!.request.headers["x-soracom-api-key"]).toBe(first!.apiKey)
      expect(logouts[0]!.request.headers["x-soracom-token"]).toBe(first!.token)
      const second = issued(s)[1]!
      expect(await operatorStatus(s, first!)).toBe(401)
      expect(await operatorStatus(s, second)).toBe(200)
      await t.press("Enter")
      await t.waitFor("Signed in as")
      await t.type("q")
      expect(await t.exitCode()).toBe(0)

      // the session outlives the app: `status` (which asks the server) says signed in, with the second key
      const status = await run(process.execPath, [bin(), "status", "--json"], {
        env: { ...process.env, ...env },
      })
      const shown = JSON.parse(status.stdout) as { signedIn: boolean; checked: string; apiKey: string }
      expect(shown.signedIn).toBe(true)
      expect(shown.checked).toBe("accepted")
      expect(shown.apiKey.slice(-4)).toBe(second.apiKey.slice(-4))
      expect(readdirSync(profileDir)).toEqual(["default.session"])
      expect(mode(join(profileDir, "default.session"))).toBe(0o600)
      expect(mode(profileDir)).toBe(0o700)
      // and `token` serves it without signing in again
      const token = await run(process.execPath, [bin(), "token"], { env: { ...process.env, ...env } })
      expect(token.stdout.trim()).toBe(second.token)
      expect(issued(s)).toHaveLength(2)
    })

    it("8: Home names the profiles with a live session; the picker is prefilled from SORACOM_AUTH_KEY_ID/_KEY", async (ctx) => {
      const s = await recordingSandbox(ctx)
      const { home, profileDir } = scratchHome(ctx)
      const base = { HOME: home, SORACOM_PROFILE_DIR: profileDir, SORACOM_ENDPOINT: s.endpoint }
      const keyEnv = { SORACOM_AUTH_KEY_ID: authKey().authKeyId, SORACOM_AUTH_KEY: authKey().authKey }
      // a session cached by the command line under profile "ci"
      await run(process.execPath, [bin(), "login", "--profile", "ci"], {
        env: { ...process.env, ...base, ...keyEnv },
      })
      expect(issued(s)).toHaveLength(1)
      const t = open(ctx, [], { ...base, ...keyEnv })
      const homeScreen = await t.waitFor(/Signed in with profiles: ci \(2[34]h \d\dm \d\ds left\)/)
      expect(homeScreen).toContain("› Sign in")
      await t.press("Enter")
      const picker = await t.waitFor("AuthKey from SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY.")
      expect(picker).toContain("› AuthKey (recommended)")
      await t.press("Enter")
      const review = await t.waitFor("Token lifetime:")
      expect(review).toContain(`AuthKey ID: ${authKey().authKeyId}`)
      expect(review).toContain("AuthKey secret: entered (hidden)")
      await t.press("Enter")
      await t.waitFor("Token expires")
      const signIns = s.exchanges().filter((e) => e.request.path === "/v1/auth")
      expect(signIns).toHaveLength(2)
      expect(signIns[1]!.response?.status).toBe(200)
      expect(t.output()).not.toContain(authKey().authKey)
    })

    for (const exit of ["q", "Ctrl+C"] as const) {
      it(`6: the demo keeps its profiles in a temporary folder, removed on exit (${exit}); ~/.soracom untouched`, async (ctx) => {
        const { home } = scratchHome(ctx)
        const tmp = join(home, "tmp")
        mkdirSync(tmp)
        const realDir = join(home, ".soracom")
        // HOME is the user's; no SORACOM_PROFILE_DIR: the real profile folder would be ~/.soracom
        const t = open(ctx, ["demo"], { HOME: home, TMPDIR: tmp })
        await t.waitFor("Demo:")
        await t.press("Enter")
        await signInWithDemoAuthKey(t)
        // save it as a profile: the demo password and port go into the demo's folder
        await t.press("Down", "Enter")
        await t.waitFor("Profile name: default")
        await t.press("Enter")
        const saved = await t.waitFor('Saved as profile "default"')
        const demoDirs = readdirSync(tmp).filter((f) => f.startsWith("soracom-auth-demo-"))
        expect(demoDirs).toHaveLength(1)
        const demoDir = join(tmp, demoDirs[0]!)
        expect(saved.replace(/\s+/g, "")).toContain(demoDir.replace(/\s+/g, ""))
        expect(readdirSync(demoDir).sort()).toEqual(["default.json", "default.session"])
        expect(existsSync(realDir)).toBe(false)
        if (exit === "q") {
          await t.press("Escape")
          await t.waitFor("Signed in as")
          await t.type("q")
          expect(await t.exitCode()).toBe(0)
        } else {
          await t.press("C-c")
          expect(await t.exitCode()).toBe(130)
        }
        expect(existsSync(demoDir)).toBe(false)
        expect(readdirSync(tmp)).toEqual([])
        expect(existsSync(realDir)).toBe(false)
      })
    }

    it("10: the demo box's MFA code is the sandbox's current one: signed in as the MFA user with it", async (ctx) => {
      const { home } = scratchHome(ctx)
      const t = open(ctx, ["demo"], { HOME: home, SORACOM_PROFILE_DIR: join(home, ".soracom") })
      const homeScreen = await t.waitFor("Demo:")
      expect(homeScreen).toContain(`AuthKey of the root user: ${authKey().authKeyId}`)
      expect(homeScreen).toContain(
        `AuthKey of SAM user demo-user: ${seed().users![0]!.authKeys![0]!.authKeyId}`,
      )
      const mfaUser = seed().users!.find((u) => u.mfaSecret !== undefined)!
      await t.press("Enter")
      await t.waitFor("How do you want to sign in?")
      await t.press("Down", "Down")
      await t.waitFor(`SAM user ${mfaUser.userName} (${seed().operatorId}): password ${mfaUser.password}`)
      await t.press("Enter")
      await t.waitFor("Operator ID:")
      await t.enter(seed().operatorId)
      await t.waitFor("User name:")
      await t.enter(mfaUser.userName)
      await t.waitFor("Password:")
      await t.enter(mfaUser.password)
      // the code in the box, still in view at the MFA field; a code read in a step's last seconds may be refused
      // once the step turns, so read it again then
      for (let attempt = 1; ; attempt++) {
        const screen = await t.waitFor(/MFA code:/)
        const code = screen.match(/MFA code of demo-mfa-user now: (\d{6})/)?.[1]
        expect(code, screen).toBeDefined()
        // the box shows the code too: wait for the field's own echo before Enter
        await t.type(code!)
        await t.waitFor(`MFA code: ${code}`)
        await t.press("Enter")
        await t.waitFor("MFA code: entered")
        await t.press("Enter")
        const outcome = await t.waitFor((s) => s.includes("Token expires") || s.includes("did not accept"))
        if (outcome.includes("Token expires")) {
          expect(outcome).toMatch(/User name\s+demo-mfa-user/)
          break
        }
        if (attempt === 2) throw new Error(`refused twice:\n${outcome}`)
        await t.press("Down", "Enter")
      }
    })
  })
