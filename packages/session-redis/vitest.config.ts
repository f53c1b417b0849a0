import { defineConfig } from "vitest/config"

// The fleet tests run OS processes, redis-server and a sandbox, and wait out short session lifetimes (seconds):
// generous timeouts absorb a loaded machine. Files run one at a time: each starts many processes.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
})
