/**
 * The app's frame always fits the terminal, in English and in Japanese (double-width), at 80×24 and 60×20 (tmux):
 * - nothing ever scrolls into the terminal's history (`#{history_size}` stays 0 from start to end) — Ink rewrites
 *   a frame as tall as the terminal or taller in full, so with a per-second countdown an overflowing screen
 *   pushes a copy of itself into scrollback every second;
 * - the title stays on the first row;
 * - no line is wider than the terminal (wrapped lines are joined back with `capture-pane -J` and measured by display
 *   width), and a masked secret stays on its label's row.
 * Also `eval "$(soracom-auth)"`: the app draws on the terminal while stdout is captured, and only the export
 * line reaches stdout.
 */
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import stringWidth from "string-width"
import { describe, expect, it, type TestContext } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import type { Language } from "../../src/environment.ts"
import { messagesFor } from "../../src/presentation/messages.ts"
import {
  appDir,
  demoAuthKey,
  demoOperator,
  openApp,
  recordingSandbox,
  scratchHome,
  shippedBundle,
} from "./fixture.ts"
import { Terminal } from "./tmux.ts"

const bin = shippedBundle("layout")
const seed = demoOperator
const authKey = demoAuthKey

interface Size {
  readonly columns: number
  readonly rows: number
}

const tmux = (...args: ReadonlyArray<string>): string =>
  execFileSync("tmux", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })

/** Lines pushed off the top of the pane into its history. */
const history = (t: Terminal): number =>
  Number(tmux("display-message", "-p", "-t", t.name, "#{history_size}"))

/** The screen's lines with the terminal's own wraps joined back (`-J`), trailing blanks dropped. */
const joinedLines = (t: Terminal): ReadonlyArray<string> =>
  tmux("capture-pane", "-p", "-J", "-t", t.name)
    .replace(/\s+$/, "")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))

/** What is wrong with the frame on screen: the title not on the first row, lines wider than the terminal, the key
 * hints (always the last line) cut off at the bottom. */
const problems = (lines: ReadonlyArray<string>, size: Size): ReadonlyArray<string> => [
  ...(lines[0]?.includes("soracom-auth") ? [] : ["the title is not on the first row"]),
  ...lines
    .filter((line) => stringWidth(line) > size.columns)
    .map((line) => `wider than ${size.columns}: ${line}`),
  ...(lines.at(-1)?.includes("Ctrl+C") ? [] : ["the key hints are not on the last line"]),
  ...(lines.length <= size.rows ? [] : [`${lines.length} rows`]),
]

/**
 * The frame fits: nothing ever scrolled into history (checked before and after: it only grows), and the frame
 * settles without a problem within 5 s (a capture may catch a frame half-written, or the one drawn before the
 * screen switched to compact).
 */
const expectFits = async (t: Terminal, size: Size, where: string) => {
  expect(history(t), `${where}: lines scrolled into history\n${t.screen()}`).toBe(0)
  let last: { lines: ReadonlyArray<string>; found: ReadonlyArray<string> } = { lines: [], found: [] }
  await t
    .waitFor(() => {
      const lines = joinedLines(t)
      last = { lines, found: problems(lines, size) }
      return last.found.length === 0
    }, 5_000)
    .catch(() => undefined)
  expect(last.found, `${where}\n${last.lines.join("\n")}`).toEqual([])
  expect(history(t), `${where}: lines scrolled into history\n${t.screen()}`).toBe(0)
}

/** A countdown's seconds (`…59m 57s` / `…59分57秒`). */
const seconds = /(\d+)(?:s|秒)(?!\w)/

/**
 * Idle on a screen with a live countdown: waits until the countdown has shown 4 different seconds (3 s or more),
 * the history looked at every time, then checks the frame.
 */
const expectSteady = async (t: Terminal, size: Size, where: string) => {
  const seen = new Set<string>()
  await t.waitFor((screen) => {
    const tick = screen.match(seconds)?.[1]
    if (tick !== undefined) seen.add(tick)
    expect(history(t), `${where} (after ${seen.size} ticks): lines scrolled into history\n${screen}`).toBe(0)
    return seen.size >= 4
  }, 40_000)
  await expectFits(t, size, where)
}

