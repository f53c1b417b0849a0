/**
 * The benchmarks' sandbox in a child process (`client-sandbox-worker.ts`), so the client under test does not
 * share a thread with the server. Resolves once it listens; `close()` stops it.
 */
import { fork } from "node:child_process"

export const forkSandbox = async (): Promise<{ readonly url: string; readonly close: () => void }> => {
  const child = fork(new URL("../client-sandbox-worker.ts", import.meta.url))
  const { url } = await new Promise<{ url: string }>((resolve) =>
    child.once("message", (message) => resolve(message as { url: string })),
  )
  return { url, close: () => child.send("close") }
}
