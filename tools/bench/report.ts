/**
 * One way every benchmark reports: per measure, ours, the reference, the ratio, the target and MET / MISSED,
 * side by side in one run (the figures the root README's benchmark table carries).
 */
export interface Row {
  readonly measure: string
  readonly ours: number
  readonly reference: number
  /** What the reference is, e.g. "bare fetch". */
  readonly referenceName: string
  /** The unit of `ours` / `reference`, e.g. "µs", "ms", "calls/s". */
  readonly unit: string
  /** Ratio = ours / reference; the target bounds it: "≤ 1.10" or "≥ 0.90". */
  readonly target: { readonly at: "most" | "least"; readonly ratio: number }
}

const figure = (value: number, unit: string) =>
  `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/** Whether a row meets its target. */
export const met = (row: Row): boolean => {
  const ratio = row.ours / row.reference
  return row.target.at === "most" ? ratio <= row.target.ratio : ratio >= row.target.ratio
}

/** Prints the rows as a Markdown table (pasteable into the README); returns whether every target was met. */
export const report = (title: string, rows: ReadonlyArray<Row>): boolean => {
  console.log(`\n${title}\n`)
  console.log("| measure | ours | reference | ratio | target | verdict |")
  console.log("|---|---|---|---|---|---|")
  for (const row of rows) {
    const ratio = row.ours / row.reference
    console.log(
      `| ${row.measure} | ${figure(row.ours, row.unit)} | ${row.referenceName} ${figure(row.reference, row.unit)} | ` +
        `${ratio.toFixed(2)}× | ${row.target.at === "most" ? "≤" : "≥"} ${row.target.ratio.toFixed(2)}× | ${met(row) ? "MET" : "MISSED"} |`,
    )
  }
  return rows.every(met)
}
