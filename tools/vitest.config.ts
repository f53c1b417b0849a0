import { configDefaults, defineConfig } from "vitest/config"
import { resolveSource } from "../vitest.shared.ts"

// The boundary tests spawn the checker on workspace copies and conformance drives a sandbox: under a full
// parallel workspace run on 2 cores they can be slow. Nothing here asserts on time.
export default defineConfig({
  ...resolveSource,
  // tools/consumer runs on its own (`pnpm consumer`), against packed tarballs
  test: { testTimeout: 60_000, hookTimeout: 60_000, exclude: [...configDefaults.exclude, "consumer/**"] },
})
