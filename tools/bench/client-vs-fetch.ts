/**
 * `SoracomAuth.auth` through `@soracom-auth/http-ky` — and through Effect's `FetchHttpClient` — vs a bare `fetch`
 * POST of the same body, side by side against the same sandbox on loopback (in a child process; cheapest hash
 * cost, rate limit off). The reference is a bare `fetch` without a signal (the cheapest call); the same with a
 * fresh `AbortController` signal (what any cancellable client pays) and ky called directly are printed too, so
 * the gap can be placed: transport library vs core. Effect's `FetchHttpClient` alone (the same POST, body read, no
 * client span, as core sends it) is printed too: what any Effect stack pays before core's own work.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/client-vs-fetch.ts [--seq N] [--conc N] [--calls N]
 *
 * Sequential: median latency per call over N calls (default 2,000) after a warm-up, in alternating blocks so
 * drift and GC hit both sides alike. Concurrent: N calls (default 10,000) at concurrency 64, throughput.
 * Targets: ours ≤ 1.10× bare fetch per call, ≥ 0.90× its throughput.
 */
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed } from "@soracom-auth/sandbox"
import { Effect, Layer, ManagedRuntime } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import ky from "ky"
import { type Row, report } from "./report.ts"
import { numberOption } from "./shared/args.ts"
import { type Call, interleaved, throughput } from "./shared/loops.ts"
import { forkSandbox } from "./shared/sandbox-child.ts"
import { median, percentile } from "./shared/stats.ts"

const sequentialCalls = numberOption("seq", 2_000)
const concurrency = numberOption("conc", 64)
const concurrentCalls = numberOption("calls", 10_000)
const warmup = numberOption("warmup", 500)
const block = 250

const sandbox = await forkSandbox()
const { url } = sandbox

const key = demoSeed.operators[0]!.authKeys![0]!
const request = await Effect.runPromise(
  AuthRequest.fromInput({ credentials: { kind: "authKey", authKeyId: key.authKeyId, authKey: key.authKey } }),
)
const runtimes: Array<ManagedRuntime.ManagedRuntime<SoracomAuth.SoracomAuth, unknown>> = []
const viaCore = async (client: Layer.Layer<HttpClient.HttpClient, unknown>): Promise<Call> => {
  const runtime = ManagedRuntime.make(
    SoracomAuth.layer({ endpoint: Endpoint.url(url) }).pipe(Layer.provide(client)),
  )
  runtimes.push(runtime)
  const service = await runtime.runPromise(SoracomAuth.SoracomAuth.useSync((s) => s))
  return () => runtime.runPromise(service.auth(request))
}

// The same request core sends: same URL, headers and body.
const body = JSON.stringify({ authKeyId: key.authKeyId, authKey: key.authKey, tokenTimeoutSeconds: 86400 })
const headers = { accept: "application/json", "x-soracom-lang": "en", "content-type": "application/json" }

const bare: Call = async () => {
  const response = await fetch(`${url}/auth`, { method: "POST", headers, body })
  const json = (await response.json()) as { apiKey?: string }
  if (response.status !== 200 || json.apiKey === undefined) throw new Error(`bare fetch: ${response.status}`)
  return json
}
const bareSignal: Call = async () => {
  const response = await fetch(`${url}/auth`, {
    method: "POST",
    headers,
    body,
    signal: new AbortController().signal,
  })
  const json = (await response.json()) as { apiKey?: string }
  if (response.status !== 200 || json.apiKey === undefined) throw new Error(`bare fetch: ${response.status}`)
  return json
}
// Effect's HttpClient over fetch, without core: the same request, the body read as text and parsed, and (as
// core does by default) no client span or trace headers.
const effectRuntime = ManagedRuntime.make(FetchHttpClient.layer)
const effectRequest = HttpClientRequest.post(`${url}/auth`).pipe(
  HttpClientRequest.setHeaders(headers),
  HttpClientRequest.bodyText(body, "application/json"),
)
const effectCall = HttpClient.execute(effectRequest).pipe(
  Effect.flatMap((response) =>
    Effect.map(response.text, (text) => {
      const json = JSON.parse(text) as { apiKey?: string }
      if (response.status !== 200 || json.apiKey === undefined)
        throw new Error(`FetchHttpClient: ${response.status}`)
      return json
    }),
  ),
  Effect.provideService(HttpClient.TracerDisabledWhen, () => true),
)
const effectAlone: Call = () => effectRuntime.runPromise(effectCall)
// ky as http-ky configures it (no retry, no throw on status, 10 s timeout), with a signal, body read by ky.
const api = ky.create({ retry: 0, throwHttpErrors: false, timeout: 10_000 })
const kyDirect: Call = () =>
  api.post(`${url}/auth`, { headers, body, signal: new AbortController().signal }).arrayBuffer()

