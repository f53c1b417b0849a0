/**
 * `pnpm bench` lists the benchmarks; `pnpm bench <name> [args…]` runs `tools/bench/<name>.ts` from the workspace
 * sources (`--conditions=@soracom-auth/source`), as the README's command does.
 */
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { basename, join } from "node:path"

const here = import.meta.dirname
/** Helpers the benchmarks spawn or import, not benchmarks themselves. */
const isHelper = (name: string) => name === "run" || name === "report" || /-(worker|server)$/.test(name)

const benches = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => basename(f, ".ts"))
  .filter((name) => !isHelper(name))
  .sort()

const [name, ...args] = process.argv.slice(2)
if (name === undefined) {
  console.log(`usage: pnpm bench <name> [args…]\nbenchmarks: ${benches.join(", ")}`)
} else if (!benches.includes(name.replace(/\.ts$/, ""))) {
  console.error(`unknown benchmark "${name}"; one of: ${benches.join(", ")}`)
  process.exitCode = 2
} else {
  const file = join(here, `${name.replace(/\.ts$/, "")}.ts`)
  const run = spawnSync(process.execPath, ["--conditions=@soracom-auth/source", file, ...args], {
    cwd: join(here, ".."),
    stdio: "inherit",
  })
  process.exitCode = run.status ?? 1
}
