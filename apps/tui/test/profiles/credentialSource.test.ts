/**
 * soracom-cli's `profileCommand` and `sourceProfile`: precedence, the command's bounds (timeout, non-zero exit,
 * oversized output), and a `sourceProfile` chain from real profile files signing in and switching user against
 * the sandbox.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { AuthRequest, AuthSession, Endpoint, SoracomAuth, SwitchUser } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Effect, Exit, Layer, Redacted } from "effect"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import {
  commandLine,
  type ProfileSource,
  resolveProfileSource,
  runProfileCommand,
} from "../../src/profiles/credentialSource.ts"
import { parseProfile } from "../../src/profiles/ProfileFile.ts"
import { demo, startTestSandbox } from "../helpers/sandbox.ts"
import { makeTempDir } from "../helpers/tmp.ts"

let tmp: { dir: string; cleanup: () => void }
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

const write = (name: string, profile: object) =>
  writeFileSync(join(tmp.dir, `${name}.json`), JSON.stringify(profile), { mode: 0o600 })
const read = (name: string) =>
  Effect.sync(() => parseProfile(readFileSync(join(tmp.dir, `${name}.json`), "utf8")))
const resolve = (name: string, profileCommand?: string) =>
  Effect.runPromiseExit(resolveProfileSource({ name, read, profileCommand, command: { timeoutMs: 5_000 } }))
const value = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected success: ${String(exit.cause)}`)
  return exit.value
}
const failureOf = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit)
    ? (exit.cause.reasons[0] as { error?: { _tag: string; reason?: string } }).error
    : undefined

/** A script printing `text` to stdout; run as `node <script>` (plain words: no shell). */
const script = (text: string, extra = "") => {
  const path = join(tmp.dir, "cmd.mjs")
  writeFileSync(path, `${extra}\nprocess.stdout.write(${JSON.stringify(text)})\n`)
  return `${process.execPath} ${path}`
}
const keyProfile = { authKeyId: demo.authKeyId, authKey: demo.authKey }

describe("profileCommand", () => {
  it("runs plain words without a shell, shell syntax through /bin/sh", () => {
    expect(commandLine("op item get x --format json")).toEqual({
      file: "op",
      args: ["item", "get", "x", "--format", "json"],
    })
    if (process.platform !== "win32") {
      expect(commandLine("op item get x | jq '{authKeyId}'")).toEqual({
        file: "/bin/sh",
        args: ["-c", "op item get x | jq '{authKeyId}'"],
      })
    }
  })

  it("success: the command's profile wins over the file's, and its mfaOTPCode is used", async () => {
    write("p", { email: "someone@example.com", password: "in-the-file" })
    const command = script(
      JSON.stringify({
        operatorId: "OP0000000001",
        username: "demo-mfa-user",
        password: "pw",
        mfaOTPCode: "123456",
      }),
    )
    write("with-command", { profileCommand: command, ...keyProfile })
    const source = value(await resolve("with-command"))
    expect(source).toMatchObject({
      _tag: "SignIn",
      credentials: { kind: "samUser", operatorId: "OP0000000001", userName: "demo-mfa-user" },
      mfaOtpCode: "123456",
    })
    // --profile-command wins over the profile (even one with credentials).
    const flag = value(await resolve("p", command))
    expect(flag._tag === "SignIn" && flag.credentials.kind).toBe("samUser")
    // Through a shell when the string needs one.
    if (process.platform !== "win32") {
      const piped = `printf '%s' ${JSON.stringify(JSON.stringify(keyProfile))} | cat`
      expect(value(await resolve("p", piped))).toMatchObject({
        _tag: "SignIn",
        credentials: { kind: "authKey" },
      })
    }
  })

  it("timeout, non-zero exit, oversized output, not JSON: typed failures that never show the output", async () => {
    const slow = script("{}", "await new Promise((r) => setTimeout(r, 30_000))")
    const timedOut = await Effect.runPromiseExit(runProfileCommand(slow, { timeoutMs: 300 }))
    expect(failureOf(timedOut)).toMatchObject({ _tag: "ProfileCommandFailed", reason: "Timeout" })
    const secret = "secret-printed-by-a-failing-command"
    const failing = script(
      JSON.stringify({ authKey: secret }),
      `process.stderr.write("${secret}"); process.exitCode = 3`,
    )
    const exited = await Effect.runPromiseExit(runProfileCommand(failing))
    expect(failureOf(exited)).toMatchObject({ reason: "NonZeroExit" })
    expect(JSON.stringify(exited) + String(Exit.isFailure(exited) && exited.cause)).not.toContain(secret)
    const big = script("x".repeat(200_000))
    expect(
      failureOf(await Effect.runPromiseExit(runProfileCommand(big, { maxBytes: 65_536 }))),
    ).toMatchObject({
      reason: "TooLarge",
    })
    const notJson = script(`not json ${secret}`)
    const bad = await Effect.runPromiseExit(runProfileCommand(notJson))
    expect(failureOf(bad)).toMatchObject({ reason: "NotAProfile" })
    expect(String(Exit.isFailure(bad) && bad.cause)).not.toContain(secret)
    expect(
      failureOf(await Effect.runPromiseExit(runProfileCommand("no-such-command-anywhere"))),
    ).toMatchObject({
      reason: "CouldNotStart",
    })
  })
})

