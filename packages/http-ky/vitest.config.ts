import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

// Real sockets, real timeouts and retry waits (the fault matrix takes seconds per row): vitest's 5 s default
// fails on a loaded 2-core machine. Nothing here asserts on time except the interrupt tests' socket close.
export default defineConfig({
  ...resolveSource,
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
})
