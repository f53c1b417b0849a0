/** Runs a TypeScript module of this package in a fresh Node process and reports how it ended. */
import { spawn } from "node:child_process"

export interface Ended {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** Killed by the test because it did not end by itself in time. */
  readonly hung: boolean
}

export interface RunOptions {
  /** The most the whole run may take (a loaded machine starts Node slowly). Default 90 s. */
  readonly timeoutMs?: number
  /** Also hung when still running `ms` after stdout first contains `output` (start-up time does not count). */
  readonly hangAfter?: { readonly output: string; readonly ms: number }
}

export const runModule = (
  file: string,
  env: Readonly<Record<string, string>>,
  options: RunOptions = {},
): Promise<Ended> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@soracom-auth/source", file], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    let hung = false
    const kill = () => {
      hung = true
      child.kill("SIGKILL")
    }
    const timers = [setTimeout(kill, options.timeoutMs ?? 90_000)]
    child.stdout.on("data", (c: Buffer) => {
      const seen = stdout.includes(options.hangAfter?.output ?? "\u0000")
      stdout += c.toString()
      if (options.hangAfter !== undefined && !seen && stdout.includes(options.hangAfter.output))
        timers.push(setTimeout(kill, options.hangAfter.ms))
    })
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString()
    })
    child.on("error", reject)
    child.on("close", (code, signal) => {
      for (const t of timers) clearTimeout(t)
      resolve({ code, signal, stdout, stderr, hung })
    })
  })
