/**
 * The interactive app in a real terminal (tmux), started as users start it — `soracom-auth` pointed at a sandbox
 * with `SORACOM_ENDPOINT`, or `soracom-auth demo` — against a sandbox this test starts. Assertions read the screen.
 * Each test has its own sandbox, profile directory and tmux session; the tests run concurrently.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { Sandbox, SandboxOptions } from "@soracom-auth/sandbox"
import * as OTPAuth from "otpauth"
import { describe, expect, it, type TestContext } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import {
  demoAuthKey,
  demoOperator,
  enterDemoAuthKey,
  openApp,
  recordingSandbox,
  shippedBundle,
  signInWithDemoAuthKey,
} from "./fixture.ts"
import type { Terminal } from "./tmux.ts"

const bin = shippedBundle("app")

interface Started {
  readonly t: Terminal
  readonly s: Sandbox
  readonly profileDir: string
}

/** A fresh sandbox, profile directory and tmux session for one test; all three go when the test ends. */
const start = async (
  ctx: Pick<TestContext, "onTestFinished">,
  options: SandboxOptions = {},
  args: ReadonlyArray<string> = [],
  env: Readonly<Record<string, string>> = {},
  /** What the first screen shows (home, unless `args` open another). */
  firstScreen = "Reset password",
): Promise<Started> => {
  const s = await recordingSandbox(ctx, options)
  const { t, profileDir } = openApp(ctx, bin(), { args, env: { SORACOM_ENDPOINT: s.endpoint, ...env } })
  await t.waitFor(firstScreen)
  return { t, s, profileDir }
}

const seed = demoOperator
const authKey = demoAuthKey

/** From home: Sign in → method `index` (0 AuthKey, 1 root, 2 SAM user). */
const openMethod = async (t: Terminal, index: number) => {
  await t.press("Enter")
  await t.waitFor("How do you want to sign in?")
  for (let i = 0; i < index; i++) await t.press("Down")
  await t.press("Enter")
}

/** From home (or from the method picker): the demo AuthKey entered, up to the review. */
const enterAuthKey = async (t: Terminal, from: "home" | "picker" = "home") => {
  if (from === "home") await t.press("Enter")
  await enterDemoAuthKey(t)
}

/** From home: signed in with the demo AuthKey; resolves with the signed-in screen. */
const signInWithAuthKey = async (t: Terminal) => {
  await t.press("Enter")
  return signInWithDemoAuthKey(t)
}

/** From home: a SAM user's operator ID, name and password entered. */
const enterSamUser = async (t: Terminal, user: { readonly userName: string; readonly password: string }) => {
  await openMethod(t, 2)
  await t.waitFor("Operator ID:")
  await t.enter(seed().operatorId)
  await t.waitFor("User name:")
  await t.enter(user.userName)
  await t.waitFor("Password:")
  await t.enter(user.password)
}

/** At the MFA step: no code, then "Sign in" on the review. */
const skipMfaAndSignIn = async (t: Terminal) => {
  await t.waitFor("MFA code:")
  await t.press("Enter")
  await t.waitFor("Token lifetime:") // the review (the header reads "› Sign in" on every sign-in screen)
  await t.press("Enter")
}

/** From home: Reset password, the demo operator's email entered. */
const requestResetToken = async (t: Terminal) => {
  await t.press("Down", "Enter")
  await t.waitFor("Email:")
  await t.enter(seed().email)
}

/** At the new-password step: the password typed twice. */
const enterNewPassword = async (t: Terminal, password: string) => {
  await t.waitFor("New password:")
  await t.enter(password)
  await t.waitFor("New password again:")
  await t.enter(password)
}

/** From Signed in: back home (which shows `signedInAs`), then q. */
const quitFromSignedIn = async (t: Terminal, signedInAs = "Signed in as") => {
  await t.press("Escape")
  await t.waitFor(signedInAs)
  await t.type("q")
}

const lastApiKey = (s: Sandbox): string => {
  const auth = s.exchanges().filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
  const body = auth.at(-1)?.response?.body as { apiKey?: string } | undefined
  if (body?.apiKey === undefined) throw new Error("no successful /auth exchange recorded")
  return body.apiKey
}

