/**
 * `pnpm mutate [target…]`: StrykerJS mutation testing, one target at a time (the machine is small and shared),
 * in place (a checkout nobody edits meanwhile), each in its own package directory with that package's vitest setup and the TypeScript checker. Incremental:
 * `tools/mutate/incremental/<target>.json` (committed) lets a rerun test only mutants whose code or tests changed.
 * Reports: `reports/mutation/<target>/index.html` and `mutation.json`. Ends with one line per target: score,
 * killed/survived/no coverage/timeout/compile errors, duration.
 *
 * Env: MUTATE_CONCURRENCY (default 2), MUTATE_FULL=1 to ignore the incremental file, MUTATE_STATIC=1 to test
 * static mutants too, MUTATE_FILES=a.ts,b.ts to mutate only those files (globs relative to the target's directory).
 * A run scoped by MUTATE_FILES keeps its own incremental file and report (`<target>/<files>.json`): Stryker writes
 * only the files it mutated, so sharing `<target>.json` would drop the other files' results.
 * MUTATE_TESTS=test/a.test.ts,… to run only those tests (targets with a vitest.mutate.config.ts; tools/mutate/vitest.ts).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { Stryker } from "@stryker-mutator/core"
import { type Target, targets } from "./targets.ts"

const root = join(import.meta.dirname, "..", "..")
const concurrency = Number(process.env.MUTATE_CONCURRENCY ?? 2)

type StrykerOptions = NonNullable<ConstructorParameters<typeof Stryker>[0]>

const files = process.env.MUTATE_FILES?.split(",")
/** `src/Endpoint.ts` → `Endpoint`; several files joined with `+`. */
const slug =
  files === undefined
    ? undefined
    : files
        .map((f) =>
          f
            .replace(/^src\//, "")
            .replace(/\.ts$/, "")
            .replace(/[^\w.-]+/g, "_"),
        )
        .join("+")
const incrementalFileOf = (target: Target) =>
  slug === undefined
    ? join(root, "tools", "mutate", "incremental", `${target.name}.json`)
    : join(root, "tools", "mutate", "incremental", target.name, `${slug}.json`)
const reportDirOf = (target: Target) =>
  join(root, "reports", "mutation", target.name, ...(slug === undefined ? [] : [slug]))

const optionsFor = (target: Target, dir: string): StrykerOptions => ({
  testRunner: "vitest",
  vitest: {
    ...(existsSync(join(dir, target.vitestConfig ?? "vitest.config.ts"))
      ? { configFile: target.vitestConfig ?? "vitest.config.ts" }
      : {}),
    related: false,
  },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  coverageAnalysis: "perTest",
  // Static mutants (module-level values) need every test per mutant: on 2 shared cores they took ~60 % of a run.
  // They are reported as Ignored and left out of the score (MUTATE_STATIC=1 includes them).
  ignoreStatic: process.env.MUTATE_STATIC !== "1",
  mutate: files ?? [...target.mutate],
  concurrency,
  incremental: process.env.MUTATE_FULL !== "1",
  incrementalFile: incrementalFileOf(target),
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: join(reportDirOf(target), "index.html") },
  jsonReporter: { fileName: join(reportDirOf(target), "mutation.json") },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: target.goal, low: target.goal, break: null },
  // Real sockets and subprocesses on a loaded 2-core machine: a mutant is a timeout only well past its baseline.
  timeoutMS: target.timeoutMS ?? 20_000,
  timeoutFactor: 3,
  // In place, not in a copy: the vitest configs import ../../vitest.shared.ts, which a copy under .stryker-tmp
  // cannot reach. Stryker restores every file when it ends — run it in a checkout you are not editing.
  inPlace: true,
  cleanTempDir: true,
  tempDirName: ".stryker-tmp",
  plugins: ["@stryker-mutator/vitest-runner", "@stryker-mutator/typescript-checker"],
})

/**
 * In place, Stryker rewrites every source file and restores the content but not the mode (a bin loses its
 * executable bit), and leaves its vitest setup file behind: what `git status` would then show is put back.
 */
const keepTree = (dir: string) => {
  const modes = new Map<string, number>()
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) modes.set(path, statSync(path).mode)
    }
  }
  walk(dir)
  return () => {
    for (const [path, mode] of modes)
      if (existsSync(path) && statSync(path).mode !== mode) chmodSync(path, mode)
    for (const name of readdirSync(dir))
      if (/^stryker-setup-\d+\.js$/.test(name) && !modes.has(join(dir, name))) rmSync(join(dir, name))
  }
}

interface Row {
  readonly target: string
  readonly goal: number
  readonly score: number
  readonly counts: Record<string, number>
  readonly seconds: number
}

const rows: Array<Row> = []
const wanted = process.argv.slice(2)
for (const name of wanted) {
  if (!targets.some((t) => t.name === name)) {
    console.error(`mutate: unknown target "${name}" (known: ${targets.map((t) => t.name).join(", ")})`)
    process.exit(2)
  }
}

for (const target of targets) {
  if (wanted.length > 0 && !wanted.includes(target.name)) continue
  const dir = join(root, target.dir)
  if (!existsSync(dir)) {
    console.log(`mutate: ${target.name}: ${target.dir} does not exist yet, skipped`)
    continue
  }
  mkdirSync(dirname(incrementalFileOf(target)), { recursive: true })
  process.chdir(dir)
  const started = performance.now()
  const restore = keepTree(dir)
  const results = await new Stryker(optionsFor(target, dir)).runMutationTest().finally(restore)
  const seconds = (performance.now() - started) / 1000
  const counts: Record<string, number> = {}
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0)
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0)
  rows.push({
    target: slug === undefined ? target.name : `${target.name}/${slug}`,
    goal: target.goal,
    score: valid === 0 ? 100 : (100 * detected) / valid,
    counts,
    seconds,
  })
}

process.chdir(root)
const summary = rows.map((r) => ({
  ...r,
  score: Math.round(r.score * 100) / 100,
  seconds: Math.round(r.seconds),
  met: r.score >= r.goal,
}))
mkdirSync(join(root, "reports", "mutation"), { recursive: true })
writeFileSync(
  join(root, "reports", "mutation", slug === undefined ? "summary.json" : `summary.${slug}.json`),
  `${JSON.stringify(summary, null, 2)}\n`,
)
console.log("\nmutation score per target (killed + timeout) / (killed + timeout + survived + no coverage):")
for (const r of summary) {
  const c = r.counts
  console.log(
    `  ${r.target.padEnd(14)} ${r.score.toFixed(2).padStart(6)} %  goal ${r.goal} %  ${r.met ? "MET" : "MISSED"}  ` +
      `killed ${c.Killed ?? 0}, timeout ${c.Timeout ?? 0}, survived ${c.Survived ?? 0}, no coverage ${c.NoCoverage ?? 0}, ` +
      `compile errors ${c.CompileError ?? 0}, ignored ${c.Ignored ?? 0}  (${r.seconds} s)`,
  )
}
