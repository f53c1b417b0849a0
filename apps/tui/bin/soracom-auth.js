#!/usr/bin/env node
// soracom-auth. Prefers the esbuild bundle (dist/, made by `pnpm build`) for a fast cold start when it is newer
// than every source file (or SORACOM_AUTH_BUNDLE=1); otherwise runs the TypeScript sources through tsx
// (always with SORACOM_AUTH_FROM_SOURCE=1).
import { existsSync, readdirSync, statSync } from "node:fs"
import module from "node:module"
import { fileURLToPath } from "node:url"

module.enableCompileCache?.()

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const bundle = here("../dist/main.js")

const newestUnder = (dir) => {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const m = statSync(`${entry.parentPath}/${entry.name}`).mtimeMs
    if (m > newest) newest = m
  }
  return newest
}

const bundleIsFresh = () => {
  if (process.env.SORACOM_AUTH_FROM_SOURCE === "1" || !existsSync(bundle)) return false
  // SORACOM_AUTH_BUNDLE=1: use the bundle without comparing it with the sources (benchmarks, installed copies)
  if (process.env.SORACOM_AUTH_BUNDLE === "1") return true
  const built = statSync(bundle).mtimeMs
  // In the repository, sources newer than the bundle mean it is stale; installed elsewhere there are none.
  const sources = [
    here("../src"),
    here("../../../packages/core/src"),
    here("../../../packages/http-ky/src"),
    here("../../../packages/sandbox/src"),
  ]
  return sources.every((dir) => newestUnder(dir) <= built)
}

if (bundleIsFresh()) {
  await import(bundle)
} else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("../src/main.ts")
}
