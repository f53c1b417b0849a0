import { defineConfig } from "vitest/config"
import { mutateInclude } from "../../tools/mutate/vitest.ts"
import { resolveSource } from "../../vitest.shared.ts"

// `pnpm mutate core` only (tools/mutate/targets.ts). Core's tests share no state (TestClock, in-memory HTTP),
// so files run in one worker without isolation: Stryker runs each mutant's covering tests, and a fresh worker
// per test file re-imported Effect every time — most of a mutant's time on a loaded machine.
export default defineConfig({
  ...resolveSource,
  test: {
    include: mutateInclude(["test/**/*.test.ts"]),
    isolate: false,
    testTimeout: 30_000,
  },
})