/** The masked secret is on its label's row, nothing of it wrapped onto another row. */
const expectMaskOnLabelRow = (t: Terminal, label: string, size: Size) => {
  const lines = joinedLines(t)
  const masked = lines.filter((line) => line.includes("*"))
  expect(masked, lines.join("\n")).toHaveLength(1)
  expect(masked[0], lines.join("\n")).toContain(`${label}:`)
  expect(stringWidth(masked[0]!)).toBeLessThanOrEqual(size.columns)
}

const sizes: ReadonlyArray<Size> = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
]
const languages: ReadonlyArray<Language> = ["en", "ja"]
const locale = (lang: Language) => (lang === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8")

/** The app in a fresh tmux session of `size` with a fresh HOME; both go when the test ends. */
const open = (
  ctx: Pick<TestContext, "onTestFinished">,
  size: Size,
  lang: Language,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
): Terminal =>
  openApp(ctx, bin(), { args, columns: size.columns, rows: size.rows, env: { LANG: locale(lang), ...env } }).t

/** From the method picker: the demo AuthKey, the secret's mask checked while it is in the field, then Sign in. */
const signInWithAuthKey = async (t: Terminal, lang: Language, size: Size) => {
  const m = messagesFor(lang)
  await t.press("Enter")
  await t.waitFor(`${m.ui.field.authKeyId}:`)
  await t.enter(authKey().authKeyId)
  await t.waitFor(`${m.ui.field.authKey}:`)
  // the field shows as much of the 75-character secret's mask as fits: wait for it, then Enter on its own
  await t.type(authKey().authKey)
  await t.waitFor(/\*{20}/)
  expectMaskOnLabelRow(t, m.ui.field.authKey, size)
  await expectFits(t, size, "the AuthKey secret field")
  await t.press("Enter")
  await t.waitFor(`${m.ui.signIn.tokenLifetime}:`) // the review (the header shows the title on every sign-in screen)
  await expectFits(t, size, "the sign-in review")
  await t.press("Enter")
  await t.waitFor(m.ui.signedIn.tokenExpires)
}

describe
  .runIf(requireTool("tmux", "the terminal end-to-end tests"))
  .concurrent("the frame fits the terminal", { timeout: 180_000 }, () => {
    for (const lang of languages) {
      for (const size of sizes) {
        const m = messagesFor(lang)
        const at = `${lang} ${size.columns}×${size.rows}`

        it(`${at}: soracom-auth demo — home, sign-in, signed in and home with a live countdown stay on screen`, async (ctx) => {
          const t = open(ctx, size, lang, ["demo"])
          await t.waitFor(`› ${m.ui.home.signIn.label}`)
          await expectFits(t, size, "home (demo)")
          await t.press("Enter")
          await t.waitFor(m.ui.signIn.howToSignIn)
          await expectFits(t, size, "the method picker")
          await signInWithAuthKey(t, lang, size)
          const signedIn = t.screen()
          expect(signedIn.split("\n")[0]).toContain(m.ui.signedIn.title)
          expect(signedIn).toMatch(new RegExp(`${m.ui.signedIn.apiKey}\\s+\\*{8}[\\w-]{4}`))
          await expectSteady(t, size, "signed in")
          // Save as profile…: the name field, then the signed-in screen with the outcome's notice above it
          await t.press("Down")
          await t.waitFor(`› ${m.ui.signedIn.save.label}`)
          await t.press("Enter")
          await t.waitFor(`${m.ui.signedIn.profileName}:`)
          await expectFits(t, size, "the profile name field")
          await t.press("Enter")
          await t.waitFor("✔")
          await expectSteady(t, size, "signed in, saved")
          await t.press("Escape")
          await t.waitFor(m.ui.home.signedInAs)
          await expectSteady(t, size, "home, signed in (demo)")
          await t.type("q")
          expect(await t.exitCode()).toBe(0)
          expect(history(t)).toBe(0)
        })

        it(`${at}: reset password — every step on screen`, async (ctx) => {
          const s = await recordingSandbox(ctx)
          const t = open(ctx, size, lang, [], { SORACOM_ENDPOINT: s.endpoint })
          await t.waitFor(m.ui.home.resetPassword.label)
          await expectFits(t, size, "home")
          await t.press("Down", "Enter")
          await t.waitFor(`${m.ui.field.email}:`)
          await expectFits(t, size, "the email field")
          await t.enter(seed().email)
          await t.waitFor(`${m.ui.field.token}:`)
          await expectFits(t, size, "the reset token field")
          await t.enter(s.outbox().at(-1)!.token)
          await t.waitFor(`${m.ui.resetPassword.newPassword}:`)
          await expectFits(t, size, "the new password field")
          await t.enter("brand-new-password")
          await t.waitFor(`${m.ui.resetPassword.newPasswordAgain}:`)
          await t.enter("brand-new-password")
          // Japanese wraps between any two characters: compare without the line breaks
          await t.waitFor((screen) =>
            screen.replace(/\s+/g, "").includes(m.ui.resetPassword.done.replace(/\s+/g, "")),
          )
          await expectFits(t, size, "password changed")
        })
      }
    }

    for (const stderr of ["", " 2>/dev/null"]) {
      it(`eval "$(soracom-auth${stderr})": the app draws on the terminal, only the exports reach stdout and the shell has them`, async (ctx) => {
        const s = await recordingSandbox(ctx)
        const m = messagesFor("en")
        // Secrets stay out of the test's output: the shell prints lengths, counts and a hash of the API key.
        const script = [
          `out="$("${process.execPath}" "${bin()}"${stderr})"`,
          "code=$?",
          'eval "$out"',
          'lines=$(printf "%s\\n" "$out" | wc -l)',
          `other=$(printf "%s\\n" "$out" | grep -vc '^export ')`,
          `tokens=$(env | grep -c '^SORACOM_TOKEN=.')`,
          'hash=$(printf "%s" "$SORACOM_API_KEY" | sha256sum | cut -c1-16)',
          `http=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Soracom-API-Key: $SORACOM_API_KEY" -H "X-Soracom-Token: $SORACOM_TOKEN" "${s.url}/operators/${seed().operatorId}")`,
          'keylen=$(printf "%s" "$SORACOM_API_KEY" | wc -c)',
          'echo "RESULT code=$code lines=$lines other=$other keylen=$keylen tokens=$tokens hash=$hash http=$http"',
        ].join("; ")
        const { home, profileDir } = scratchHome(ctx)
        const sh = Terminal.start({
          command: ["sh", "-c", script],
          cwd: appDir,
          columns: 80,
          rows: 24,
          env: {
            HOME: home,
            SORACOM_PROFILE_DIR: profileDir,
            SORACOM_ENDPOINT: s.endpoint,
            LANG: "en_US.UTF-8",
          },
        })
        ctx.onTestFinished(() => sh.kill())
        await sh.waitFor(m.ui.home.resetPassword.label)
        await sh.press("Enter")
        await sh.waitFor(m.ui.signIn.howToSignIn)
        await signInWithAuthKey(sh, "en", { columns: 80, rows: 24 })
        // Quit and print shell exports: the third item
        await sh.press("Down", "Down")
        await sh.waitFor(`› ${m.ui.signedIn.exports.label}`)
        await sh.press("Enter")
        const result = await sh.waitFor(/RESULT .*http=\d+/)
        const apiKey = (
          s
            .exchanges()
            .filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
            .at(-1)?.response?.body as { apiKey?: string } | undefined
        )?.apiKey
        expect(apiKey).toBeDefined()
        const hash = createHash("sha256").update(apiKey!).digest("hex").slice(0, 16)
        const fields = Object.fromEntries(
          [...result.matchAll(/(\w+)=(\S+)/g)].map(([, k, v]) => [k, v] as const),
        ) as Record<string, string>
        expect(fields).toMatchObject({
          code: "0",
          lines: "1",
          other: "0",
          tokens: "1",
          hash,
          http: "200",
        })
        expect(Number(fields.keylen)).toBe(apiKey!.length)
      })
    }
  })
