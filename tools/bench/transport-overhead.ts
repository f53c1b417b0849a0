/**
 * The transport's own CPU per call, without a network: the same POST through each HTTP layer over an in-memory
 * `fetch` that builds the `Request` (as a real `fetch` does first), reads its body and answers at once. What
 * each layer adds is then its own work — steady on a loaded machine, where the loopback benches are not. Prints
 * µs of CPU per call (best of 5) and what each layer adds to the bare call; informative (it explains
 * `client-vs-fetch.ts`: how much of the gap ky itself sets, and how much core's own work — the last line).
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/transport-overhead.ts [--calls N]
 */
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Effect, Layer, ManagedRuntime } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import ky from "ky"
import { numberOption } from "./shared/args.ts"
import { body, headers, memoryFetch, url, viaClient } from "./shared/memory-auth.ts"

const calls = numberOption("calls", 10_000)

const kyNoTimeout = ky.create({ retry: 0, throwHttpErrors: false, timeout: false, fetch: memoryFetch })
const kyAsHttpKy = ky.create({ retry: 0, throwHttpErrors: false, timeout: 10_000, fetch: memoryFetch })
const fetchLayer = FetchHttpClient.layer.pipe(
  Layer.provide(Layer.succeed(FetchHttpClient.Fetch, memoryFetch)),
)
const kyLayer = KyHttpClient.layer({ fetch: memoryFetch })

const request = await Effect.runPromise(
  AuthRequest.fromInput({ credentials: { kind: "authKey", authKeyId: "keyId-1", authKey: "secret-1" } }),
)
const viaCore = async (layer: Layer.Layer<HttpClient.HttpClient, unknown>) => {
  const runtime = ManagedRuntime.make(
    SoracomAuth.layer({ endpoint: Endpoint.url("http://127.0.0.1:9") }).pipe(Layer.provide(layer)),
  )
  const service = await runtime.runPromise(SoracomAuth.SoracomAuth.useSync((s) => s))
  return () => runtime.runPromise(service.auth(request))
}

const sides: Record<string, () => Promise<unknown>> = {
  fetch: async () => (await memoryFetch(url, { method: "POST", headers, body })).text(),
  "fetch + signal": async () =>
    (await memoryFetch(url, { method: "POST", headers, body, signal: new AbortController().signal })).text(),
  "ky, timeout: false, no signal": () => kyNoTimeout(url, { method: "POST", headers, body }).text(),
  "ky as http-ky (10 s timeout, signal)": () =>
    kyAsHttpKy(url, { method: "POST", headers, body, signal: new AbortController().signal }).arrayBuffer(),
  "Effect FetchHttpClient": viaClient(fetchLayer),
  "http-ky KyHttpClient": viaClient(kyLayer),
  "core + FetchHttpClient": await viaCore(fetchLayer),
  "core + http-ky": await viaCore(kyLayer),
}

const best: Record<string, number> = {}
for (let round = 0; round < 6; round++) {
  for (const [name, call] of Object.entries(sides)) {
    const n = round === 0 ? Math.min(2_000, calls) : calls
    const cpu = process.cpuUsage()
    for (let k = 0; k < n; k++) await call()
    const used = process.cpuUsage(cpu)
    if (round > 0) best[name] = Math.min(best[name] ?? Infinity, (used.user + used.system) / n)
  }
}
console.log(`node ${process.version}, in-memory fetch, ${calls} calls each, best of 5, CPU µs per call:`)
for (const [name, us] of Object.entries(best)) {
  console.log(
    `  ${name.padEnd(38)} ${us.toFixed(1).padStart(6)} µs   +${(us - best.fetch!).toFixed(1)} µs over fetch`,
  )
}
// Core's own work per call: what `SoracomAuth.auth` adds to the HttpClient it runs on.
const over = (ours: string, base: string) => `+${(best[ours]! - best[base]!).toFixed(1)} µs`
console.log(
  `core's own CPU per call: ${over("core + FetchHttpClient", "Effect FetchHttpClient")} over FetchHttpClient, ` +
    `${over("core + http-ky", "http-ky KyHttpClient")} over http-ky`,
)