describe
  .runIf(requireTool("tmux", "the terminal end-to-end tests"))
  .concurrent("soracom-auth in a real terminal", { timeout: 90_000 }, () => {
    it("signs in with an AuthKey, shows the expiry with a countdown, quits with 0", async (ctx) => {
      const { t } = await start(ctx)
      const screen = await signInWithAuthKey(t)
      expect(screen).toContain("OP0000000001")
      expect(screen).toMatch(/API key\s+\*{8}[\w-]{4}/)
      expect(screen).toMatch(
        /Token expires\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\s+in 2[34]h \d\dm \d\ds/,
      )
      await quitFromSignedIn(t, "Signed in as OP0000000001")
      expect(await t.exitCode()).toBe(0)
    })

    it("root user: a wrong password, then success", async (ctx) => {
      const { t } = await start(ctx)
      await openMethod(t, 1)
      await t.waitFor("Email:")
      await t.enter(seed().email)
      await t.waitFor("Password:")
      await t.enter("not-the-password")
      await skipMfaAndSignIn(t)
      await t.waitFor(/✖ The API at 127\.0\.0\.1:\d+ did not accept the credentials\./)
      await t.press("Enter")
      await t.waitFor("Password:")
      await t.enter(seed().password)
      await skipMfaAndSignIn(t)
      const screen = await t.waitFor("Token expires")
      expect(screen).toMatch(/Method +Root user/)
    })

    it("SAM user", async (ctx) => {
      const { t } = await start(ctx)
      const user = seed().users![0]!
      await enterSamUser(t, user)
      await skipMfaAndSignIn(t)
      const screen = await t.waitFor("Token expires")
      expect(screen).toMatch(/User name\s+demo-user/)
    })

    it("MFA: refused without a code, then signed in with a TOTP code", async (ctx) => {
      const { t } = await start(ctx)
      const user = seed().users!.find((u) => u.mfaSecret !== undefined)!
      await enterSamUser(t, user)
      await skipMfaAndSignIn(t)
      await t.waitFor("did not accept the credentials.")
      await t.press("Down", "Enter")
      await t.waitFor("MFA code:")
      const totp = new OTPAuth.TOTP({
        secret: OTPAuth.Secret.fromBase32(user.mfaSecret!),
        digits: 6,
        period: 30,
      })
      await t.enter(totp.generate())
      await t.waitFor("MFA code: entered")
      await t.press("Enter")
      const screen = await t.waitFor("Token expires")
      expect(screen).toMatch(/User name\s+demo-mfa-user/)
    })

    it("a short token lifetime: the expiry counts down live", async (ctx) => {
      const { t } = await start(ctx)
      await enterAuthKey(t)
      await t.press("Down", "Enter")
      await t.waitFor("How long should the token stay valid?")
      await t.press("Down", "Down", "Enter")
      await t.waitFor("Token lifetime (seconds):")
      await t.press(...Array.from({ length: 6 }, () => "BSpace"))
      await t.enter("180")
      await t.waitFor("Token lifetime: 3 minutes")
      await t.press("Enter")
      const first = await t.waitFor(/in (3m 00s|2m \d\ds)/)
      const shown = first.match(/ in (\d+m \d\ds)/)?.[1]
      await t.waitFor((screen) => /in 2m \d\ds/.test(screen) && !screen.includes(`in ${shown}`))
    })

    it("resets a password through the sandbox outbox, then signs in with it", async (ctx) => {
      const { t, s } = await start(ctx)
      await requestResetToken(t)
      const sent = await t.waitFor("A reset token was sent to")
      expect(sent.replace(/\s+/g, " ")).toContain(`the token is in its outbox: ${s.endpoint}/_sandbox/outbox`)
      const mail = s.outbox().at(-1)!
      expect(mail.to).toBe(seed().email)
      await t.enter(mail.token)
      await enterNewPassword(t, "brand-new-password")
      await t.waitFor("Your password was changed")
      await t.press("Enter")
      await t.waitFor("How do you want to sign in?")
      await t.press("Down", "Enter")
      await t.waitFor("Email:")
      await t.enter(seed().email)
      await t.waitFor("Password:")
      await t.enter("brand-new-password")
      await skipMfaAndSignIn(t)
      await t.waitFor("Token expires")
    })

    it("an expired reset token: plain words, and a way to request a new one", async (ctx) => {
      let offset = 0
      const { t, s } = await start(ctx, { clock: () => Date.now() + offset, resetTokenTtlSeconds: 60 })
      await requestResetToken(t)
      await t.waitFor("Reset token:")
      offset = 61_000
      await t.enter(s.outbox().at(-1)!.token)
      await enterNewPassword(t, "brand-new-password")
      await t.waitFor("✖ That password reset token has expired.")
      await t.waitFor("Request a new one.")
      await t.press("Enter")
      await t.waitFor(`Email: ${seed().email}`)
    })

    it("`soracom-auth login` without credentials on a terminal opens the app at the sign-in screen", async (ctx) => {
      const { t } = await start(ctx, {}, ["login"], {}, "How do you want to sign in?")
      expect(t.screen()).not.toContain("Reset password")
      await enterAuthKey(t, "picker")
      await t.press("Enter")
      const screen = await t.waitFor("Token expires")
      expect(screen).toContain("OP0000000001")
      await quitFromSignedIn(t)
      expect(await t.exitCode()).toBe(0)
    })

    it("`soracom-auth` alone opens the app without loading the command line (effect/cli)", async (ctx) => {
      // every module the process resolves, written to a file by a loader hook
      const trace = join(dirname(bin()), `loaded-${process.hrtime.bigint()}.txt`)
      const hook = join(dirname(bin()), "trace-loads.mjs")
      writeFileSync(
        hook,
        [
          'import { appendFileSync } from "node:fs"',
          'import { registerHooks } from "node:module"',
          "registerHooks({ resolve: (specifier, context, next) => {",
          "  const resolved = next(specifier, context)",
          '  appendFileSync(process.env.TRACE_LOADS_TO, resolved.url + "\\n")',
          "  return resolved",
          "} })",
        ].join("\n"),
      )
      const { t } = openApp(ctx, bin(), {
        env: { TRACE_LOADS_TO: trace },
        nodeArgs: ["--import", pathToFileURL(hook).href],
      })
      await t.waitFor("Reset password")
      // the command tree's chunk is the one holding the list of commands
      const marker =
        "login, token, env, status, logout, switch-user, profiles, reset-password, sandbox, demo, completion"
      const chunks = readdirSync(dirname(bin())).filter((f) => f.endsWith(".js"))
      const holding = chunks.filter((f) => readFileSync(join(dirname(bin()), f), "utf8").includes(marker))
      expect(holding).toHaveLength(1)
      const loaded = readFileSync(trace, "utf8")
        .split("\n")
        .filter((url) => url.startsWith("file:"))
        .map((url) => fileURLToPath(url))
      expect(loaded).toContain(bin())
      expect(loaded).not.toContain(join(dirname(bin()), holding[0]!))
      await t.type("q")
      expect(await t.exitCode()).toBe(0)
    })

    it("Ctrl+C exits 130 at any point and leaves no file behind", async (ctx) => {
      const { t, profileDir } = await start(ctx)
      await openMethod(t, 0)
      await t.waitFor("AuthKey ID:")
      await t.type("keyId-half-typed")
      await t.press("C-c")
      expect(await t.exitCode()).toBe(130)
      const files = (() => {
        try {
          return readdirSync(profileDir)
        } catch {
          return []
        }
      })()
      expect(files).toEqual([])
    })

    it("canary: typed secrets never reach the terminal; the key and token only with exports, after the app closed", async (ctx) => {
      const { t, s } = await start(ctx)
      await signInWithAuthKey(t)
      const apiKey = lastApiKey(s)
      await t.press("Down", "Down", "Enter")
      expect(await t.exitCode()).toBe(0)
      const screen = await t.waitFor("export SORACOM_API_KEY=")
      expect(screen).toContain(`export SORACOM_API_KEY=${apiKey} SORACOM_TOKEN=`)
      const output = t.output()
      expect(output).not.toContain(authKey().authKey)
      expect(output.split(apiKey).length - 1).toBe(1)
      expect(output.lastIndexOf(apiKey)).toBeGreaterThan(output.lastIndexOf("Quit and print shell exports"))
    })

    it("canary: without exports, neither the secret nor the API key is ever written", async (ctx) => {
      const { t, s } = await start(ctx)
      await signInWithAuthKey(t)
      const apiKey = lastApiKey(s)
      await quitFromSignedIn(t)
      expect(await t.exitCode()).toBe(0)
      const output = t.output()
      expect(output).not.toContain(authKey().authKey)
      expect(output).not.toContain(apiKey)
    })

    it("a sign-in saved as a profile serves `soracom-auth token --profile` afterwards", async (ctx) => {
      const { t, s, profileDir } = await start(ctx)
      await signInWithAuthKey(t)
      await t.press("Down", "Enter")
      await t.waitFor("Profile name: default")
      await t.press("Enter")
      await t.waitFor('Saved as profile "default"')
      await quitFromSignedIn(t)
      expect(await t.exitCode()).toBe(0)
      const auth = s.exchanges().filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
      const token = (auth.at(-1)?.response?.body as { token?: string } | undefined)?.token
      const out = execFileSync(process.execPath, [bin(), "token", "--profile", "default"], {
        encoding: "utf8",
        env: { ...process.env, SORACOM_PROFILE_DIR: profileDir, SORACOM_ENDPOINT: s.endpoint },
      })
      expect(out.trim()).toBe(token)
      expect(s.exchanges().filter((e) => e.request.path === "/v1/auth")).toHaveLength(auth.length)
    })

    it("a 503 is retried: the sign-in succeeds and no log line tears through the screen", async (ctx) => {
      const { t, s } = await start(ctx)
      s.faults.set("/auth", { status: 503, times: 1 })
      const screen = await signInWithAuthKey(t)
      expect(screen).toContain("OP0000000001")
      expect(
        s
          .exchanges()
          .filter((e) => e.request.path === "/v1/auth")
          .map((e) => e.response?.status),
      ).toEqual([503, 200])
      expect(t.output()).not.toMatch(/level=|fiber=|timestamp=/)
    })

    it("NO_COLOR: no colour or style escapes at all; words and symbols carry the meaning", async (ctx) => {
      const { t } = await start(ctx, {}, [], { NO_COLOR: "1" })
      await openMethod(t, 2)
      await t.waitFor("Operator ID:")
      await t.enter("OP1")
      await t.waitFor("✖ The operator ID must be OP followed by 10 digits.")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR escape sequences are what is looked for
      expect(t.output()).not.toMatch(/\u001b\[[0-9;]*m/)
    })

    it("colours by default", async (ctx) => {
      const { t } = await start(ctx)
      await t.press("q")
      await t.exitCode()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR escape sequences are what is looked for
      expect(t.output()).toMatch(/\u001b\[[0-9;]*m/)
    })

    it("CI=true in the environment: still interactive on a terminal (Ink would print only a final frame)", async (ctx) => {
      const { t } = await start(ctx, {}, [], { CI: "true" })
      const signedIn = await signInWithAuthKey(t)
      expect(signedIn).toContain("OP0000000001")
      await quitFromSignedIn(t)
      expect(await t.exitCode()).toBe(0)
    })

    it("soracom-auth demo: the embedded sandbox, its badge and demo credentials", async (ctx) => {
      const { t } = openApp(ctx, bin(), { args: ["demo"] })
      const screen = await t.waitFor("Demo:")
      expect(screen).toContain(" sandbox ")
      expect(screen).toContain("keyId-demo")
      const signedIn = await signInWithAuthKey(t)
      expect(signedIn).toContain("Embedded sandbox (demo)")
      await quitFromSignedIn(t)
      expect(await t.exitCode()).toBe(0)
    })
  })
