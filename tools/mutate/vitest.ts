/**
 * The test files a mutation run uses: `MUTATE_TESTS=test/a.test.ts,test/b.test.ts` (globs relative to the
 * target's directory) narrows a target's `vitest.mutate.config.ts` to the tests that matter for the files being
 * mutated, so Stryker's dry run (every test, once) stays short on a shared machine. Unset: the config's own list.
 */
export const mutateInclude = (defaults: ReadonlyArray<string>): Array<string> => {
  const wanted = process.env.MUTATE_TESTS
  return wanted === undefined || wanted.trim() === ""
    ? [...defaults]
    : wanted
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
}
