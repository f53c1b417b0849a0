/**
 * Where the time goes between a bare `fetch` and `SoracomAuth.auth` over http-ky: the same POST /auth through
 * each layer in turn (bare fetch, ky, Effect's FetchHttpClient, KyHttpClient, core over each), sequentially,
 * reporting the median wall time and the client-side CPU per call (the sandbox runs in a child process).
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/client-profile.ts [--calls N]
 */
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed } from "@soracom-auth/sandbox"
import { Effect, Layer, ManagedRuntime } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import ky from "ky"
import { numberOption } from "./shared/args.ts"
import { forkSandbox } from "./shared/sandbox-child.ts"
import { median } from "./shared/stats.ts"

const calls = numberOption("calls", 1_000)

const sandbox = await forkSandbox()
const { url } = sandbox

const key = demoSeed.operators[0]!.authKeys![0]!
const body = JSON.stringify({ authKeyId: key.authKeyId, authKey: key.authKey, tokenTimeoutSeconds: 86400 })
const headers = { accept: "application/json", "x-soracom-lang": "en", "content-type": "application/json" }
const request = await Effect.runPromise(
  AuthRequest.fromInput({ credentials: { kind: "authKey", authKeyId: key.authKeyId, authKey: key.authKey } }),
)

const api = ky.create({ retry: 0, throwHttpErrors: false, timeout: 10_000 })
const clientRequest = HttpClientRequest.post(`${url}/auth`).pipe(
  HttpClientRequest.setHeaders(headers),
  HttpClientRequest.bodyText(body, "application/json"),
)
const viaClient = (layer: Layer.Layer<HttpClient.HttpClient, unknown>) => {
  const rt = ManagedRuntime.make(layer)
  const effect = Effect.flatMap(HttpClient.execute(clientRequest), (r) => r.json)
  return () => rt.runPromise(effect)
}
const viaCore = async (layer: Layer.Layer<HttpClient.HttpClient, unknown>) => {
  const rt = ManagedRuntime.make(
    SoracomAuth.layer({ endpoint: Endpoint.url(url) }).pipe(Layer.provide(layer)),
  )
  const service = await rt.runPromise(SoracomAuth.SoracomAuth.useSync((s) => s))
  return () => rt.runPromise(service.auth(request))
}

const variants: Record<string, () => Promise<unknown>> = {
  "bare fetch": async () => (await fetch(`${url}/auth`, { method: "POST", headers, body })).json(),
  "ky direct": () => api.post(`${url}/auth`, { headers, body }).json(),
  "HttpClient: FetchHttpClient": viaClient(FetchHttpClient.layer),
  "HttpClient: KyHttpClient": viaClient(KyHttpClient.layer()),
  "core over FetchHttpClient": await viaCore(FetchHttpClient.layer),
  "core over KyHttpClient": await viaCore(KyHttpClient.layer()),
}

for (let round = 0; round < 2; round++) {
  if (round === 1) console.log(`node ${process.version}, ${calls} sequential calls each:`)
  for (const [name, call] of Object.entries(variants)) {
    const wall: Array<number> = []
    const cpu0 = process.cpuUsage()
    for (let n = 0; n < (round === 0 ? 200 : calls); n++) {
      const t = performance.now()
      await call()
      wall.push(performance.now() - t)
    }
    const cpu = process.cpuUsage(cpu0)
    if (round === 1) {
      const cpuPerCall = (cpu.user + cpu.system) / calls
      console.log(
        `  ${name.padEnd(30)} median ${(median(wall) * 1000).toFixed(0).padStart(5)} µs   client CPU ${cpuPerCall.toFixed(0).padStart(5)} µs/call`,
      )
    }
  }
}
sandbox.close()
