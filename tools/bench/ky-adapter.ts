/**
 * Where `KyHttpClient`'s CPU per call goes, layer by layer, over an in-memory `fetch` (as `transport-overhead.ts`):
 * bare fetch; fetch handed a `Request` (what ky does: fetch must re-wrap it and proxy its body through a
 * `TransformStream`); ky alone, set up and called as http-ky does (same bytes body and headers, the fiber's
 * signal, the `.arrayBuffer()` shortcut); Effect's `FetchHttpClient` (the cost of Effect's `HttpClient` itself);
 * `KyHttpClient`. The last lines split `KyHttpClient`'s cost into fetch, ky, Effect's `HttpClient` and the
 * adapter's own work (what is left). Informative, no target.
 *
 * CPU per call is measured in short blocks, interleaved, and the lowest block is kept (with the 25th percentile):
 * on a loaded machine the best blocks are the ones least disturbed. For a profile, run the direct command with
 * `--cpu-prof` after `node` and `--only KyHttpClient`.
 *
 *   npx -y pnpm@10.34.9 bench ky-adapter [--block N] [--rounds N] [--only NAME,…]
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/ky-adapter.ts
 */
import { KyHttpClient } from "@soracom-auth/http-ky"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import ky from "ky"
import { numberOption, option } from "./shared/args.ts"
import { body, headers, memoryFetch, url, viaClient } from "./shared/memory-auth.ts"

const block = numberOption("block", 300)
const rounds = numberOption("rounds", 40)
const only = option("only")

// What KyHttpClient hands ky for core's request: the body as bytes, its User-Agent added.
const bytes = new TextEncoder().encode(body)
const kyHeaders = { "user-agent": KyHttpClient.defaults.userAgent, ...headers }
const api = ky.create({ retry: 0, throwHttpErrors: false, timeout: 10_000, fetch: memoryFetch })

const FETCH = "fetch"
const FETCH_REQUEST = "fetch(Request)"
const KY = "ky as http-ky calls it"
const EFFECT = "Effect FetchHttpClient"
const OURS = "KyHttpClient"
const sides: Record<string, () => Promise<unknown>> = {
  [FETCH]: async () =>
    (await memoryFetch(url, { method: "POST", headers, body, signal: new AbortController().signal })).text(),
  [FETCH_REQUEST]: async () =>
    (
      await memoryFetch(
        new Request(url, { method: "POST", headers, body, signal: new AbortController().signal }),
      )
    ).text(),
  [KY]: () =>
    api(new URL(url), {
      method: "POST",
      headers: kyHeaders,
      body: bytes,
      signal: new AbortController().signal,
    }).arrayBuffer(),
  [EFFECT]: viaClient(
    FetchHttpClient.layer.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, memoryFetch))),
  ),
  [OURS]: viaClient(KyHttpClient.layer({ fetch: memoryFetch })),
}

const names = Object.keys(sides).filter((name) => only === undefined || only.split(",").includes(name))
const samples: Record<string, Array<number>> = Object.fromEntries(names.map((name) => [name, []]))
for (const name of names) for (let k = 0; k < 500; k++) await sides[name]!()
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    const call = sides[name]!
    const before = process.cpuUsage()
    for (let k = 0; k < block; k++) await call()
    const used = process.cpuUsage(before)
    samples[name]!.push((used.user + used.system) / block)
  }
}
const quantile = (xs: Array<number>, p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!
const best = Object.fromEntries(names.map((name) => [name, quantile(samples[name]!, 0)]))
console.log(
  `node ${process.version}, in-memory fetch, ${rounds} blocks of ${block} calls each, CPU µs per call:`,
)
for (const name of names) {
  const ratio = best[FETCH] === undefined ? "" : `  ${(best[name]! / best[FETCH]).toFixed(2)}× fetch`
  console.log(
    `  ${name.padEnd(26)} best ${best[name]!.toFixed(1).padStart(6)}  p25 ${quantile(samples[name]!, 0.25).toFixed(1).padStart(6)}${ratio}`,
  )
}
if (names.length === Object.keys(sides).length) {
  const [fetchUs, requestUs, kyUs, effectUs, oursUs] = [FETCH, FETCH_REQUEST, KY, EFFECT, OURS].map(
    (n) => best[n]!,
  )
  const part = (label: string, us: number) =>
    console.log(
      `  ${label.padEnd(68)} ${us.toFixed(1).padStart(6)} µs  ${((100 * us) / oursUs!).toFixed(0)}%`,
    )
  console.log(`\n${OURS}, ${oursUs!.toFixed(1)} µs per call, split (best blocks):`)
  part("fetch itself", fetchUs!)
  part("ky (ky alone − fetch)", kyUs! - fetchUs!)
  part("  of which fetch re-wrapping ky's Request (fetch(Request) − fetch)", requestUs! - fetchUs!)
  part("Effect's HttpClient (FetchHttpClient − fetch)", effectUs! - fetchUs!)
  part(
    "the adapter's own work: buffering the body, the rest (what is left)",
    oursUs! - kyUs! - (effectUs! - fetchUs!),
  )
}
