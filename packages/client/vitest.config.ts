import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

// Every test talks real HTTP to a sandbox on 127.0.0.1 (some in a child process); the generous timeouts absorb a
// loaded shared machine.
export default defineConfig({
  ...resolveSource,
  test: {
    testTimeout: 150_000,
    hookTimeout: 60_000,
  },
})
