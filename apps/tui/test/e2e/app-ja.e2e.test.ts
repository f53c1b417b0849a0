/**
 * The interactive app in Japanese, in a real 80×24 terminal (tmux) with `LANG=ja_JP.UTF-8`, started as users start
 * it (`soracom-auth` with `SORACOM_ENDPOINT` pointing at a sandbox this test starts): sign in with an AuthKey, and
 * reset a password then sign in with it; save the sign-in as a profile and manage it on the Profiles screen. Assertions read the screen: Japanese words, Japanese dates, and no
 * English sentence (key names such as Enter/Esc and names/codes aside).
 */
import type { Sandbox } from "@soracom-auth/sandbox"
import { describe, expect, it, type TestContext } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import { demoAuthKey, demoOperator, openApp, recordingSandbox, shippedBundle } from "./fixture.ts"
import type { Terminal } from "./tmux.ts"

const bin = shippedBundle("ja")
const seed = demoOperator
const authKey = demoAuthKey

const start = async (ctx: Pick<TestContext, "onTestFinished">): Promise<{ t: Terminal; s: Sandbox }> => {
  const s = await recordingSandbox(ctx)
  const { t } = openApp(ctx, bin(), {
    columns: 80,
    rows: 24,
    env: { SORACOM_ENDPOINT: s.endpoint, LANG: "ja_JP.UTF-8" },
  })
  await t.waitFor("パスワードをリセット")
  return { t, s }
}

/** Words of English left on a screen, once key names, names, codes, hosts and values are set aside. */
const allowed = new Set([
  "soracom-auth",
  "Enter",
  "Esc",
  "Ctrl",
  "C",
  "q",
  "y",
  "n",
  "N",
  "AuthKey",
  "ID",
  "SORACOM",
  "MFA",
  "API",
  "SAM",
  "soracom-cli",
  "export",
  "default",
  "TOTP",
  "jp",
  "g",
])
const englishOn = (screen: string): ReadonlyArray<string> =>
  (
    screen
      .replace(/https?:\/\/\S+|\S+@\S+|\b[\d.]+:\d+\b|keyId-\w+|OP\d+|\*+\w*|\/[\w./-]+/g, " ")
      .match(/[A-Za-z][A-Za-z-]*/g) ?? []
  ).filter((w) => !allowed.has(w))

/** The whole frame on one 24-row screen (the title still on the first line). */
const fitsIn = (screen: string, rows: number) => {
  expect(screen.split("\n").length).toBeLessThanOrEqual(rows)
  expect(screen.split("\n")[0]).toContain("soracom-auth")
}

