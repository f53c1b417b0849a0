/**
 * `node tools/mutate/scores.ts [target…]`: the per-file mutation scores of each target (all by default) from the
 * committed results, with its open survivors and any equivalent entry that no longer matches (see report.ts).
 * `--write` renders MUTANTS.md and the root README's score table from the same results; `--check` exits 1 when
 * either is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { mutantsMarkdown, percent, resultsOf, root, score, withReadmeTable } from "./report.ts"
import { targets } from "./targets.ts"

const args = process.argv.slice(2)
const names = args.filter((a) => !a.startsWith("--"))
const unknown = names.filter((n) => !targets.some((t) => t.name === n))
if (unknown.length > 0) {
  console.error(`scores: unknown target "${unknown[0]}" (known: ${targets.map((t) => t.name).join(", ")})`)
  process.exit(2)
}

if (args.includes("--write") || args.includes("--check")) {
  const results = targets.map(resultsOf)
  const files = [
    { path: join(root, "MUTANTS.md"), text: mutantsMarkdown(results) },
    {
      path: join(root, "README.md"),
      text: withReadmeTable(readFileSync(join(root, "README.md"), "utf8"), results),
    },
  ]
  const stale = files.filter((f) => readFileSync(f.path, "utf8") !== f.text)
  if (args.includes("--check")) {
    for (const f of stale) console.error(`${f.path} is out of date: run node tools/mutate/scores.ts --write`)
    process.exit(stale.length === 0 ? 0 : 1)
  }
  for (const f of stale) writeFileSync(f.path, f.text)
  console.log(
    stale.length === 0 ? "MUTANTS.md and README.md were up to date" : `wrote ${stale.length} file(s)`,
  )
  process.exit(0)
}

for (const target of targets.filter((t) => names.length === 0 || names.includes(t.name))) {
  const r = resultsOf(target)
  console.log(
    `\n${target.name}: ${percent(score(r.total))} (goal ${target.goal} %), without equivalents ${percent(score(r.total, r.total.Equivalent))}`,
  )
  for (const { file, counts: c } of r.files)
    console.log(
      `  ${file.padEnd(36)} ${percent(score(c)).padStart(9)}  killed ${c.Killed}, timeout ${c.Timeout}, survived ${c.Survived}, no coverage ${c.NoCoverage}, equivalent ${c.Equivalent}`,
    )
  for (const f of r.unmeasured) console.log(`  ${f.padEnd(36)} not measured`)
  const open = r.survivors.filter((s) => s.equivalent === undefined)
  if (open.length > 0) console.log(`  open (${open.length}):`)
  for (const s of open)
    console.log(
      `    ${s.file}:${s.line} ${s.mutator} ${JSON.stringify(s.original.slice(0, 60))} → ${JSON.stringify(s.replacement.slice(0, 60))}${s.status === "NoCoverage" ? " (no coverage)" : ""}`,
    )
  for (const e of r.stale)
    console.log(
      `  listed as equivalent but no such survivor: ${e.file} ${e.mutator} ${e.replacement} in \`${e.code}\``,
    )
}
