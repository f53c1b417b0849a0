/**
 * The one policy for tests that need an external program (tmux, redis-server, chromium, script): on a developer's
 * machine without it they are skipped; under CI (`CI` set, not "false"/"0") a missing program is a failed test
 * naming it, so a CI machine can never report green while silently skipping what it was meant to run.
 */
import { accessSync, constants } from "node:fs"
import { delimiter, isAbsolute, join } from "node:path"
import { it } from "vitest"

/** Whether `env` says we run under CI (GitHub Actions, GitLab, `.ci/run` all set `CI=true`). */
export const isCI = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const ci = env.CI?.trim().toLowerCase()
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0"
}

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The program's path: itself when absolute, else the first executable of that name on `PATH`. */
export const findTool = (tool: string, env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (isAbsolute(tool)) return isExecutable(tool) ? tool : undefined
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && isExecutable(join(dir, tool))) return join(dir, tool)
  }
  return undefined
}

/** What the suite does about `tool`: run the tests, skip them (local, missing) or fail (CI, missing). */
export const toolDecision = (tool: string, env: NodeJS.ProcessEnv = process.env): "run" | "skip" | "fail" =>
  findTool(tool, env) !== undefined ? "run" : isCI(env) ? "fail" : "skip"

export const missingToolMessage = (tool: string, neededBy: string): string =>
  `${tool} is not installed (not found on PATH) but ${neededBy} need it; under CI a missing tool fails the run ` +
  `instead of skipping those tests — install ${tool}`

/**
 * `describe.runIf(requireTool("tmux", "the terminal end-to-end tests"))(…)`: true when `tool` is there. When it is
 * missing under CI this also registers a failing test `requires <tool>` with a message naming it.
 */
export const requireTool = (tool: string, neededBy: string): boolean => {
  const decision = toolDecision(tool)
  if (decision === "fail") {
    it(`requires ${tool}`, () => {
      throw new Error(missingToolMessage(tool, neededBy))
    })
  }
  return decision === "run"
}
