import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

// No test here waits on real time (TestClock throughout); the generous timeout only absorbs CPU contention when
// the whole workspace's suites run in parallel.
export default defineConfig({
  ...resolveSource,
  test: {
    testTimeout: 30_000,
  },
})
