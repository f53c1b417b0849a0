/** Starts N fleet-worker processes and drives them: every worker runs `callers` concurrent `headers()`. */
import { type ChildProcess, fork } from "node:child_process"
import type { WorkerConfig, WorkerReply } from "./fleet-worker.ts"

export interface Fleet {
  readonly workers: ReadonlyArray<ChildProcess>
  /** Each live worker runs `callers` concurrent `headers()`; resolves with their replies. */
  run(callers: number, only?: ReadonlyArray<ChildProcess>): Promise<ReadonlyArray<WorkerReply>>
  [Symbol.asyncDispose](): Promise<void>
}

const reply = (worker: ChildProcess) =>
  new Promise<WorkerReply>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`worker exited (${code ?? signal})`))
    worker.once("exit", onExit)
    worker.once("message", (message) => {
      worker.off("exit", onExit)
      resolve(message as WorkerReply)
    })
  })

export const startFleet = async (size: number, config: WorkerConfig): Promise<Fleet> => {
  const workers = Array.from({ length: size }, () =>
    fork(new URL("./fleet-worker.ts", import.meta.url), {
      env: { ...process.env, FLEET_CONFIG: JSON.stringify(config) },
      // workspace packages through their TypeScript sources, as in the tests
      execArgv: ["--conditions=@soracom-auth/source"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  )
  await Promise.all(workers.map(reply))
  return {
    workers,
    run: (callers, only = workers) =>
      Promise.all(
        only.map((worker) => {
          const answer = reply(worker)
          worker.send({ callers })
          return answer
        }),
      ),
    [Symbol.asyncDispose]: async () => {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.exitCode !== null || worker.signalCode !== null) return resolve()
              worker.once("exit", () => resolve())
              worker.kill("SIGKILL")
            }),
        ),
      )
    },
  }
}
