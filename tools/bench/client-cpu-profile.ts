/**
 * Where the client's CPU goes per `SoracomAuth.auth` over http-ky: N sequential calls against the sandbox (in a
 * child process), run under `--cpu-prof`, then the profile's self time summed per package / per function.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node --conditions=@soracom-auth/source --cpu-prof --cpu-prof-dir=/tmp/prof bench/client-cpu-profile.ts [--calls N]
 *   node bench/client-cpu-profile.ts --summarize /tmp/prof/<file>.cpuprofile
 */
import { readFileSync } from "node:fs"
import { AuthRequest, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed } from "@soracom-auth/sandbox"
import { Effect, Layer, ManagedRuntime } from "effect"
import { numberOption, option } from "./shared/args.ts"
import { forkSandbox } from "./shared/sandbox-child.ts"

interface Node {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: ReadonlyArray<number>
}
interface Profile {
  readonly nodes: ReadonlyArray<Node>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const bucketOf = (url: string): string => {
  if (url === "") return "(native / idle / gc)"
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url)
  if (pnpm) return `${pnpm[2]}/${pnpm[3]!.split("/").slice(-2).join("/")}`
  const ours = /\/(packages|apps|tools)\/(.*)$/.exec(url)
  if (ours) return `${ours[1]}/${ours[2]}`
  return url.replace(/^.*\/lib\//, "node:")
}

const summarize = (file: string) => {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  for (const [i, id] of profile.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const files = new Map<string, number>()
  const fns = new Map<string, number>()
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame
    const bucket = bucketOf(f.url)
    files.set(bucket, (files.get(bucket) ?? 0) + us)
    const fn = `${f.functionName || "(anonymous)"} ${bucket}:${f.lineNumber + 1}`
    fns.set(fn, (fns.get(fn) ?? 0) + us)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n")
  console.log(`self time by file (top 25):\n${top(files, 25)}\n\nby function (top 25):\n${top(fns, 25)}`)
}

const profileFile = option("summarize")
if (profileFile !== undefined) {
  summarize(profileFile)
} else {
  const calls = numberOption("calls", 5_000)
  const sandbox = await forkSandbox()
  const { url } = sandbox
  const key = demoSeed.operators[0]!.authKeys![0]!
  const runtime = ManagedRuntime.make(
    SoracomAuth.layer({ endpoint: Endpoint.url(url) }).pipe(Layer.provide(KyHttpClient.layer())),
  )
  const request = await Effect.runPromise(
    AuthRequest.fromInput({
      credentials: { kind: "authKey", authKeyId: key.authKeyId, authKey: key.authKey },
    }),
  )
  const service = await runtime.runPromise(SoracomAuth.SoracomAuth.useSync((s) => s))
  const start = performance.now()
  const cpu = process.cpuUsage()
  for (let n = 0; n < calls; n++) await runtime.runPromise(service.auth(request))
  const used = process.cpuUsage(cpu)
  console.log(
    `${calls} calls: ${(((performance.now() - start) * 1000) / calls).toFixed(0)} µs/call wall, ${((used.user + used.system) / calls).toFixed(0)} µs/call client CPU`,
  )
  await runtime.dispose()
  sandbox.close()
}