describe
  .runIf(requireTool("tmux", "the terminal end-to-end tests"))
  .concurrent("soracom-auth in Japanese (LANG=ja_JP.UTF-8, 80×24)", { timeout: 120_000 }, () => {
    it("signs in with an AuthKey: Japanese screens, a Japanese date, quits with 0", async (ctx) => {
      const { t } = await start(ctx)
      const home = t.screen()
      expect(home).toContain("サインイン")
      expect(englishOn(home)).toEqual([])
      await t.press("Enter")
      const picker = await t.waitFor("どの方法でサインインしますか?")
      expect(picker).toContain("ルートユーザー")
      expect(picker).toContain("SAM ユーザー")
      expect(englishOn(picker)).toEqual([])
      await t.press("Enter")
      await t.waitFor("AuthKey ID:")
      await t.enter(authKey().authKeyId)
      await t.waitFor("AuthKey シークレット:")
      // a 75-character secret's mask wraps at 80 columns: wait for the mask to grow, then Enter separately
      await t.type(authKey().authKey)
      await t.waitFor(/\*{40}/)
      await t.press("Enter")
      // the review (the header's "› サインイン" is on every sign-in screen: wait for the review's own line)
      const review = await t.waitFor("トークンの有効期間: 24時間")
      expect(review).toContain("› サインイン")
      expect(englishOn(review)).toEqual([])
      await t.press("Enter")
      const signedIn = await t.waitFor("有効期限")
      expect(signedIn).toMatch(/有効期限\s+\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d\s+残り 2[34]時間\d\d分\d\d秒/)
      expect(signedIn).toMatch(/オペレーター ID\s+OP0000000001/)
      expect(signedIn).toMatch(/API キー\s+\*{8}/)
      expect(englishOn(signedIn)).toEqual([])
      fitsIn(signedIn, 24)
      await t.press("Escape")
      await t.waitFor("サインイン中: OP0000000001")
      await t.type("q")
      expect(await t.exitCode()).toBe(0)
    })

    it("saves the sign-in as a profile, then the Profiles screen: list, a profile, delete — all in Japanese", async (ctx) => {
      const { t } = await start(ctx)
      await t.press("Enter")
      await t.waitFor("どの方法でサインインしますか?")
      await t.press("Enter")
      await t.waitFor("AuthKey ID:")
      await t.enter(authKey().authKeyId)
      await t.waitFor("AuthKey シークレット:")
      await t.type(authKey().authKey)
      await t.waitFor(/\*{40}/)
      await t.press("Enter")
      await t.waitFor("トークンの有効期間:")
      await t.press("Enter")
      await t.waitFor("有効期限")
      await t.press("Down", "Enter")
      await t.waitFor("プロファイル名: default")
      await t.press("Enter")
      const saved = await t.waitFor("プロファイル「default」として")
      expect(englishOn(saved)).toEqual([])
      await t.press("Escape")
      const home = await t.waitFor("サインイン中のプロファイル: default")
      expect(englishOn(home)).toEqual([])
      // Home: 現在のサインイン, もう一度サインイン, パスワードをリセット, プロファイル
      await t.press("Down", "Down", "Down")
      await t.waitFor("› プロファイル")
      await t.press("Enter")
      const list = await t.waitFor("プロファイルのフォルダー:")
      await t.waitFor(/default\s+AuthKey/)
      expect(t.screen().replace(/\s+/g, "")).toMatch(/●サインイン中、残り2[34]時間/)
      expect(englishOn(t.screen())).toEqual([])
      expect(list.replace(/\s+/g, "")).toContain("soracom-cliと共用")
      await t.press("Enter")
      const actions = await t.waitFor("プロファイル「default」")
      await t.waitFor("このプロファイルでサインイン")
      expect(englishOn(t.screen())).toEqual([])
      expect(actions).toContain("認証情報")
      // サインイン, サインイン画面で開く, 削除…
      await t.press("Down", "Down")
      await t.waitFor("› 削除…")
      await t.press("Enter")
      const confirm = await t.waitFor("プロファイル「default」を削除しますか?")
      expect(englishOn(confirm)).toEqual([])
      await t.type("y")
      const deleted = await t.waitFor("プロファイル「default」を削除しました。")
      expect(englishOn(deleted)).toEqual([])
    })

    it("resets a password (パスワードリセットトークン from the sandbox outbox), then signs in as the root user", async (ctx) => {
      const { t, s } = await start(ctx)
      await t.press("Down", "Enter")
      await t.waitFor("メールアドレス:")
      await t.enter(seed().email)
      const sent = await t.waitFor("パスワードリセットトークンを送信しました")
      expect(englishOn(sent)).toEqual([])
      const mail = s.outbox().at(-1)!
      expect(mail.to).toBe(seed().email)
      await t.waitFor("パスワードリセットトークン:")
      await t.enter(mail.token)
      await t.waitFor("新しいパスワード:")
      await t.enter("brand-new-password")
      await t.waitFor("新しいパスワード (確認):")
      await t.enter("brand-new-password")
      const done = await t.waitFor("パスワードを変更しました")
      expect(englishOn(done)).toEqual([])
      await t.press("Enter")
      await t.waitFor("どの方法でサインインしますか?")
      await t.press("Down", "Enter")
      await t.waitFor("メールアドレス:")
      await t.enter(seed().email)
      await t.waitFor("パスワード:")
      await t.enter("brand-new-password")
      await t.waitFor("MFA コード:")
      await t.press("Enter")
      await t.waitFor("トークンの有効期間:")
      await t.press("Enter")
      const signedIn = await t.waitFor("有効期限")
      expect(signedIn).toMatch(/方法\s+ルートユーザー/)
      expect(englishOn(signedIn)).toEqual([])
      fitsIn(signedIn, 24)
    })
  })
