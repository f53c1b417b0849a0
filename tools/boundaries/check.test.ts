import { spawnSync } from "node:child_process"
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const check = join(import.meta.dirname, "check.ts")
const temps: Array<string> = []

/** A copy of the workspace's package manifests and sources, without node_modules. */
const workspaceCopy = () => {
  const dir = mkdtempSync(join(tmpdir(), "boundaries-"))
  temps.push(dir)
  for (const p of ["packages", "apps", "tools/package.json"]) {
    cpSync(join(root, p), join(dir, p), {
      recursive: true,
      filter: (src) => !src.includes("node_modules"),
    })
  }
  return dir
}

const run = (dir: string) => spawnSync(process.execPath, [check, dir], { encoding: "utf8" })

afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe("boundaries", () => {
  it("passes on the workspace as it is", () => {
    const r = run(root)
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
  })

  it.each([
    ["ky", 'import ky from "ky"\n'],
    ["node:fs", 'import { readFileSync } from "node:fs"\n'],
    ["soracom-auth", 'import "soracom-auth"\n'],
    ["react", 'export { useState } from "react"\n'],
  ])("fails when core imports %s, naming the rule", (_name, line) => {
    const dir = workspaceCopy()
    writeFileSync(join(dir, "packages/core/src/Leak.ts"), line)
    const r = run(dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('rule "core-imports-only-effect"')
    expect(r.stderr).toContain("packages/core/src/Leak.ts:1")
  })

  it.each([
    ["node:fs", 'import { readFileSync } from "node:fs"\n', "client-runs-in-browsers"],
    ["the sandbox", 'import "@soracom-auth/sandbox"\n', "libraries-build-on-core-and-http-ky"],
  ])("fails when the Promise client imports %s, naming the rule", (_name, line, rule) => {
    const dir = workspaceCopy()
    writeFileSync(join(dir, "packages/client/src/Leak.ts"), line)
    const r = run(dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`rule "${rule}"`)
    expect(r.stderr).toContain("packages/client/src/Leak.ts:1")
  })

  it("fails when a package depends on the app", () => {
    const dir = workspaceCopy()
    writeFileSync(join(dir, "packages/sandbox/src/Leak.ts"), 'import "soracom-auth"\n')
    const r = run(dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('rule "nothing-depends-on-apps"')
  })
})
