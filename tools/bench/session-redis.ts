/**
 * A fleet's cold start with and without `@soracom-auth/session-redis`, side by side in one run: 8 processes × 200
 * concurrent `headers()` on a cold session against one sandbox (in this process; hash cost 1, rate limit off),
 * sharing the session through a local redis-server (password, loopback) — ours — or each process alone with core's
 * in-process single-flight — the reference. Per round every process forgets its session (and the shared one), then
 * all callers start at once; latency is each caller's time to its headers. Rounds alternate between the two fleets.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/session-redis.ts [--rounds N] [--processes N] [--callers N]
 *
 * Targets: ours makes exactly 1 POST /auth per round (the reference 1 per process), with a p99 latency ≤ 1.5× the
 * reference's (waiting for another process's sign-in must not cost much more than signing in oneself).
 */
import { type ChildProcess, fork } from "node:child_process"
import { demoSeed, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { startRedis } from "../../packages/session-redis/test/redis-server.ts"
import { numberOption } from "./shared/args.ts"
import { median, percentile } from "./shared/stats.ts"

const rounds = numberOption("rounds", 5)
const processes = numberOption("processes", 8)
const callers = numberOption("callers", 200)

// A redis-server of our own (loopback, a password, no persistence): the session-redis tests' fixture.
const redisServer = await startRedis()
const { port, password } = redisServer

const sandbox = await startSandbox({ ...testSandboxOptions, record: true })
const key = demoSeed.operators[0]!.authKeys![0]!

interface Reply {
  readonly latencies: ReadonlyArray<number>
  readonly apiKeys: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<string>
}
const next = <A>(worker: ChildProcess) =>
  new Promise<A>((resolve) => worker.once("message", (m) => resolve(m as A)))
const ask = <A>(worker: ChildProcess, message: unknown) => {
  const reply = next<A>(worker)
  worker.send(message as string)
  return reply
}
const startFleet = async (redis: boolean) => {
  const workers = Array.from({ length: processes }, () =>
    fork(new URL("./session-redis-worker.ts", import.meta.url), {
      execArgv: ["--conditions=@soracom-auth/source"],
      env: {
        ...process.env,
        BENCH_CONFIG: JSON.stringify({
          sandboxUrl: sandbox.url,
          authKeyId: key.authKeyId,
          authKey: key.authKey,
          ...(redis ? { redis: { url: `redis://127.0.0.1:${port}`, password } } : {}),
        }),
      },
    }),
  )
  await Promise.all(workers.map(next))
  return workers
}
const fleets = { "with Redis (ours)": await startFleet(true), "without (reference)": await startFleet(false) }

const posts = () =>
  sandbox.exchanges().filter((e) => e.request.method === "POST" && e.request.path === "/v1/auth").length

const results: Record<
  string,
  { auth: Array<number>; p99: Array<number>; p50: Array<number>; keys: Array<number>; warnings: number }
> = {}
for (let round = 0; round < rounds; round++) {
  for (const [name, workers] of Object.entries(fleets)) {
    await Promise.all(workers.map((w) => ask(w, "invalidate")))
    sandbox.clearExchanges()
    const replies = await Promise.all(workers.map((w) => ask<Reply>(w, { callers })))
    const latencies = replies.flatMap((r) => r.latencies)
    const entry = results[name] ?? { auth: [], p99: [], p50: [], keys: [], warnings: 0 }
    results[name] = entry
    entry.auth.push(posts())
    entry.p99.push(percentile(latencies, 0.99))
    entry.p50.push(percentile(latencies, 0.5))
    entry.keys.push(new Set(replies.flatMap((r) => r.apiKeys)).size)
    entry.warnings += replies.reduce((n, r) => n + r.warnings.length, 0)
  }
}

const ours = results["with Redis (ours)"]!
const reference = results["without (reference)"]!
console.log(
  `node ${process.version}; ${processes} processes × ${callers} concurrent headers() on a cold session, ${rounds} rounds each (alternating); sandbox in-process (hash cost 1, rate limit off); redis-server ${port} (loopback, password)\n`,
)
const row = (label: string, a: string, b: string, ratio: string, target: string, met: boolean) =>
  console.log(
    `${label.padEnd(22)} ${a.padStart(10)} ${b.padStart(12)} ${ratio.padStart(8)}  ${target.padEnd(14)} ${met ? "MET" : "MISSED"}`,
  )
console.log(
  `${"".padEnd(22)} ${"ours".padStart(10)} ${"reference".padStart(12)} ${"ratio".padStart(8)}  target`,
)
const authOurs = Math.max(...ours.auth)
const authRef = median(reference.auth)
row(
  "POST /auth per round",
  `${authOurs} (max)`,
  `${authRef}`,
  (authOurs / authRef).toFixed(3),
  "ours = 1",
  ours.auth.every((n) => n === 1),
)
const p99Ours = median(ours.p99)
const p99Ref = median(reference.p99)
row(
  "p99 headers() (median)",
  `${p99Ours.toFixed(1)} ms`,
  `${p99Ref.toFixed(1)} ms`,
  (p99Ours / p99Ref).toFixed(3),
  "≤ 1.5×",
  p99Ours <= 1.5 * p99Ref,
)
row(
  "p50 headers() (median)",
  `${median(ours.p50).toFixed(1)} ms`,
  `${median(reference.p50).toFixed(1)} ms`,
  (median(ours.p50) / median(reference.p50)).toFixed(3),
  "(info)",
  true,
)
row(
  "API keys per round",
  `${Math.max(...ours.keys)} (max)`,
  `${median(reference.keys)}`,
  "",
  "ours = 1",
  ours.keys.every((n) => n === 1),
)
console.log(
  `\nper round — ours /auth ${ours.auth.join(",")}, p99 ${ours.p99.map((x) => x.toFixed(0)).join(",")} ms; reference /auth ${reference.auth.join(",")}, p99 ${reference.p99.map((x) => x.toFixed(0)).join(",")} ms; warnings ours ${ours.warnings}, reference ${reference.warnings}`,
)

for (const w of Object.values(fleets).flat()) w.kill()
await sandbox.close()
await redisServer[Symbol.asyncDispose]() // stops it and removes its folder
