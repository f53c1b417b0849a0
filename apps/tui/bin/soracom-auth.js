#!/usr/bin/env node
// soracom-auth: runs the esbuild bundle in ../dist (built by `node build.ts`, shipped in the package), so an
// installed copy needs neither TypeScript tooling nor the workspace. The compile cache speeds up later starts.
import module from "node:module"

module.enableCompileCache?.()

try {
  await import("../dist/main.js")
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/main.js")) throw error
  process.stderr.write(
    "soracom-auth: not built — run `npx -y pnpm@10.34.9 --filter soracom-auth build` first\n",
  )
  process.exitCode = 1
}
