/**
 * `node tools/mutate/scores.ts <target>`: the per-file mutation scores of a target, read from its committed
 * incremental results (`tools/mutate/incremental/<target>.json`, then each scoped run's `<target>/<files>.json` for
 * the files its name lists). Prints a Markdown table: Stryker's mutation score, (killed + timeout) /
 * (killed + timeout + survived + no coverage) — compile errors and ignored (static) mutants are not counted.
 * A second score leaves out the survivors listed as equivalent in `tools/mutate/equivalent/<target>.json` (each
 * entry: file, mutator, the code replaced and its replacement, a piece of the line it starts on, and why the mutant
 * changes no behaviour);
 * a listed mutant that no longer survives, or no longer exists, is reported so the list stays true.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

interface Mutant {
  readonly status: string
  readonly mutatorName: string
  readonly replacement?: string
  readonly location: {
    readonly start: { readonly line: number; readonly column: number }
    readonly end: { readonly line: number; readonly column: number }
  }
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: ReadonlyArray<Mutant> }>
}
interface Equivalent {
  readonly file: string
  readonly mutator: string
  readonly replacement: string
  /** Appears on the line the mutant starts on. */
  readonly code: string
  /** The code the mutant replaces, exactly. */
  readonly original: string
  readonly reason: string
}

const root = join(import.meta.dirname, "..", "..")
const target = process.argv[2] ?? "core"
const dir = join(root, "tools", "mutate", "incremental")
/** A scoped run's file name lists what it mutated (`Endpoint+internal_status` → src/Endpoint.ts, src/internal/status.ts). */
const mutatedBy = (slug: string): Set<string> =>
  new Set(slug.split("+").map((name) => `src/${name.replace(/_/g, "/")}.ts`))

const byFile = new Map<
  string,
  { readonly lines: ReadonlyArray<string>; readonly mutants: ReadonlyArray<Mutant> }
>()
const read = (path: string, only?: Set<string>) => {
  const report = JSON.parse(readFileSync(path, "utf8")) as Report
  for (const [file, { source: text, mutants }] of Object.entries(report.files))
    if (only === undefined || only.has(file)) byFile.set(file, { lines: text.split("\n"), mutants })
}
// A whole-target run first; each scoped run then for the files it mutated (an incremental file also carries
// results it was seeded with, for files it did not mutate).
if (existsSync(join(dir, `${target}.json`))) read(join(dir, `${target}.json`))
if (existsSync(join(dir, target)))
  for (const f of readdirSync(join(dir, target)).filter((f) => f.endsWith(".json")))
    read(join(dir, target, f), mutatedBy(f.replace(/\.json$/, "")))

const equivalentFile = join(root, "tools", "mutate", "equivalent", `${target}.json`)
const equivalents: ReadonlyArray<Equivalent> = existsSync(equivalentFile)
  ? JSON.parse(readFileSync(equivalentFile, "utf8"))
  : []
const used = new Set<Equivalent>()
/** The source a mutant replaces (lines and columns from 1). */
const originalOf = (lines: ReadonlyArray<string>, m: Mutant): string => {
  const { start, end } = m.location
  const span = lines.slice(start.line - 1, end.line)
  if (span.length === 0) return ""
  span[span.length - 1] = (span[span.length - 1] ?? "").slice(0, end.column - 1)
  span[0] = (span[0] ?? "").slice(start.column - 1)
  return span.join("\n")
}
const equivalentOf = (file: string, lines: ReadonlyArray<string>, m: Mutant): Equivalent | undefined =>
  equivalents.find(
    (e) =>
      e.file === file &&
      e.mutator === m.mutatorName &&
      e.replacement === m.replacement &&
      e.original === originalOf(lines, m) &&
      (lines[m.location.start.line - 1] ?? "").includes(e.code),
  )

const statuses = ["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "Ignored"] as const
const total: Record<string, number> = {}
const score = (c: Record<string, number>, leaveOut = 0) => {
  const detected = (c.Killed ?? 0) + (c.Timeout ?? 0)
  const valid = detected + (c.Survived ?? 0) + (c.NoCoverage ?? 0) - leaveOut
  return valid === 0 ? "—" : `${((100 * detected) / valid).toFixed(2)} %`
}
console.log(`| file | ${statuses.join(" | ")} | score | equivalent | score without them |`)
console.log(`|---|${statuses.map(() => "---:").join("|")}|---:|---:|---:|`)
for (const file of [...byFile.keys()].sort()) {
  const { lines, mutants } = byFile.get(file) ?? { lines: [], mutants: [] }
  const c: Record<string, number> = {}
  for (const m of mutants) {
    c[m.status] = (c[m.status] ?? 0) + 1
    total[m.status] = (total[m.status] ?? 0) + 1
    const e = m.status === "Survived" ? equivalentOf(file, lines, m) : undefined
    if (e !== undefined) {
      used.add(e)
      c.Equivalent = (c.Equivalent ?? 0) + 1
      total.Equivalent = (total.Equivalent ?? 0) + 1
    }
  }
  console.log(
    `| ${file} | ${statuses.map((s) => c[s] ?? 0).join(" | ")} | ${score(c)} | ${c.Equivalent ?? 0} | ${score(c, c.Equivalent)} |`,
  )
}
console.log(
  `| **total** | ${statuses.map((s) => total[s] ?? 0).join(" | ")} | ${score(total)} | ${total.Equivalent ?? 0} | ${score(total, total.Equivalent)} |`,
)
for (const e of equivalents)
  if (!used.has(e))
    console.log(
      `\nlisted as equivalent but no such survivor: ${e.file} ${e.mutator} ${e.replacement} in \`${e.code}\``,
    )
