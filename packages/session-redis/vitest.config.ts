import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

// Real redis-server, sandbox and OS processes, and short session lifetimes waited out (seconds): generous limits so
// a loaded CI machine is slow, not red. Files run one at a time: the fleet tests start many processes.
export default defineConfig({
  ...resolveSource,
  test: {
    testTimeout: 240_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
})
