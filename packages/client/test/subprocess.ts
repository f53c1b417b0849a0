/** Runs a TypeScript module of this package in a fresh Node process and reports how it ended. */
import { spawn } from "node:child_process"

export interface Ended {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** Killed by the test because it did not end by itself within the time given. */
  readonly hung: boolean
}

export const runModule = (
  file: string,
  env: Readonly<Record<string, string>>,
  timeoutMs = 30_000,
): Promise<Ended> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@soracom-auth/source", file], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString()
    })
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString()
    })
    let hung = false
    const timer = setTimeout(() => {
      hung = true
      child.kill("SIGKILL")
    }, timeoutMs)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, hung })
    })
  })
