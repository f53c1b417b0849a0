/**
 * `runApp`'s contract with the dispatcher: never prompts off a terminal (exit 2 and a pointer to the commands), and
 * fills the endpoint and profile from the environment when the caller did not.
 */
import { PassThrough } from "node:stream"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { chooseLanguage } from "../../src/presentation/messages.ts"
import { runApp, withEnvironment } from "../../src/ui/index.tsx"

const stream = (isTTY: boolean) => Object.assign(new PassThrough(), { isTTY })

describe("runApp", () => {
  it("exits 2 without prompting when stdin or stdout is not a terminal", async () => {
    for (const [stdinTTY, stdoutTTY] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      const stderr = stream(false)
      const stdout = stream(stdoutTTY)
      let err = ""
      stderr.on("data", (d) => {
        err += String(d)
      })
      let out = ""
      stdout.on("data", (d) => {
        out += String(d)
      })
      const code = await runApp({
        io: {
          stdin: stream(stdinTTY) as unknown as NodeJS.ReadStream,
          stdout: stdout as unknown as NodeJS.WriteStream,
          stderr: stderr as unknown as NodeJS.WriteStream,
        },
      })
      expect(code).toBe(2)
      expect(err).toContain("needs a terminal")
      expect(err).toContain("soracom-auth login --help")
      expect(out).toBe("")
    }
  })

  it("says so in the reader's language", async () => {
    chooseLanguage("ja")
    try {
      const stderr = stream(false)
      let err = ""
      stderr.on("data", (d) => {
        err += String(d)
      })
      const code = await runApp({
        io: {
          stdin: stream(false) as unknown as NodeJS.ReadStream,
          stdout: stream(false) as unknown as NodeJS.WriteStream,
          stderr: stderr as unknown as NodeJS.WriteStream,
        },
      })
      expect(code).toBe(2)
      expect(err).toContain("対話アプリには端末が必要です")
    } finally {
      chooseLanguage("en")
    }
  })

  it("takes SORACOM_ENDPOINT, SORACOM_COVERAGE_TYPE, SORACOM_PROFILE(_DIR) and the AuthKey variables when not given", () => {
    const dir = { SORACOM_PROFILE_DIR: "/tmp/p" }
    expect(
      withEnvironment({}, { ...dir, SORACOM_ENDPOINT: "http://127.0.0.1:1", SORACOM_PROFILE: "work" }),
    ).toEqual({
      endpoint: { _tag: "Url", url: "http://127.0.0.1:1" },
      profileName: "work",
      profileDir: "/tmp/p",
    })
    expect(withEnvironment({}, { ...dir, SORACOM_COVERAGE_TYPE: "g" })).toEqual({
      endpoint: { _tag: "Coverage", coverage: "g", sandbox: false },
      profileDir: "/tmp/p",
    })
    expect(
      withEnvironment(
        { endpoint: { _tag: "Coverage", coverage: "jp", sandbox: false } },
        { ...dir, SORACOM_ENDPOINT: "http://x" },
      ),
    ).toEqual({ endpoint: { _tag: "Coverage", coverage: "jp", sandbox: false }, profileDir: "/tmp/p" })
    expect(withEnvironment({}, dir)).toEqual({ profileDir: "/tmp/p" })
    expect(withEnvironment({}, { ...dir, SORACOM_AUTH_KEY_ID: "keyId-env" }).authKey).toEqual({
      authKeyId: "keyId-env",
    })
    const both = withEnvironment(
      {},
      { ...dir, SORACOM_AUTH_KEY_ID: "keyId-env", SORACOM_AUTH_KEY: "secret-env" },
    )
    expect(both.authKey?.authKeyId).toBe("keyId-env")
    expect(both.authKey?.authKey === undefined ? undefined : Redacted.value(both.authKey.authKey)).toBe(
      "secret-env",
    )
  })
})
