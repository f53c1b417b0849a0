/**
 * The language of the command line: `--lang`, then `SORACOM_LANG`, then the locale; the words change, `--json`
 * does not (a program reading it must not depend on the user's locale).
 */
import { chmodSync, writeFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { type RunResult, runBin } from "../helpers/cli.ts"
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

/** The English left in a command's output once the values it prints (IDs, addresses, paths, masks) are gone. */
const englishIn = (text: string, values: ReadonlyArray<string | RegExp>): ReadonlyArray<string> => {
  let scrubbed = text
  for (const value of values) scrubbed = scrubbed.replaceAll(value, " ")
  return scrubbed
    .split("\n")
    .map((line) => line.replace(/\S*…\S*|\*{4,}\w*/g, " ")) // masked secrets: api-…abcd, ********abcd
    .flatMap((line) => englishLeft(line).map((word) => `${word} ← ${line}`))
}

/** `--json` as a program compares it: the fresh credentials and ticking seconds of each run left out. */
const normalized = (stdout: string): unknown =>
  stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      try {
        return JSON.parse(line, (key, value) =>
          ["apiKey", "token", "expiresAt", "remainingSeconds"].includes(key) ? typeof value : value,
        ) as unknown
      } catch {
        return line
      }
    })

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
  }, 300_000)

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

  it("every command's own output under a Japanese locale is Japanese: results, notices, warnings, usage errors", async () => {
    const env = { ...ja, SORACOM_ENDPOINT: suite.sandbox.endpoint }
    // the values printed: profile names, the sandbox's URLs, the profile folder, the demo's IDs
    const values = [
      suite.sandbox.endpoint,
      suite.sandbox.url,
      `${suite.dir}/work.json`,
      `${suite.dir}/loose.json`,
      suite.dir,
      demo.authKeyId,
      demo.email,
      demo.userName,
      demo.operatorId,
      ...["default", "work", "fresh", "root", "switched", "ghost", "nobody", "loose"].map(
        (p) => new RegExp(`\\b${p}\\b`, "g"),
      ),
    ]
    const checked: Array<string> = []
    const step = async (
      args: ReadonlyArray<string>,
      options: { stdin?: string; env?: Record<string, string>; code?: number; data?: boolean } = {},
    ): Promise<RunResult> => {
      const r = await run(args, {
        env: { ...env, ...options.env },
        ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      })
      const what = args.join(" ")
      expect({ what, code: r.code, stderr: r.stderr }).toMatchObject({ what, code: options.code ?? 0 })
      expect(englishIn(r.stderr, values), `${what} (stderr)`).toEqual([])
      // data (a token, exports, a script) is not prose
      if (options.data !== true) expect(englishIn(r.stdout, values), `${what} (stdout)`).toEqual([])
      checked.push(what)
      return r
    }
    const authKey = ["--auth-key-id", demo.authKeyId, "--auth-key-stdin"]
    const key = `${demo.authKey}\n`

    // a retry announced on stderr, then the signed-in summary
    suite.sandbox.faults.set("/auth", { status: 503, times: 1 })
    const login = await step(["login", ...authKey], { stdin: key })
    expect(login.stderr).toContain("再試行")
    expect(login.stderr).toContain("としてサインインしました")
    expect(login.stderr).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/)
    await step(["login", ...authKey, "--save", "work"], { stdin: key })
    expect((await step(["status"])).stdout).toContain("有効期限")
    await step(["status", "--offline"])
    expect((await step(["profiles"])).stdout).toContain("サインイン中")
    await step(["profiles", "list"])
    const fresh = await step(["token", "--profile", "fresh"], {
      env: { SORACOM_AUTH_KEY_ID: demo.authKeyId, SORACOM_AUTH_KEY: demo.authKey },
      data: true,
    })
    expect(fresh.stderr).toContain("キャッシュされたセッションがない")
    await step(["env", "--profile", "fresh"], { data: true })
    await step(["completion", "bash"], { data: true })
    await step(["login", "--email", demo.email, "--password-stdin", "--profile", "root"], {
      stdin: `${demo.password}\n`,
    })
    const switched = await step([
      "switch-user",
      "--profile",
      "root",
      "--operator-id",
      demo.operatorId,
      "--user-name",
      demo.userName,
      "--save-as",
      "switched",
    ])
    expect(switched.stderr).toContain("切り替えています")
    await step(["logout", "--profile", "fresh"])
    await step(["logout", "--profile", "fresh"])
    await step(["logout", "--profile", "switched", "--local-only"])
    await step(["profiles", "remove", "work"])
    await step(["profiles", "remove", "ghost"])
    await step(["profiles"])

    // a profile that group may read: soracom-cli's refusal in Japanese, its fix said once
    const loose = `${suite.dir}/loose.json`
    writeFileSync(loose, JSON.stringify({ authKeyId: demo.authKeyId, authKey: demo.authKey }))
    chmodSync(loose, 0o640)
    const refused = await step(["login", "--profile", "loose", "--no-input"], { code: 1 })
    expect(refused.stderr).toContain("パーミッションが緩すぎます")
    expect(refused.stderr.split(`chmod 600 '${loose}'`)).toHaveLength(2)

    // usage errors and field-validation reasons (exit 2), and a session missing (exit 4)
    for (const args of [
      [],
      ["logn"],
      ["status", "--bogus"],
      ["status", "extra"],
      ["profiles", "remove"],
      ["switch-user", "--user-name", "u"],
      ["login", "--profile"],
      ["sandbox", "--port", "abc"],
      ["sandbox", "--port", "70000"],
      ["login", "--coverage", "xx", ...authKey],
      ["login", "--auth-key-id", demo.authKeyId],
      ["login", "--email", demo.email, "--auth-key-id", demo.authKeyId, "--password-file", "/dev/null"],
      ["login", "--operator-id", demo.operatorId, "--password-file", "/dev/null"],
      ["login", "--email", demo.email, "--password-stdin"],
      ["login", "--token-timeout", "5", ...authKey],
      ["login", "--mfa-code", "123456", ...authKey],
      ["login", "--endpoint", "http://user:pw@127.0.0.1:1", ...authKey],
      ["login", "--no-input"],
      ["reset-password", "request", "--email", "not-an-address"],
      ["reset-password", "verify"],
      ["reset-password", "verify", "--token-stdin"],
    ]) {
      await step(args, {
        code: 2,
        stdin: args.includes("--token-stdin")
          ? "token-value\n"
          : args.includes("--password-stdin")
            ? ""
            : key,
      })
    }
    await step(["status", "--profile", "nobody"], { code: 4 })

    // the password reset, last: it changes the root user's password
    const requested = await step(["reset-password", "request", "--email", demo.email])
    expect(requested.stderr).toContain("パスワードリセットトークンを送信しました")
    const token = suite.sandbox.outbox().at(-1)?.token
    await step(["reset-password", "verify", "--token-stdin", "--password-stdin"], {
      stdin: `${token}\nCANARY-new-password-ja\n`,
    })
    expect(checked.length).toBeGreaterThan(35)
  }, 300_000)

  it("the sandbox's banner and stop hint are Japanese under a Japanese locale", async () => {
    let seen = ""
    const r = await runBin(suite.entry, ["sandbox", "--port", "0", "--hash-cost", "1"], {
      profileDir: suite.dir,
      env: ja,
      onStderr: (text, child) => {
        seen = text
        if (text.includes("Ctrl+C")) child.kill("SIGINT")
      },
    })
    expect(r.code).toBe(0)
    expect(seen).toContain("Ctrl+C で停止します。")
    expect(r.stdout).toContain("サンドボックスが http://127.0.0.1:")
    const url = /http:\/\/127\.0\.0\.1:\d+\S*/g
    // the seed's values: IDs, addresses, secrets
    const values = r.stdout.match(/\b(?:demo|secret|keyId)[\w@.-]*/g) ?? []
    expect(values.length).toBeGreaterThan(5)
    expect(englishIn(r.stdout.replace(url, " "), [...values, demo.mfaSecret])).toEqual([])
    for (const secret of [demo.authKey, demo.password, demo.userPassword]) expect(r.stdout).toContain(secret)
  })

  it("--json of every command is identical in English and Japanese (fresh credentials aside)", async () => {
    const authKey = ["--auth-key-id", demo.authKeyId, "--auth-key-stdin"]
    const key = `${demo.authKey}\n`
    const prepare = (args: ReadonlyArray<string>, stdin: string) =>
      run(args, { env: { SORACOM_ENDPOINT: suite.sandbox.endpoint }, stdin })
    const runs: ReadonlyArray<{
      readonly args: ReadonlyArray<string>
      readonly stdin?: string
      readonly before?: () => Promise<unknown>
    }> = [
      { args: ["login", ...authKey], stdin: key },
      { args: ["status"] },
      { args: ["token"] },
      { args: ["token", "--format", "header"] },
      { args: ["env"] },
      { args: ["profiles", "list"] },

      {
        args: [
          "switch-user",
          "--operator-id",
          demo.operatorId,
          "--user-name",
          demo.userName,
          "--profile",
          "root",
        ],
        before: () =>
          prepare(
            ["login", "--email", demo.email, "--password-stdin", "--profile", "root"],
            `${demo.password}\n`,
          ),
      },
      { args: ["logout"], before: () => prepare(["login", ...authKey], key) },
      { args: ["logout", "--local-only"] },
      {
        args: ["profiles", "remove", "saved"],
        before: () => prepare(["login", ...authKey, "--save", "saved"], key),
      },
      { args: ["profiles", "remove", "ghost"] },
      { args: ["reset-password", "request", "--email", demo.email] },
      { args: ["reset-password", "request", "--email", "not-an-address"] },
      {
        args: ["reset-password", "verify", "--token-stdin", "--password-stdin"],
        stdin: "bad-token\nnew-password-1\n",
      },
      { args: ["login", "--auth-key-id", demo.authKeyId] },
      { args: ["login", "--token-timeout", "5", ...authKey], stdin: key },
      { args: ["sandbox", "--port", "abc"] },
      { args: ["login", "--endpoint", "http://user:pw@127.0.0.1:1", ...authKey], stdin: key },
    ]
    for (const { args, stdin, before } of runs) {
      const outputs = []
      for (const [env, extra] of [
        [en, []],
        [ja, []],
        [en, ["--lang", "ja"]],
      ] as const) {
        await before?.()
        const r = await run([...args, ...extra, "--json"], {
          env: { ...env, SORACOM_ENDPOINT: suite.sandbox.endpoint },
          ...(stdin === undefined ? {} : { stdin }),
        })
        outputs.push({ code: r.code, stdout: normalized(r.stdout) })
        expect(r.stdout, args.join(" ")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
      }
      expect(outputs[1], args.join(" ")).toEqual(outputs[0])
      expect(outputs[2], args.join(" ")).toEqual(outputs[0])
    }
  }, 300_000)
})