describe("sourceProfile", () => {
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>>
  beforeAll(async () => {
    sandbox = await startTestSandbox({ record: true })
  })
  afterAll(() => sandbox?.close())

  it("precedence: profileCommand > sourceProfile > AuthKey > root > SAM user", async () => {
    write("base", keyProfile)
    write("all", {
      ...keyProfile,
      email: "demo@example.com",
      password: "x",
      sourceProfile: "base",
      operatorId: "OP0000000001",
      username: "demo-user",
    })
    expect(value(await resolve("all"))._tag).toBe("SwitchUser")
    write("keyAndRoot", { ...keyProfile, email: "demo@example.com", password: "x" })
    expect(value(await resolve("keyAndRoot"))).toMatchObject({ credentials: { kind: "authKey" } })
    write("rootAndSam", {
      email: "demo@example.com",
      password: "x",
      operatorId: "OP0000000001",
      username: "u",
    })
    expect(value(await resolve("rootAndSam"))).toMatchObject({ credentials: { kind: "root" } })
    write("empty", {})
    expect(value(await resolve("empty"))._tag).toBe("None")
  })

  it("a chain of one from soracom-cli profile files signs in with the source and switches user (sandbox)", async () => {
    write("root", { email: demo.email, password: demo.password, coverageType: "jp", sandbox: false })
    write("as-demo-user", { sourceProfile: "root", operatorId: demo.operatorId, username: demo.userName })
    const source: ProfileSource = value(await resolve("as-demo-user"))
    if (source._tag !== "SwitchUser") throw new Error(`expected a switch, got ${source._tag}`)
    expect(source).toMatchObject({
      sourceProfile: "root",
      operatorId: demo.operatorId,
      userName: demo.userName,
    })
    sandbox.clearExchanges()
    const session = await Effect.runPromise(
      Effect.gen(function* () {
        const base = yield* AuthRequest.fromInput({ credentials: source.base.credentials })
        const request = yield* SwitchUser.fromInput({
          operatorId: source.operatorId,
          userName: source.userName,
        })
        return yield* AuthSession.AuthSession.use((s) => s.get).pipe(
          Effect.provide(
            AuthSession.layer({ source: new SwitchUser.Source({ base, request }) }).pipe(
              Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.url(sandbox.endpoint) })),
              Layer.provide(KyHttpClient.layer()),
            ),
          ),
        )
      }),
    )
    expect(session.userName).toBe(demo.userName)
    expect(Redacted.value(session.token).length).toBeGreaterThan(0)
    expect(sandbox.exchanges().map((e) => `${e.response?.status} ${e.request.path}`)).toEqual([
      "200 /v1/auth",
      "200 /v1/auth/switch_user",
    ])
  })

  it("refuses a source profile that has its own sourceProfile, and a switch without a target", async () => {
    write("a", keyProfile)
    write("b", { sourceProfile: "a", operatorId: demo.operatorId, username: demo.userName })
    write("c", { sourceProfile: "b", operatorId: demo.operatorId, username: demo.userName })
    const chained = await resolve("c")
    expect(failureOf(chained)).toMatchObject({ _tag: "SourceProfileInvalid", reason: "Chained" })
    write("d", { sourceProfile: "a" })
    expect(failureOf(await resolve("d"))).toMatchObject({ reason: "NoTarget" })
  })
})
