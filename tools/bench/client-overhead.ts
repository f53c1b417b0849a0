/**
 * Effect-level overhead of one `SoracomAuth.auth`, without a network: the same call over an in-memory
 * `HttpClient` that answers at once, against the bare cost of that client's `execute` + reading the body. What
 * remains is core's own work per call (validation, encoding, spans, retry schedule, decoding). Prints ours,
 * reference and the difference; informative (no target of its own — it explains `client-vs-fetch.ts`).
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source bench/client-overhead.ts [--calls N]
 */
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import { HttpClient, HttpClientRequest, HttpClientResponse } from "effect/http"
import { numberOption } from "./shared/args.ts"

const calls = numberOption("calls", 20_000)

const answer = JSON.stringify({ apiKey: "api-key", token: "token", operatorId: "OP0012345678" })
const memory = HttpClient.make((request) =>
  Effect.succeed(
    HttpClientResponse.fromWeb(
      request,
      new Response(answer, { status: 200, headers: { "content-type": "application/json" } }),
    ),
  ),
)
const layer = Layer.succeed(HttpClient.HttpClient, memory)
const runtime = ManagedRuntime.make(
  SoracomAuth.layer({ endpoint: Endpoint.url("http://127.0.0.1:9") }).pipe(Layer.provide(layer)),
)
const service = await runtime.runPromise(SoracomAuth.SoracomAuth.useSync((s) => s))
const request = await Effect.runPromise(
  AuthRequest.fromInput({ credentials: { kind: "authKey", authKeyId: "keyId-1", authKey: "secret-1" } }),
)
const raw = HttpClientRequest.post("http://127.0.0.1:9/v1/auth").pipe(
  HttpClientRequest.bodyJsonUnsafe({ authKeyId: "keyId-1", authKey: "secret-1", tokenTimeoutSeconds: 86400 }),
)
const bare = memory.execute(raw).pipe(Effect.flatMap((r) => r.text))

const time = async (effect: Effect.Effect<unknown, unknown>) => {
  const cpu = process.cpuUsage()
  for (let n = 0; n < calls; n++) await runtime.runPromise(effect)
  const used = process.cpuUsage(cpu)
  return (used.user + used.system) / calls
}
const sides = { "in-memory execute + body": bare, "SoracomAuth.auth": service.auth(request) }
const best: Record<string, number> = {}
for (let round = 0; round < 3; round++) {
  for (const [name, effect] of Object.entries(sides))
    best[name] = Math.min(best[name] ?? Infinity, await time(effect))
}
const ours = best["SoracomAuth.auth"]!
const reference = best["in-memory execute + body"]!
console.log(`node ${process.version}, ${calls} calls each, best of 3, CPU µs per call:`)
console.log(`  reference (in-memory execute + body)  ${reference.toFixed(1)} µs`)
console.log(`  ours (SoracomAuth.auth)               ${ours.toFixed(1)} µs`)
console.log(
  `  core's own work per call              ${(ours - reference).toFixed(1)} µs  (ratio ${(ours / reference).toFixed(2)}×)`,
)
await runtime.dispose()
