/**
 * The servers of the sandbox load benchmark, each in its own worker thread (own event loop), so the load
 * generator never shares a thread with the server it measures. `workerData`: `{ kind: "bare" }` or
 * `{ kind: "sandbox", hashCost }`. Posts `{ url }` (the full `/auth` URL) once listening. Messages: `"elu"` →
 * replies `{ active, cpu }` (ms this thread's event loop has been busy so far, and µs of CPU
 * this thread has used — its own, not the thread pool's); `"close"` → closes and exits.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { performance } from "node:perf_hooks"
import { parentPort, workerData } from "node:worker_threads"
import { startSandbox } from "@soracom-auth/sandbox"

const data = workerData as { kind: "bare" } | { kind: "sandbox"; hashCost: number }

/** About the size of a real AuthResponse. */
const fixed = JSON.stringify({
  apiKey: "api-01d22c35-914b-412a-93e9-26ba20dcf2f4",
  operatorId: "OP0000000001",
  token: "x".repeat(330),
})

function onMessage(close: () => void) {
  parentPort?.on("message", (m: string) => {
    if (m === "elu") {
      const cpu = process.threadCpuUsage()
      parentPort?.postMessage({
        active: performance.eventLoopUtilization().active,
        cpu: cpu.user + cpu.system,
      })
    } else close()
  })
}

if (data.kind === "bare") {
  const server = createServer((req, res) => {
    req.resume()
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(fixed) })
      res.end(fixed)
    })
  })
  server.listen(0, "127.0.0.1", () => {
    parentPort?.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/auth` })
  })
  onMessage(() => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  })
} else {
  const sandbox = await startSandbox({ port: 0, hashCost: data.hashCost, rateLimit: false, log: false })
  parentPort?.postMessage({ url: `${sandbox.url}/auth` })
  onMessage(() => {
    void sandbox.close().then(() => process.exit(0))
  })
}
