/**
 * Which documented statuses of which path the suite exercised, and the one-line summary.
 */
import { type CheckedPath, documentedStatuses, type LoadedSpecs, operationName } from "./spec.ts"

export interface PathCoverage {
  readonly path: CheckedPath
  readonly documented: ReadonlyArray<string>
  readonly exercised: ReadonlyArray<string>
  readonly missing: ReadonlyArray<string>
  /** Statuses seen that the spec does not document for the path (429, faults' 5xx). */
  readonly extra: ReadonlyArray<string>
}

export class Coverage {
  private readonly seen = new Map<CheckedPath, Set<string>>()
  private readonly specs: LoadedSpecs
  readonly paths: ReadonlyArray<CheckedPath>
  constructor(specs: LoadedSpecs, paths: ReadonlyArray<CheckedPath>) {
    this.specs = specs
    this.paths = paths
    for (const p of paths) this.seen.set(p, new Set())
  }

  hit(path: CheckedPath, status: number): void {
    this.seen.get(path)?.add(String(status))
  }

  report(): ReadonlyArray<PathCoverage> {
    return this.paths.map((path) => {
      const documented = documentedStatuses(this.specs.operation(path))
      const seen = this.seen.get(path) ?? new Set<string>()
      return {
        path,
        documented,
        exercised: documented.filter((s) => seen.has(s)),
        missing: documented.filter((s) => !seen.has(s)),
        extra: [...seen].filter((s) => !documented.includes(s)).sort(),
      }
    })
  }

  totals(): { readonly covered: number; readonly documented: number } {
    const r = this.report()
    return {
      covered: r.reduce((n, p) => n + p.exercised.length, 0),
      documented: r.reduce((n, p) => n + p.documented.length, 0),
    }
  }

  /** A small table, one line per path. */
  table(): string {
    return this.report()
      .map(
        (p) =>
          `  ${operationName(p.path).padEnd(41)} ${p.exercised.length}/${p.documented.length}` +
          `  documented ${p.documented.join(",")}` +
          (p.missing.length > 0 ? `  MISSING ${p.missing.join(",")}` : "") +
          (p.extra.length > 0 ? `  also ${p.extra.join(",")}` : ""),
      )
      .join("\n")
  }
}

export const summaryLine = (s: {
  readonly requests: number
  readonly responses: number
  readonly covered: number
  readonly documented: number
  readonly badRejected: number
  readonly badTotal: number
}): string =>
  `conformance: ${s.requests} requests, ${s.responses} responses validated, statuses covered ` +
  `${s.covered}/${s.documented}, bad inputs ${s.badRejected}/${s.badTotal} rejected before sending`
