/** What `pnpm mutate` mutates: per target, the package directory, the files, the vitest config and the goal. */
export interface Target {
  readonly name: string
  /** Relative to the repository root; a target whose directory does not exist yet is skipped. */
  readonly dir: string
  /** Globs relative to `dir`. */
  readonly mutate: ReadonlyArray<string>
  /** Relative to `dir`; default `vitest.config.ts`. */
  readonly vitestConfig?: string
  /** Mutation score goal, %. */
  readonly goal: number
  /** Added to 3 × a mutant's baseline test time before it counts as a timeout; default 20 s (real sockets). */
  readonly timeoutMS?: number
}

export const targets: ReadonlyArray<Target> = [
  // Core's tests run under the TestClock (no sockets, no real waits): a mutant still running 5 s past 3 × its
  // baseline loops forever — most of them do, in Sanitize's scans.
  {
    name: "core",
    dir: "packages/core",
    mutate: ["src/**/*.ts", "!src/index.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 85,
    timeoutMS: 5_000,
  },
  {
    name: "http-ky",
    dir: "packages/http-ky",
    mutate: ["src/**/*.ts", "!src/index.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 75,
  },
  {
    name: "sandbox",
    dir: "packages/sandbox",
    mutate: ["src/**/*.ts", "!src/index.ts", "!src/bin.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 75,
  },
  {
    name: "client",
    dir: "packages/client",
    mutate: ["src/**/*.ts", "!src/index.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 75,
  },
  {
    name: "session-redis",
    dir: "packages/session-redis",
    mutate: ["src/**/*.ts", "!src/index.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 75,
  },
  {
    // The profile and session files (soracom-cli's format, modes, atomic writes) and the session service,
    // under the in-process tests only (the subprocess tests cannot report which mutant they covered).
    name: "tui-profiles",
    dir: "apps/tui",
    mutate: ["src/profiles/**/*.ts", "!src/profiles/index.ts", "src/session/**/*.ts"],
    vitestConfig: "vitest.mutate.config.ts",
    goal: 85,
  },
]
