/**
 * Load benchmark of the sandbox's `POST /v1/auth` (root email + password: the scrypt path), side by side with a
 * bare `node:http` server answering a fixed JSON — same load generator (autocannon), same run, loopback only,
 * each server in its own worker thread. The bare server and the sandbox at the cheapest hash cost (1) are
 * measured in alternating 1-second slices, so background load hits both alike; the sandbox at the default cost
 * (14) runs last with a few connections (each request is one real scrypt on the 4-thread pool).
 * Target: sandbox at cost 1 ≥ 0.5× the bare server.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/sandbox-load.ts [--rounds 3] [--connections 32]
 */
import { parseArgs } from "node:util"
import { Worker } from "node:worker_threads"
import autocannon from "autocannon"
import { report } from "./report.ts"

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "32" },
    "default-seconds": { type: "string", default: "3" },
  },
})
const rounds = Number(values.rounds)
const connections = Number(values.connections)
const defaultSeconds = Number(values["default-seconds"])

const body = JSON.stringify({ email: "demo@example.com", password: "demo-root-password" })

type ServerData = { kind: "bare" } | { kind: "sandbox"; hashCost: number }

const startServer = async (data: ServerData) => {
  const worker = new Worker(new URL("./sandbox-load-server.ts", import.meta.url), { workerData: data })
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("message", (m: { url: string }) => resolve(m.url))
    worker.once("error", reject)
  })
  const stop = async () => {
    worker.postMessage("close")
    await new Promise((resolve) => worker.once("exit", resolve))
  }
  /** ms the server's event loop has been busy so far, and µs of CPU its thread has used. */
  const busy = () =>
    new Promise<{ active: number; cpu: number }>((resolve) => {
      worker.once("message", resolve)
      worker.postMessage("elu")
    })
  return { url, stop, busy }
}

type Server = Awaited<ReturnType<typeof startServer>>

interface Tally {
  requests: number
  seconds: number
  bad: number
  p99: Array<number>
  /** ms the server thread was busy. */
  busyMs: number
  /** µs of CPU the server thread used (not counting the thread pool's scrypt). */
  cpuUs: number
}

const slice = async (server: Server, seconds: number, conns: number, tally: Tally) => {
  const before = await server.busy()
  const r = await autocannon({
    url: server.url,
    method: "POST",
    body,
    headers: { "Content-Type": "application/json" },
    connections: conns,
    duration: seconds,
    timeout: 30,
  })
  tally.requests += r["2xx"]
  tally.seconds += seconds
  tally.bad += r.non2xx + r.errors + r.timeouts
  tally.p99.push(r.latency.p99)
  const after = await server.busy()
  tally.busyMs += after.active - before.active
  tally.cpuUs += after.cpu - before.cpu
}

const tally = (): Tally => ({ requests: 0, seconds: 0, bad: 0, p99: [], busyMs: 0, cpuUs: 0 })
const bareT = tally()
const cheapT = tally()
const defaultT = tally()

const bare = await startServer({ kind: "bare" })
const cheap = await startServer({ kind: "sandbox", hashCost: 1 })
// warm-up (JIT, connection pools), not counted
await slice(bare, 1, connections, tally())
await slice(cheap, 1, connections, tally())
for (let i = 0; i < rounds; i++) {
  await slice(bare, 1, connections, bareT)
  await slice(cheap, 1, connections, cheapT)
}
await bare.stop()
await cheap.stop()
const dflt = await startServer({ kind: "sandbox", hashCost: 14 })
await slice(dflt, defaultSeconds, 4, defaultT)
await dflt.stop()

const rps = (t: Tally) => t.requests / t.seconds
/** µs of server event-loop time per answered request (scrypt at cost > 2 runs on the thread pool, not counted). */
const busyPerRequest = (t: Tally) => (t.busyMs * 1000) / Math.max(1, t.requests)
/** µs of server-thread CPU per answered request: unlike the loop's busy time, not inflated by waiting for a core. */
const cpuPerRequest = (t: Tally) => t.cpuUs / Math.max(1, t.requests)
const line = (name: string, t: Tally) =>
  `${name.padEnd(48)} ${rps(t).toFixed(0).padStart(8)} req/s   p99 ≤ ${String(Math.max(...t.p99)).padStart(4)} ms` +
  `   server loop ${busyPerRequest(t).toFixed(0).padStart(5)} µs/req, CPU ${cpuPerRequest(t).toFixed(0).padStart(5)} µs/req${t.bad > 0 ? `   non-2xx/errors ${t.bad}` : ""}`
console.log(
  `\nsandbox load: POST /v1/auth, loopback, Node ${process.version}, ${rounds} alternating 1-s rounds`,
)
console.log(line(`bare node:http (fixed JSON), ${connections} conn.`, bareT))
console.log(line(`sandbox, hashCost 1 (cheapest), ${connections} conn.`, cheapT))
console.log(line(`sandbox, hashCost 14 (default), 4 conn.`, defaultT))
report("sandbox throughput", [
  {
    measure: `sandbox POST /v1/auth, hash cost 1, ${connections} conn.`,
    ours: rps(cheapT),
    reference: rps(bareT),
    referenceName: "bare node:http",
    unit: "req/s",
    target: { at: "least", ratio: 0.5 },
  },
])
console.log(`ratio sandbox(cost 14) / bare = ${(rps(defaultT) / rps(bareT)).toFixed(4)}×`)
console.log(
  `server-side capacity ratio (bare CPU µs/req ÷ sandbox cost-1 CPU µs/req) = ${(cpuPerRequest(bareT) / cpuPerRequest(cheapT)).toFixed(2)}× ` +
    "(what the req/s ratio tends to when the load generator is not the bottleneck; loop busy time gives " +
    `${(busyPerRequest(bareT) / busyPerRequest(cheapT)).toFixed(2)}×)`,
)
if (cheapT.bad > 0 || defaultT.bad > 0) process.exitCode = 1
