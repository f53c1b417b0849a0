import { defineConfig } from "vitest/config"

// The packed packages, installed with npm outside the workspace: no source condition here on purpose.
// Installs and browsers are slow on a loaded 2-core machine; nothing asserts on time.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
    globalSetup: ["./setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
