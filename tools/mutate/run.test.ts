/**
 * `pnpm mutate` is wired (not run here — a full run takes the better part of an hour on 2 cores): the script
 * exists, unknown targets are refused by name before Stryker starts, and every target's files are where the
 * table says.
 */
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { targets } from "./targets.ts"

const root = join(import.meta.dirname, "..", "..")

describe("pnpm mutate", () => {
  it("is the root script", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
    expect(pkg.scripts.mutate).toBe("node tools/mutate/run.ts")
  })

  it("refuses an unknown target, naming the known ones, before starting Stryker", () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "run.ts"), "no-such-target"], {
      encoding: "utf8",
      cwd: root,
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('unknown target "no-such-target"')
    for (const t of targets) expect(r.stderr).toContain(t.name)
  })

  it("every present target has its vitest config and a tsconfig; goals are the issue's (85 % core and profiles)", () => {
    for (const t of targets) {
      const dir = join(root, t.dir)
      if (!existsSync(dir)) continue
      expect(existsSync(join(dir, "tsconfig.json")), `${t.name} tsconfig`).toBe(true)
      if (t.vitestConfig !== undefined)
        expect(existsSync(join(dir, t.vitestConfig)), t.vitestConfig).toBe(true)
    }
    expect(Object.fromEntries(targets.map((t) => [t.name, t.goal]))).toMatchObject({
      core: 85,
      "tui-profiles": 85,
      sandbox: 75,
      "http-ky": 75,
    })
  })

  it("MUTANTS.md and the README's score table are what the committed results render (scores.ts --check)", () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "scores.ts"), "--check"], {
      encoding: "utf8",
      cwd: root,
    })
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
  })
})
