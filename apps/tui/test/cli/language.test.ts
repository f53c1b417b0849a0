/**
 * The language of the command line: `--lang`, then `SORACOM_LANG`, then the locale; the words change, `--json`
 * does not (a program reading it must not depend on the user's locale).
 */
import { describe, expect, it } from "vitest"
import { cliSuite } from "../helpers/cli-suite.ts"
import { englishLeft } from "../helpers/english.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: {} })
const { run } = suite

const ja = { LANG: "ja_JP.UTF-8" }
const en = { LANG: "C.UTF-8" }

/** One JSON document per language, with the seconds that tick between two runs left out. */
const jsonIn = async (args: ReadonlyArray<string>, env: Record<string, string>) => {
  const r = await run([...args, "--json"], { env })
  const value = JSON.parse(r.stdout) as Record<string, unknown>
  delete value.remainingSeconds
  return { code: r.code, value }
}

/**
 * The prose of a `--help` text: headings, descriptions, example comments — without the usage line, the example
 * commands, the left column of the tables (flag names, their types, subcommand names) and a literal flag's values.
 */
const helpProse = (help: string): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let section = ""
  for (const line of help.split("\n")) {
    if (/^\S/.test(line)) {
      section = line
      lines.push(line)
    } else if (section === "使い方" || section === "USAGE") continue
    else if (section === "例" || section === "EXAMPLES") {
      if (line.trimStart().startsWith("#")) lines.push(line)
    } else if (section === "説明" || section === "DESCRIPTION") lines.push(line)
    // a literal flag's values are typed as they are: `(選択肢: jp, g)`
    else lines.push(line.replace(/^ {2}\S+(?: \S+)?\s{2,}/, "").replace(/\((?:選択肢|choices): [^)]*\)$/, ""))
  }
  return lines
}

/** The subcommands a help text lists. */
const subcommandsOf = (help: string): ReadonlyArray<string> => {
  const at = help.split("\n").findIndex((l) => l === "サブコマンド" || l === "SUBCOMMANDS")
  if (at === -1) return []
  const rows = help.split("\n").slice(at + 1)
  const end = rows.findIndex((l) => !l.startsWith("  "))
  return rows.slice(0, end === -1 ? undefined : end).map((l) => l.trim().split(/\s+/)[0] ?? "")
}

describe("language", () => {
  it("--help of every command is Japanese under a Japanese locale (names, codes and flags aside); --lang en is English", async () => {
    const seen: Array<string> = []
    const visit = async (path: ReadonlyArray<string>): Promise<void> => {
      const r = await run([...path, "--help"], { env: ja })
      expect({ path, code: r.code, stderr: r.stderr }).toEqual({ path, code: 0, stderr: "" })
      seen.push(path.join(" "))
      const english = helpProse(r.stdout).flatMap((line) => englishLeft(line).map((w) => `${w} ← ${line}`))
      expect(english, `${path.join(" ")} --help`).toEqual([])
      expect(r.stdout).toContain("使い方")
      // the same command in English: the detector sees English there (this test can fail)
      const inEnglish = await run([...path, "--help", "--lang", "en"], { env: ja })
      expect(helpProse(inEnglish.stdout).flatMap(englishLeft).length, path.join(" ")).toBeGreaterThan(5)
      for (const sub of subcommandsOf(r.stdout)) await visit([...path, sub])
    }
    await visit([])
    expect(seen).toEqual([
      "",
      "login",
      "token",
      "env",
      "status",
      "logout",
      "switch-user",
      "profiles",
      "profiles list",
      "profiles remove",
      "reset-password",
      "reset-password request",
      "reset-password verify",
      "sandbox",
      "demo",
      "completion",
    ])
  })

  it("LANG=ja_JP.UTF-8 → Japanese errors with their next steps; --lang en and SORACOM_LANG override the locale", async () => {
    const r = await run(["status"], { env: ja })
    expect(r.code).toBe(4)
    expect(r.stderr).toContain("サインインしていません (プロファイル「default」)。")
    expect(r.stderr).toContain("`soracom-auth login` でサインイン")
    expect(r.stderr).not.toMatch(/Not signed in/)

    const flag = await run(["status", "--lang", "en"], { env: ja })
    expect(flag.stderr).toContain('Not signed in (profile "default").')
    const variable = await run(["status"], { env: { ...en, SORACOM_LANG: "ja" } })
    expect(variable.stderr).toContain("サインインしていません")
    const equals = await run(["status", "--lang=ja"], { env: en })
    expect(equals.stderr).toContain("サインインしていません")
  })

  it("a rejected sign-in is explained in Japanese, with the server named as SORACOM's sandbox host", async () => {
    const r = await run(
      ["login", "--endpoint", suite.sandbox.endpoint, "--auth-key-id", demo.authKeyId, "--auth-key-stdin"],
      { env: ja, stdin: "secret-wrong-wrong-wrong\n" },
    )
    expect(r.code).toBe(4)
    expect(r.stderr).toContain("が認証情報を受け付けませんでした。")
    expect(r.stderr).toContain("AuthKey ID とシークレットを確認して")
  })

  it("--json is identical in English and Japanese: data, and errors (their message stays English)", async () => {
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
      { env: ja, stdin: `${demo.authKey}\n` },
    )
    expect(login.code).toBe(0)
    const signedIn = JSON.parse(login.stdout) as Record<string, unknown>
    expect(String(signedIn.expiresAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)

    for (const args of [
      ["status", "--offline"],
      ["profiles"],
      ["status", "--profile", "nobody"],
      ["frobnicate"],
      [
        "login",
        "--endpoint",
        suite.sandbox.endpoint,
        "--auth-key-id",
        demo.authKeyId,
        "--auth-key",
        "secret-wrong-wrong",
      ],
    ]) {
      const [inEnglish, inJapanese, byFlag] = [
        await jsonIn(args, en),
        await jsonIn(args, ja),
        await jsonIn([...args, "--lang", "ja"], en),
      ]
      expect(inJapanese, args.join(" ")).toEqual(inEnglish)
      expect(byFlag, args.join(" ")).toEqual(inEnglish)
      expect(JSON.stringify(inJapanese.value), args.join(" ")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    }
  })
})
