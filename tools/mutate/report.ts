/**
 * The mutation results of a target, read from what is committed: Stryker's incremental files
 * (`tools/mutate/incremental/<target>.json`, then each scoped run's `<target>/<files>.json` for the files its name
 * lists) and the survivors argued equivalent (`tools/mutate/equivalent/<target>.json`). `MUTANTS.md` and the root
 * README's score table are rendered from this, so the figures have one source.
 */
import { existsSync, globSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { type Target, targets } from "./targets.ts"

export interface Mutant {
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
/** A survivor that changes no observable behaviour, and why. */
export interface Equivalent {
  readonly file: string
  readonly mutator: string
  readonly replacement: string
  /** Appears on the line the mutant starts on. */
  readonly code: string
  /** The code the mutant replaces, exactly. */
  readonly original: string
  readonly reason: string
}

export const statuses = ["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "Ignored"] as const
export type Counts = Record<(typeof statuses)[number] | "Equivalent", number>

export interface Survivor {
  readonly file: string
  readonly line: number
  readonly status: string
  readonly mutator: string
  readonly original: string
  readonly replacement: string
  /** Set when the survivor is listed as equivalent. */
  readonly equivalent?: Equivalent
}

export interface TargetResults {
  readonly target: Target
  /** Per mutated file, sorted by path. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly counts: Counts }>
  readonly total: Counts
  readonly survivors: ReadonlyArray<Survivor>
  /** Files the target mutates that no committed run measured. */
  readonly unmeasured: ReadonlyArray<string>
  /** Equivalent entries that match no survivor (killed since, or the code moved). */
  readonly stale: ReadonlyArray<Equivalent>
}

export const root = join(import.meta.dirname, "..", "..")
const incremental = join(root, "tools", "mutate", "incremental")

/** A scoped run's file name lists what it mutated (`Endpoint+internal_status` → src/Endpoint.ts, src/internal/status.ts). */
const mutatedBy = (slug: string): Set<string> =>
  new Set(slug.split("+").map((name) => `src/${name.replace(/_/g, "/")}.ts`))

/** The source a mutant replaces (lines and columns from 1). */
const originalOf = (lines: ReadonlyArray<string>, m: Mutant): string => {
  const { start, end } = m.location
  const span = lines.slice(start.line - 1, end.line)
  if (span.length === 0) return ""
  span[span.length - 1] = (span[span.length - 1] ?? "").slice(0, end.column - 1)
  span[0] = (span[0] ?? "").slice(start.column - 1)
  return span.join("\n")
}

const zero = (): Counts => ({
  Killed: 0,
  Timeout: 0,
  Survived: 0,
  NoCoverage: 0,
  CompileError: 0,
  Ignored: 0,
  Equivalent: 0,
})

/** Stryker's mutation score, %: (killed + timeout) / (killed + timeout + survived + no coverage); leaveOut equivalents. */
export const score = (c: Counts, leaveOut = 0): number | undefined => {
  const detected = c.Killed + c.Timeout
  const valid = detected + c.Survived + c.NoCoverage - leaveOut
  return valid === 0 ? undefined : (100 * detected) / valid
}
export const percent = (n: number | undefined): string => (n === undefined ? "—" : `${n.toFixed(2)} %`)

export const resultsOf = (target: Target): TargetResults => {
  const byFile = new Map<string, { lines: ReadonlyArray<string>; mutants: ReadonlyArray<Mutant> }>()
  const read = (path: string, only?: Set<string>) => {
    const report = JSON.parse(readFileSync(path, "utf8")) as Report
    for (const [file, { source, mutants }] of Object.entries(report.files))
      if (only === undefined || only.has(file)) byFile.set(file, { lines: source.split("\n"), mutants })
    // Stryker leaves out a file it found nothing to mutate in (one that only re-exports): measured, with none.
    for (const file of only ?? []) if (!(file in report.files)) byFile.set(file, { lines: [], mutants: [] })
  }
  // A whole-target run first; each scoped run then for the files it mutated (an incremental file also carries
  // results it was seeded with, for files it did not mutate).
  if (existsSync(join(incremental, `${target.name}.json`))) read(join(incremental, `${target.name}.json`))
  if (existsSync(join(incremental, target.name)))
    for (const f of readdirSync(join(incremental, target.name))
      .filter((f) => f.endsWith(".json"))
      .sort())
      read(join(incremental, target.name, f), mutatedBy(f.replace(/\.json$/, "")))

  // Results for a file the target no longer mutates (moved or deleted since) are dropped.
  const dir = join(root, target.dir)
  const include = target.mutate.filter((g) => !g.startsWith("!"))
  const exclude = target.mutate.filter((g) => g.startsWith("!")).map((g) => g.slice(1))
  const current = new Set(
    existsSync(dir) ? globSync(include, { cwd: dir, exclude }).map((f) => f.split("\\").join("/")) : [],
  )
  for (const file of byFile.keys()) if (!current.has(file)) byFile.delete(file)

  const equivalentFile = join(root, "tools", "mutate", "equivalent", `${target.name}.json`)
  const equivalents: ReadonlyArray<Equivalent> = existsSync(equivalentFile)
    ? JSON.parse(readFileSync(equivalentFile, "utf8"))
    : []
  const used = new Set<Equivalent>()
  const total = zero()
  const files: Array<{ file: string; counts: Counts }> = []
  const survivors: Array<Survivor> = []
  for (const file of [...byFile.keys()].sort()) {
    const { lines, mutants } = byFile.get(file) ?? { lines: [], mutants: [] }
    const counts = zero()
    for (const m of mutants) {
      const status = m.status as keyof Counts
      if (status in counts) {
        counts[status]++
        total[status]++
      }
      if (m.status !== "Survived" && m.status !== "NoCoverage") continue
      const original = originalOf(lines, m)
      const equivalent =
        m.status === "Survived"
          ? equivalents.find(
              (e) =>
                e.file === file &&
                e.mutator === m.mutatorName &&
                e.replacement === m.replacement &&
                e.original === original &&
                (lines[m.location.start.line - 1] ?? "").includes(e.code),
            )
          : undefined
      if (equivalent !== undefined) {
        used.add(equivalent)
        counts.Equivalent++
        total.Equivalent++
      }
      survivors.push({
        file,
        line: m.location.start.line,
        status: m.status,
        mutator: m.mutatorName,
        original,
        replacement: m.replacement ?? "",
        ...(equivalent === undefined ? {} : { equivalent }),
      })
    }
    files.push({ file, counts })
  }
  const unmeasured = [...current].filter((f) => !byFile.has(f)).sort()
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  return { target, files, total, survivors, unmeasured, stale: equivalents.filter((e) => !used.has(e)) }
}

export const allResults = (): ReadonlyArray<TargetResults> => targets.map(resultsOf)

/** Inline code for Markdown: one line, at most 80 characters, backticks that cannot close it early. */
const code = (text: string): string => {
  const line = text.replace(/\s*\n\s*/g, " ")
  const cut = line.length > 80 ? `${line.slice(0, 79)}…` : line
  return cut.includes("`") ? `\`\` ${cut} \`\`` : `\`${cut}\``
}

const fileTable = (r: TargetResults): Array<string> => [
  `| file | ${statuses.join(" | ")} | score | equivalent | score without them |`,
  `|---|${statuses.map(() => "---:").join("|")}|---:|---:|---:|`,
  ...r.files.map(
    ({ file, counts: c }) =>
      `| ${file} | ${statuses.map((s) => c[s]).join(" | ")} | ${percent(score(c))} | ${c.Equivalent} | ${percent(score(c, c.Equivalent))} |`,
  ),
  `| **total** | ${statuses.map((s) => r.total[s]).join(" | ")} | ${percent(score(r.total))} | ${r.total.Equivalent} | ${percent(score(r.total, r.total.Equivalent))} |`,
]

const resultOf = (r: TargetResults): string => {
  const s = score(r.total)
  if (s === undefined) return "not measured"
  const verdict = s >= r.target.goal ? "MET" : "MISSED"
  return r.unmeasured.length === 0 ? verdict : `${verdict} on the files measured`
}

/** The per-target summary: the README's Quality table and the head of MUTANTS.md. */
export const summaryTable = (results: ReadonlyArray<TargetResults>): string =>
  [
    "| target | files measured | killed + timeout / valid | score | equivalent | score without them | open | goal | result |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map((r) => {
      const t = r.total
      const valid = t.Killed + t.Timeout + t.Survived + t.NoCoverage
      const open = r.survivors.filter((s) => s.equivalent === undefined).length
      return `| ${r.target.name} | ${r.files.length} of ${r.files.length + r.unmeasured.length} | ${t.Killed + t.Timeout} / ${valid} | ${percent(score(t))} | ${t.Equivalent} | ${percent(score(t, t.Equivalent))} | ${open} | ${r.target.goal} % | ${resultOf(r)} |`
    }),
  ].join("\n")

export const mutantsMarkdown = (results: ReadonlyArray<TargetResults>): string => {
  const out = [
    "# Surviving mutants",
    "",
    "<!-- Generated by `node tools/mutate/scores.ts --write` from tools/mutate/incremental/ (Stryker's committed",
    "     results) and tools/mutate/equivalent/<target>.json (the reasons): edit those, not this file. -->",
    "",
    "What `pnpm mutate` left alive, and why. An equivalent mutant changes no observable behaviour; its reason is",
    "below. An open one is a gap no test closes yet. Score = (killed + timeout) / (killed + timeout + survived + no",
    "coverage); compile errors (the TypeScript checker) and static mutants (`ignoreStatic`) are not counted. The",
    "second score leaves out the equivalent survivors.",
    "",
    summaryTable(results),
  ]
  for (const r of results) {
    out.push("", `## ${r.target.name} (\`${r.target.dir}\`, goal ${r.target.goal} %)`, "")
    if (r.files.length === 0) {
      out.push("Not measured.")
      continue
    }
    out.push(...fileTable(r))
    if (r.unmeasured.length > 0)
      out.push("", `Not measured: ${r.unmeasured.map((f) => `\`${f}\``).join(", ")}.`)
    const equivalent = r.survivors.filter((s) => s.equivalent !== undefined)
    const open = r.survivors.filter((s) => s.equivalent === undefined)
    if (equivalent.length > 0) {
      out.push("", `### Equivalent (${equivalent.length})`, "")
      for (const s of equivalent)
        out.push(
          `- \`${s.file}:${s.line}\` ${s.mutator} ${code(s.original)} → ${code(s.replacement)}: ${s.equivalent?.reason}`,
        )
    }
    if (open.length > 0) {
      out.push("", `### Open (${open.length})`, "")
      for (const s of open)
        out.push(
          `- \`${s.file}:${s.line}\` ${s.mutator} ${code(s.original)} → ${code(s.replacement)}${s.status === "NoCoverage" ? " (no coverage)" : ""}`,
        )
    }
    if (r.stale.length > 0) {
      out.push("", "Listed as equivalent but no longer a survivor (remove from the list):", "")
      for (const e of r.stale) out.push(`- \`${e.file}\` ${e.mutator} ${code(e.original)} in ${code(e.code)}`)
    }
  }
  return `${out.join("\n")}\n`
}

const start = "<!-- mutation-scores:start (generated: node tools/mutate/scores.ts --write) -->"
const end = "<!-- mutation-scores:end -->"

/** The README with its generated score table replaced (the markers must be there). */
export const withReadmeTable = (readme: string, results: ReadonlyArray<TargetResults>): string => {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md: the markers ${start} … ${end} are missing`)
  return `${readme.slice(0, from + start.length)}\n${summaryTable(results)}\n${readme.slice(to)}`
}
