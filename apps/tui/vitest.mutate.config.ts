import { defineConfig } from "vitest/config"
import { mutateInclude } from "../../tools/mutate/vitest.ts"
import { resolveSource } from "../../vitest.shared.ts"

// `pnpm mutate tui-profiles` only (tools/mutate/targets.ts): the in-process tests of the profile and session code
// (MUTATE_TESTS narrows them). The subprocess and terminal tests cover the same code from a child process, which
// Stryker cannot attribute.
export default defineConfig({
  ...resolveSource,
  test: {
    include: mutateInclude([
      "test/profiles/**/*.test.ts",
      "test/session/**/*.test.ts",
      "test/ui/live*.test.ts*",
    ]),
    testTimeout: 30_000,
    // One worker that keeps its modules between runs (Stryker switches mutants on at run time).
    isolate: false,
  },
})
