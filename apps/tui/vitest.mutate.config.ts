import { defineConfig } from "vitest/config"

// `pnpm mutate tui-profiles` only (tools/mutate/targets.ts): the in-process tests of the profile and session code.
// The subprocess and terminal tests cover the same code from a child process, which Stryker cannot attribute.
export default defineConfig({
  test: {
    include: ["test/profiles/**/*.test.ts", "test/runtime/**/*.test.ts", "test/ui/live.test.ts"],
    testTimeout: 30_000,
  },
})
