/**
 * Load benchmark of the sandbox's `POST /v1/auth` (root email + password, the scrypt path), side by side with a
 * bare `node:http` server answering a fixed JSON — same load generator (autocannon), same run, loopback only.
 * Cases: bare server, sandbox at the cheapest hash cost (1), sandbox at the default cost (14).
 * Target: sandbox at cost 1 ≥ 0.5× the bare server.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node bench/sandbox-load.ts [--seconds N] [--connections N]
 */
import { parseArgs } from "node:util"
import { Worker } from "node:worker_threads"
import autocannon from "autocannon"

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "3" }, connections: { type: "string", default: "32" } },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)

const body = JSON.stringify({ email: "demo@example.com", password: "demo-root-password" })

interface Case {
  readonly name: string
  readonly data: { kind: "bare" } | { kind: "sandbox"; hashCost: number }
  /** At the default cost each request is one real scrypt on the 4-thread pool: a few connections saturate it. */
  readonly connections: number
}

const cases: ReadonlyArray<Case> = [
  { name: "bare node:http (fixed JSON)", data: { kind: "bare" }, connections },
  { name: "sandbox /auth, hashCost 1 (cheapest)", data: { kind: "sandbox", hashCost: 1 }, connections },
  { name: "sandbox /auth, hashCost 14 (default)", data: { kind: "sandbox", hashCost: 14 }, connections: 4 },
]

const load = (url: string, duration: number, conns: number) =>
  autocannon({
    url,
    method: "POST",
    body,
    headers: { "Content-Type": "application/json" },
    connections: conns,
    duration,
    timeout: 30,
  })

const run = async (c: Case) => {
  const worker = new Worker(new URL("./sandbox-load-server.ts", import.meta.url), { workerData: c.data })
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("message", (m: { url: string }) => resolve(m.url))
    worker.once("error", reject)
  })
  await load(url, 1, c.connections) // warm-up
  const result = await load(url, seconds, c.connections)
  worker.postMessage("close")
  await new Promise((resolve) => worker.once("exit", resolve))
  const ok = result["2xx"]
  const bad = result.non2xx + result.errors + result.timeouts
  return {
    name: `${c.name}, ${c.connections} conn.`,
    rps: result.requests.average,
    p99: result.latency.p99,
    ok,
    bad,
  }
}

const results = []
for (const c of cases) results.push(await run(c))

const [bare, cheap, dflt] = results as [
  (typeof results)[number],
  (typeof results)[number],
  (typeof results)[number],
]
const pad = (s: string, n: number) => s.padEnd(n)
console.log(`\nsandbox load: ${seconds} s per case, loopback, Node ${process.version}`)
for (const r of results) {
  console.log(
    `${pad(r.name, 50)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   ` +
      `2xx ${r.ok}${r.bad > 0 ? `   non-2xx/errors ${r.bad}` : ""}`,
  )
}
const ratioCheap = cheap.rps / bare.rps
const ratioDefault = dflt.rps / bare.rps
console.log(
  `ratio sandbox(cost 1) / bare = ${ratioCheap.toFixed(2)}× (target ≥ 0.50×: ${ratioCheap >= 0.5 ? "met" : "NOT met"})`,
)
console.log(`ratio sandbox(cost 14) / bare = ${ratioDefault.toFixed(3)}×`)
if (cheap.bad > 0 || dflt.bad > 0) process.exitCode = 1
