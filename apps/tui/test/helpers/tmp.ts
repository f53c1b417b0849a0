/** Temporary profile directories, one per test. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach } from "vitest"

export const makeTempDir = (prefix = "soracom-auth-test-"): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * For each test of the file: a fresh temporary folder (`root`) holding a private (0700) `profiles` folder (`dir`),
 * removed after the test. Call at the file's top level; read the fields inside tests.
 */
export const profileDirPerTest = (): { readonly root: string; readonly dir: string } => {
  const current = { root: "", dir: "" }
  let cleanup = () => {}
  beforeEach(() => {
    const tmp = makeTempDir()
    cleanup = tmp.cleanup
    current.root = tmp.dir
    current.dir = join(tmp.dir, "profiles")
    mkdirSync(current.dir, { mode: 0o700 })
  })
  afterEach(() => cleanup())
  return current
}
