import { defineConfig } from "vitest/config"
import { mutateInclude } from "../../tools/mutate/vitest.ts"
import base from "./vitest.config.ts"

// `pnpm mutate` only (tools/mutate/targets.ts): the package's tests, or those MUTATE_TESTS names.
export default defineConfig({
  ...base,
  // One worker that keeps its modules between runs: a mutant is switched on at run time (Stryker's schemata), so
  // re-importing effect, ky and the sources for every mutant only burns the shared CPU.
  test: { ...base.test, include: mutateInclude(["test/**/*.test.ts"]), isolate: false },
})
