import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

export default defineConfig({
  ...resolveSource,
  test: {
    // Real sockets and child processes: generous limits so a loaded CI machine is slow, not red.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
