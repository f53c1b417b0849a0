/**
 * Runs `soracom-auth` as a subprocess, the way users and scripts do. Each test file bundles the app once into
 * its own directory (what ships: the esbuild bundle) and runs it with the test's environment, stdin and a
 * temporary profile directory.
 */
import { spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { mkdirSync, rmSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import * as OTPAuth from "otpauth"
import { buildBundle } from "../../build.ts"

export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

const cacheRoot = fileURLToPath(new URL("../../node_modules/.cache/soracom-auth-test/", import.meta.url))

/** Bundles the app into a fresh directory; resolves to the entry file. */
export const bundleApp = async (): Promise<string> => {
  const outdir = `${cacheRoot}${process.pid}-${randomUUID()}`
  mkdirSync(outdir, { recursive: true })
  return buildBundle({ outdir })
}

/** Removes a bundle made by {@link bundleApp}. */
export const removeBundle = (entry: string | undefined): void => {
  if (entry?.startsWith(cacheRoot)) rmSync(dirname(entry), { recursive: true, force: true })
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly stdin?: string
  readonly profileDir: string
  /** Called with everything printed on stdout so far, after each chunk. */
  readonly onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
  /** Called with everything printed on stderr so far, after each chunk. */
  readonly onStderr?: (text: string, child: ReturnType<typeof spawn>) => void
}

/** A minimal, predictable environment: no colour decisions from the developer's shell, a temp HOME. */
export const baseEnv = (profileDir: string): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: profileDir,
  LANG: "C",
  SORACOM_PROFILE_DIR: profileDir,
})

export const runBin = (entry: string, args: ReadonlyArray<string>, options: RunOptions): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...baseEnv(options.profileDir) }
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }
    // A session of its own (setsid), so no controlling terminal: with none of its streams a terminal the CLI would
    // otherwise open the app on the developer's /dev/tty, as fzf does.
    const child = spawn(process.execPath, [entry, ...args], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c
      options.onStdout?.(stdout, child)
    })
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c
      options.onStderr?.(stderr, child)
    })
    child.on("error", reject)
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
    if (options.stdin !== undefined) child.stdin.end(options.stdin)
    else child.stdin.end()
  })

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as SORACOM and the sandbox use. */
export const totp = (secretBase32: string, now = Date.now()): string =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secretBase32), timestamp: now })
