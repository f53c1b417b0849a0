/**
 * What the tmux tests share: the shipped bundle (built once per test file into its own folder, so a rebuild of
 * dist/ by anyone else mid-run cannot pull it from under the tests), a recording sandbox, a scratch HOME, and the
 * app opened in a fresh tmux session — each removed when its test (or file) ends.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import {
  demoSeed,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
  testSandboxOptions,
} from "@soracom-auth/sandbox"
import { afterAll, beforeAll, type TestContext } from "vitest"
import { Terminal } from "./tmux.ts"

type Finisher = Pick<TestContext, "onTestFinished">

/** apps/tui: the bundle goes under its `tmp` (git-ignored) so that Ink and React resolve from it. */
export const appDir = fileURLToPath(new URL("../..", import.meta.url))

export const demoOperator = () => demoSeed.operators[0]!
export const demoAuthKey = () => demoOperator().authKeys![0]!

/** Builds the bundle before the file's tests and removes it after them; call at the top of a test file. */
export const shippedBundle = (name: string): (() => string) => {
  const outdir = join(appDir, "tmp", `e2e-${name}-${process.pid}`)
  let bin = ""
  beforeAll(async () => {
    const { buildBundle } = await import("../../build.ts")
    bin = await buildBundle({ outdir })
  }, 120_000)
  afterAll(() => rmSync(outdir, { recursive: true, force: true }))
  return () => bin
}

/** A sandbox on 127.0.0.1 that records every exchange, closed when the test ends. */
export const recordingSandbox = async (ctx: Finisher, options: SandboxOptions = {}): Promise<Sandbox> => {
  const s = await startSandbox({ port: 0, ...testSandboxOptions, record: true, ...options })
  ctx.onTestFinished(() => s.close())
  return s
}

/** A scratch HOME for one test; `profileDir` is its `.soracom`, which `SORACOM_PROFILE_DIR` names. */
export const scratchHome = (ctx: Finisher): { readonly home: string; readonly profileDir: string } => {
  const home = mkdtempSync(join(tmpdir(), "soracom-auth-e2e-"))
  ctx.onTestFinished(() => rmSync(home, { recursive: true, force: true }))
  return { home, profileDir: join(home, ".soracom") }
}

export interface OpenOptions {
  readonly args?: ReadonlyArray<string>
  readonly env?: Readonly<Record<string, string>>
  /** Node's own flags, before the bundle. */
  readonly nodeArgs?: ReadonlyArray<string>
  /** A HOME to share with other processes of the test; a scratch one by default. */
  readonly home?: { readonly home: string; readonly profileDir: string }
  readonly columns?: number
  readonly rows?: number
}

/** The bundle (`bin`) in a fresh tmux session with HOME and SORACOM_PROFILE_DIR set, killed when the test ends. */
export const openApp = (ctx: Finisher, bin: string, options: OpenOptions = {}) => {
  const { home, profileDir } = options.home ?? scratchHome(ctx)
  const t = Terminal.start({
    command: [process.execPath, ...(options.nodeArgs ?? []), bin, ...(options.args ?? [])],
    cwd: appDir,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...(options.rows === undefined ? {} : { rows: options.rows }),
    env: { HOME: home, SORACOM_PROFILE_DIR: profileDir, ...options.env },
  })
  ctx.onTestFinished(() => t.kill())
  return { t, home, profileDir }
}

/**
 * At the method picker: the demo AuthKey typed, up to the review. The wait is on the review's own line: the header
 * shows "› Sign in" on every sign-in screen.
 */
export const enterDemoAuthKey = async (t: Terminal) => {
  await t.waitFor("How do you want to sign in?")
  await t.press("Enter")
  await t.waitFor("AuthKey ID:")
  await t.enter(demoAuthKey().authKeyId)
  await t.waitFor("AuthKey secret:")
  await t.enter(demoAuthKey().authKey)
  await t.waitFor("Token lifetime:")
}

/** At the method picker: signed in with the demo AuthKey; resolves with the signed-in screen. */
export const signInWithDemoAuthKey = async (t: Terminal): Promise<string> => {
  await enterDemoAuthKey(t)
  await t.press("Enter")
  return t.waitFor("Token expires")
}
