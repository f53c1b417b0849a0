/**
 * `@soracom-auth/client` — an authenticated `GET /v1/operators/{id}` through `soracom.fetch` and `soracom.ky` vs a
 * bare `fetch` with the same two headers (taken once from the client), side by side against the same sandbox
 * on loopback (in a child process). Two more rows split the cost: Effect's `HttpClient` over http-ky with the
 * headers set by hand (the transport alone), and core's `AuthenticatedClient` (what re-sign-in adds to it).
 * Also: 1,000 concurrent `headers()` on a cold client (sign-ins counted).
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/promise-client.ts [--seq N] [--conc N] [--calls N]
 *
 * Sequential: median latency per call over N calls (default 2,000) after a warm-up, in alternating blocks.
 * Concurrent: N calls (default 5,000) at concurrency 64, throughput (best of 2).
 * Targets: soracom.fetch ≤ 1.25× the http-ky transport alone per call and ≥ 0.80× its throughput (what this
 * package and AuthenticatedClient add); ratios to bare fetch printed as well; cold 1,000 headers() → 1 sign-in.
 */
import { createSoracomAuth } from "@soracom-auth/client"
import { AuthenticatedClient, AuthSession, Credentials, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed } from "@soracom-auth/sandbox"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { HttpClient } from "effect/http"
import { numberOption } from "./shared/args.ts"
import { type Call, interleaved, throughput } from "./shared/loops.ts"
import { forkSandbox } from "./shared/sandbox-child.ts"
import { median, percentile } from "./shared/stats.ts"

const sequentialCalls = numberOption("seq", 2_000)
const concurrency = numberOption("conc", 64)
const concurrentCalls = numberOption("calls", 5_000)
const warmup = numberOption("warmup", 300)
const block = 250

const sandbox = await forkSandbox()
const { url } = sandbox
const endpoint = url.replace(/\/v1$/, "")
const operator = demoSeed.operators[0]!
const key = operator.authKeys![0]!
const credentials = { authKeyId: key.authKeyId, authKey: key.authKey }

// Cold start: 1,000 concurrent headers() on a fresh client; the sandbox's recording counts the sign-ins.
const admin = `${endpoint}/_sandbox`
const json = { "content-type": "application/json" }
await fetch(`${admin}/recording`, { method: "PUT", headers: json, body: JSON.stringify({ enabled: true }) })
const cold = createSoracomAuth({ credentials, endpoint })
const coldStart = performance.now()
await Promise.all(Array.from({ length: 1000 }, () => cold.headers()))
const coldMs = performance.now() - coldStart
const recorded = (await (await fetch(`${admin}/exchanges`)).json()) as Array<{ request: { path: string } }>
const signIns = recorded.filter((e) => e.request.path === "/v1/auth").length
await cold.close()
await fetch(`${admin}/recording`, { method: "PUT", headers: json, body: JSON.stringify({ enabled: false }) })
await fetch(`${admin}/exchanges`, { method: "DELETE" })

const soracom = createSoracomAuth({ credentials, endpoint })
const headers = await soracom.headers()
const path = `/operators/${operator.operatorId}`

const runtime = ManagedRuntime.make(
  AuthenticatedClient.layer.pipe(
    Layer.provideMerge(
      AuthSession.layer({
        source: new Credentials.AuthKeyCredentials({ ...credentials, authKey: Redacted.make(key.authKey) }),
      }),
    ),
    Layer.provideMerge(SoracomAuth.layer({ endpoint: Endpoint.url(endpoint) })),
    Layer.provideMerge(KyHttpClient.layer()),
  ),
)
const transport = await runtime.runPromise(HttpClient.HttpClient.useSync((c) => c))
const authenticated = await runtime.runPromise(AuthenticatedClient.AuthenticatedClient.useSync((c) => c))
await runtime.runPromise(Effect.flatMap(AuthSession.AuthSession, (s) => s.get))

