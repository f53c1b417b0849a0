/**
 * The setup every subprocess test file shares: the app bundled once per file, optionally a sandbox per file (its
 * faults cleared after each test), and a fresh profile directory per test.
 *
 * ```ts
 * const suite = cliSuite({ sandbox: {} })
 * const r = await suite.run(["login", "--endpoint", suite.sandbox.endpoint, …], { stdin })
 * ```
 */
import type { Sandbox, SandboxOptions } from "@soracom-auth/sandbox"
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest"
import { bundleApp, type RunResult, removeBundle, runBin } from "./cli.ts"
import { demo, startTestSandbox } from "./sandbox.ts"
import { makeTempDir } from "./tmp.ts"

export interface CliSuite {
  /** The bundled entry file. */
  readonly entry: string
  /** The file's sandbox (only when one was asked for). */
  readonly sandbox: Sandbox
  /** This test's profile directory. */
  readonly dir: string
  /** Runs the bundled app with this test's profile directory. */
  readonly run: (
    args: ReadonlyArray<string>,
    options?: { readonly env?: Record<string, string | undefined>; readonly stdin?: string },
  ) => Promise<RunResult>
  /** `login` against the sandbox with the demo AuthKey (its secret on stdin, unless `stdin` says otherwise). */
  readonly authKeyLogin: (extra?: ReadonlyArray<string>, stdin?: string) => Promise<RunResult>
}

export const cliSuite = (options: { readonly sandbox?: SandboxOptions } = {}): CliSuite => {
  // Each test runs the app as subprocesses; slow machines need room (no timing is asserted).
  vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 })
  let entry: string | undefined
  let sandbox: Sandbox | undefined
  let tmp: { dir: string; cleanup: () => void } | undefined
  beforeAll(async () => {
    ;[entry, sandbox] = await Promise.all([
      bundleApp(),
      options.sandbox === undefined ? undefined : startTestSandbox(options.sandbox),
    ])
  }, 120_000)
  afterAll(async () => {
    removeBundle(entry)
    await sandbox?.close()
  })
  beforeEach(() => {
    tmp = makeTempDir()
  })
  afterEach(() => {
    sandbox?.faults.clear()
    tmp?.cleanup()
  })
  const defined = <A>(value: A | undefined, what: string): A => {
    if (value === undefined) throw new Error(`cliSuite: no ${what} here`)
    return value
  }
  const suite: CliSuite = {
    get entry() {
      return defined(entry, "bundle")
    },
    get sandbox() {
      return defined(sandbox, "sandbox (pass `sandbox: {}`)")
    },
    get dir() {
      return defined(tmp, "profile directory (outside a test)").dir
    },
    run: (args, runOptions = {}) => runBin(suite.entry, args, { profileDir: suite.dir, ...runOptions }),
    authKeyLogin: (extra = [], stdin = `${demo.authKey}\n`) =>
      suite.run(
        [
          "login",
          "--endpoint",
          suite.sandbox.endpoint,
          "--auth-key-id",
          demo.authKeyId,
          "--auth-key-stdin",
          ...extra,
        ],
        { stdin },
      ),
  }
  return suite
}
