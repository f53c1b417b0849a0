import { defineConfig } from "vitest/config"
import { mutateInclude } from "../../tools/mutate/vitest.ts"
import base from "./vitest.config.ts"

// `pnpm mutate` only (tools/mutate/targets.ts): the package's tests, or those MUTATE_TESTS names.
export default defineConfig({
  ...base,
  test: { ...base.test, include: mutateInclude(["test/**/*.test.ts"]) },
})
