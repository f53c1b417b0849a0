import { spawn } from "node:child_process"
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { findTool, isCI, missingToolMessage, toolDecision } from "./require-tool.ts"

const vitestBin = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs")
const dir = mkdtempSync(join(tmpdir(), "require-tool-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const program = join(dir, "fake-tool")
writeFileSync(program, "#!/bin/sh\n")
chmodSync(program, 0o755)
const notExecutable = join(dir, "plain-file")
writeFileSync(notExecutable, "")
chmodSync(notExecutable, 0o644)

describe("requireTool's policy", () => {
  it("CI is on for any value but empty, false and 0", () => {
    expect([undefined, "", "false", "FALSE", "0", " 0 "].map((CI) => isCI({ CI }))).toEqual(
      Array(6).fill(false),
    )
    expect(["true", "1", "yes", "woodpecker"].map((CI) => isCI({ CI }))).toEqual(Array(4).fill(true))
  })

  it("finds an executable on PATH, not a non-executable file, not a name on no PATH", () => {
    expect(findTool("fake-tool", { PATH: `/nonexistent-dir:${dir}` })).toBe(program)
    expect(findTool("plain-file", { PATH: dir })).toBeUndefined()
    expect(findTool("fake-tool", {})).toBeUndefined()
    expect(findTool(program, { PATH: "" })).toBe(program)
    expect(findTool(join(dir, "absent"), { PATH: dir })).toBeUndefined()
  })

  it("present → run; missing → skip locally, fail under CI", () => {
    expect(toolDecision("fake-tool", { PATH: dir, CI: "true" })).toBe("run")
    expect(toolDecision("fake-tool", { PATH: dir })).toBe("run")
    expect(toolDecision("absent-tool", { PATH: dir })).toBe("skip")
    expect(toolDecision("absent-tool", { PATH: dir, CI: "false" })).toBe("skip")
    expect(toolDecision("absent-tool", { PATH: dir, CI: "true" })).toBe("fail")
  })

  it("the failure names the tool and who needs it", () => {
    const message = missingToolMessage("tmux", "the terminal end-to-end tests")
    expect(message).toContain("tmux is not installed")
    expect(message).toContain("the terminal end-to-end tests")
  })
})

/** A real vitest run of a suite whose tool is missing, with and without CI — what a CI machine would see. */
describe("a suite whose tool is missing", { timeout: 120_000 }, () => {
  const fixture = fileURLToPath(new URL("./fixture", import.meta.url))
  const vitest = async (ci: string | undefined) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }
    if (ci === undefined) delete env.CI
    else env.CI = ci
    const child = spawn(process.execPath, [vitestBin, "run", "--config", join(fixture, "vitest.config.ts")], {
      cwd: fixture,
      env,
    })
    let out = ""
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString()
    })
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
    return { code, out }
  }

  it("is skipped on a developer's machine (exit 0, 1 skipped)", async () => {
    const r = await vitest(undefined)
    expect(r.out).toMatch(/Tests\s+1 skipped/)
    expect(r.code).toBe(0)
  })

  it("fails under CI=true with a test and a message naming the tool", async () => {
    const r = await vitest("true")
    expect(r.out).toContain("requires soracom-auth-no-such-tool")
    expect(r.out).toContain("soracom-auth-no-such-tool is not installed")
    expect(r.out).toMatch(/Tests\s+1 failed \| 1 skipped/)
    expect(r.code).toBe(1)
  })
})