const check = (name: string, status: number) => {
  if (status !== 200) throw new Error(`${name}: ${status}`)
}
const calls: Record<string, Call> = {
  "bare fetch + headers": async () => {
    const r = await fetch(`${url}${path}`, { headers })
    check("bare", r.status)
    return r.json()
  },
  "http-ky HttpClient": () =>
    runtime.runPromise(
      Effect.flatMap(transport.get(`${url}${path}`, { headers }), (r) =>
        r.status === 200 ? r.json : Effect.die(r.status),
      ),
    ),
  AuthenticatedClient: () =>
    runtime.runPromise(
      Effect.flatMap(authenticated.get(path), (r) => (r.status === 200 ? r.json : Effect.die(r.status))),
    ),
  "soracom.fetch": async () => {
    const r = await soracom.fetch(path)
    check("soracom.fetch", r.status)
    return r.json()
  },
  "soracom.ky": () => soracom.ky.get(path.slice(1)).json(),
}

console.log(`node ${process.version}, sandbox ${url} (child process), hash cost 1, rate limit off`)
await interleaved(calls, warmup, block)
const { samples: seq } = await interleaved(calls, sequentialCalls, block)
const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`
console.log(`\nsequential, ${sequentialCalls} calls each (after ${warmup} warm-up), per call:`)
for (const [name, xs] of Object.entries(seq))
  console.log(
    `  ${name.padEnd(22)} median ${fmt(median(xs))}  p90 ${fmt(percentile(xs, 0.9))}  p99 ${fmt(percentile(xs, 0.99))}`,
  )

const tput: Record<string, number> = {}
for (let round = 0; round < 2; round++)
  for (const [name, call] of Object.entries(calls))
    tput[name] = Math.max(tput[name] ?? 0, await throughput(call, concurrentCalls, concurrency))
console.log(`\nconcurrency ${concurrency}, ${concurrentCalls} calls each (best of 2):`)
for (const [name, t] of Object.entries(tput)) console.log(`  ${name.padEnd(22)} ${t.toFixed(0)} calls/s`)

const verdict = (ok: boolean) => (ok ? "MET" : "MISSED")
console.log(`\n${"".padEnd(52)} ours      reference   ratio    target   verdict`)
const row = (name: string, reference: string, target?: { perCall: number; throughput: number }) => {
  const perCall = median(seq[name]!) / median(seq[reference]!)
  const through = tput[name]! / tput[reference]!
  const label = `${name} vs ${reference}`
  console.log(
    `  ${`${label}, per call`.padEnd(50)} ${fmt(median(seq[name]!)).padEnd(9)} ${fmt(median(seq[reference]!)).padEnd(11)} ${perCall.toFixed(2)}×    ${target ? `≤ ${target.perCall.toFixed(2)}×   ${verdict(perCall <= target.perCall)}` : "—"}`,
  )
  console.log(
    `  ${`${label}, throughput`.padEnd(50)} ${tput[name]!.toFixed(0).padEnd(9)} ${tput[reference]!.toFixed(0).padEnd(11)} ${through.toFixed(2)}×    ${target ? `≥ ${target.throughput.toFixed(2)}×   ${verdict(through >= target.throughput)}` : "—"}`,
  )
}
const target = { perCall: 1.25, throughput: 0.8 }
row("AuthenticatedClient", "http-ky HttpClient", target)
row("soracom.fetch", "http-ky HttpClient", target)
row("soracom.ky", "http-ky HttpClient", target)
row("http-ky HttpClient", "bare fetch + headers")
row("soracom.fetch", "bare fetch + headers")
console.log(
  `  ${"cold: 1,000 concurrent headers(), sign-ins".padEnd(50)} ${String(signIns).padEnd(9)} ${"1".padEnd(11)} ${"".padEnd(8)} = 1      ${verdict(signIns === 1)}  (all resolved in ${coldMs.toFixed(0)} ms)`,
)

await soracom.close()
await runtime.dispose()
sandbox.close()
