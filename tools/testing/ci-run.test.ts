/**
 * `.ci/run` on a machine without tmux and no way to install it: the run stops, non-zero, with a message naming
 * tmux. The PATH is this machine's, mirrored without tmux, without apt-get (so nothing gets installed) and without
 * npx/pnpm (so a broken check fails fast here instead of starting the whole test run).
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, expect, it } from "vitest"
import { findTool } from "./require-tool.ts"

const ciRun = fileURLToPath(new URL("../../.ci/run", import.meta.url))
const shim = mkdtempSync(join(tmpdir(), "ci-run-path-"))
afterAll(() => rmSync(shim, { recursive: true, force: true }))

/** One directory with every program on `PATH` except `without`. */
const pathWithout = (without: ReadonlyArray<string>): string => {
  const seen = new Set(without)
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    let entries: ReadonlyArray<string> = []
    try {
      entries = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of entries) {
      if (seen.has(name)) continue
      seen.add(name)
      symlinkSync(join(dir, name), join(shim, name))
    }
  }
  return shim
}

it(".ci/run without tmux on PATH fails, naming tmux", { timeout: 60_000 }, async () => {
  const PATH = pathWithout(["tmux", "apt-get", "apt", "npx", "pnpm"])
  expect(findTool("tmux", { PATH })).toBeUndefined()
  expect(findTool("bash", { PATH })).toBeDefined()
  const child = spawn(findTool("bash") ?? "/bin/bash", [ciRun], { env: { ...process.env, PATH } })
  let stderr = ""
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString()
  })
  child.stdout.resume()
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
  expect(stderr).toContain("tmux is required by the tests but is not installed")
  expect(code).toBe(1)
})
