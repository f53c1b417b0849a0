/**
 * The dependency direction of the workspace, as data: which project may import what.
 * `core` (the contract, no I/O) ← `adapter` (http-ky, sandbox) ← `library` (client) ← `app` (tui); `tools` may
 * use anything.
 */
export interface Rule {
  readonly name: string
  readonly why: string
  /** A module specifier this project's source may import (relative imports are always allowed). */
  readonly allows: (specifier: string) => boolean
}

const isNodeBuiltin = (s: string) => s.startsWith("node:")
const isWorkspace = (s: string) => s.startsWith("@soracom-auth/")
const isApp = (s: string) => s === "soracom-auth" || s.startsWith("soracom-auth/")

export const rulesByTag: Record<string, ReadonlyArray<Rule>> = {
  "scope:core": [
    {
      name: "core-imports-only-effect",
      why: "packages/core runs anywhere: it may import only `effect` (no HTTP library, no React/Ink, no node: built-ins, no other workspace package)",
      allows: (s) => s === "effect" || s.startsWith("effect/"),
    },
  ],
  "scope:adapter": [
    {
      name: "adapters-depend-only-on-core",
      why: "packages/http-ky and packages/sandbox may depend on @soracom-auth/core, never on each other or on apps",
      allows: (s) => !isWorkspace(s) || s === "@soracom-auth/core" || s.startsWith("@soracom-auth/core/"),
    },
  ],
  "scope:library": [
    {
      name: "libraries-build-on-core-and-http-ky",
      why: "packages built on the adapters (packages/client) may depend on @soracom-auth/core and @soracom-auth/http-ky, never on the sandbox (a server) or apps",
      allows: (s) =>
        !isWorkspace(s) ||
        ["@soracom-auth/core", "@soracom-auth/http-ky"].some((p) => s === p || s.startsWith(`${p}/`)),
    },
  ],
  "scope:app": [],
  "scope:tools": [],
}

/** Per-project extras on top of the tag's rules. */
export const rulesByProject: Record<string, ReadonlyArray<Rule>> = {
  "@soracom-auth/http-ky": [
    {
      name: "http-ky-runs-wherever-fetch-does",
      why: "packages/http-ky imports no node: built-ins, so it runs wherever fetch does",
      allows: (s) => !isNodeBuiltin(s),
    },
  ],
  "@soracom-auth/client": [
    {
      name: "client-runs-in-browsers",
      why: "packages/client imports no node: built-ins, so it runs in browsers, Deno and Bun",
      allows: (s) => !isNodeBuiltin(s),
    },
  ],
}

/** Applies to every project, for every kind of dependency (dev included). */
export const nothingDependsOnApps: Rule = {
  name: "nothing-depends-on-apps",
  why: "apps are leaves: no package or tool depends on apps/*",
  allows: (s) => !isApp(s),
}