const BARE = "bare fetch"
const BARE_SIGNAL = "bare fetch + signal"
const OURS = "SoracomAuth.auth (http-ky)"
const CORE_FETCH = "SoracomAuth.auth (FetchHttpClient)"
const EFFECT_FETCH = "Effect FetchHttpClient alone"
const calls: Record<string, Call> = {
  [BARE]: bare,
  [BARE_SIGNAL]: bareSignal,
  "ky, as http-ky sets it up": kyDirect,
  [EFFECT_FETCH]: effectAlone,
  [CORE_FETCH]: await viaCore(FetchHttpClient.layer),
  [OURS]: await viaCore(KyHttpClient.layer()),
}
const pad = 36
console.log(`node ${process.version}, sandbox ${url} (child process), hash cost 1, rate limit off`)
await interleaved(calls, warmup, block)
const { samples: seq, cpuPerCall } = await interleaved(calls, sequentialCalls, block)
const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`
console.log(`\nsequential, ${sequentialCalls} calls each (after ${warmup} warm-up), per call:`)
for (const [name, xs] of Object.entries(seq)) {
  console.log(
    `  ${name.padEnd(pad)} median ${fmt(median(xs))}  p90 ${fmt(percentile(xs, 0.9))}  p99 ${fmt(percentile(xs, 0.99))}  client CPU ${cpuPerCall[name]!.toFixed(0)} µs/call`,
  )
}

// Concurrent: alternate twice and keep each side's best, to damp one-off hiccups on a shared machine.
const tput: Record<string, number> = {}
for (let round = 0; round < 2; round++) {
  for (const [name, call] of Object.entries(calls)) {
    tput[name] = Math.max(tput[name] ?? 0, await throughput(call, concurrentCalls, concurrency))
  }
}
console.log(`\nconcurrency ${concurrency}, ${concurrentCalls} calls each (best of 2):`)
for (const [name, t] of Object.entries(tput))
  console.log(`  ${name.padEnd(pad)} ${t.toFixed(0)} calls/s (${(t / tput[BARE]!).toFixed(2)}×)`)

const rows = (side: string, label: string, reference: string): Array<Row> => [
  {
    measure: `per call, sequential (median), ${label}`,
    ours: median(seq[side]!) * 1000,
    reference: median(seq[reference]!) * 1000,
    referenceName: reference,
    unit: "µs",
    target: { at: "most", ratio: 1.1 },
  },
  {
    measure: `throughput, concurrency ${concurrency}, ${label}`,
    ours: tput[side]!,
    reference: tput[reference]!,
    referenceName: reference,
    unit: "calls/s",
    target: { at: "least", ratio: 0.9 },
  },
]
report(`client per call and throughput, node ${process.version}, sandbox in a child process`, [
  ...rows(OURS, "core + http-ky", BARE),
  ...rows(CORE_FETCH, "core + FetchHttpClient", BARE),
  // Any cancellable client hands fetch a signal: the same two stacks against a bare fetch that does too.
  ...rows(OURS, "core + http-ky", BARE_SIGNAL),
  ...rows(CORE_FETCH, "core + FetchHttpClient", BARE_SIGNAL),
])
// Informative: core's own share, over the Effect client it runs on (no target of its own).
console.log(
  `\ncore over Effect's FetchHttpClient alone: per call ${(median(seq[CORE_FETCH]!) / median(seq[EFFECT_FETCH]!)).toFixed(2)}× ` +
    `(+${fmt(median(seq[CORE_FETCH]!) - median(seq[EFFECT_FETCH]!))}, client CPU +${(cpuPerCall[CORE_FETCH]! - cpuPerCall[EFFECT_FETCH]!).toFixed(0)} µs/call), ` +
    `c${concurrency} ${(tput[CORE_FETCH]! / tput[EFFECT_FETCH]!).toFixed(2)}×; Effect's FetchHttpClient alone vs bare fetch: per call ` +
    `${(median(seq[EFFECT_FETCH]!) / median(seq[BARE]!)).toFixed(2)}×, c${concurrency} ${(tput[EFFECT_FETCH]! / tput[BARE]!).toFixed(2)}×`,
)
console.log(
  "(SORACOM's Python client, same kind of loop: 1.14× bare fetch per call — the ≤ 1.10× target is stricter)",
)

for (const runtime of runtimes) await runtime.dispose()
await effectRuntime.dispose()
sandbox.close()
