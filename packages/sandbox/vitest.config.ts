import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    // Real sockets and child processes: generous limits so a loaded CI machine is slow, not red.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
