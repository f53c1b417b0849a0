/**
 * Bundle size of a browser app using the library, side by side with the floor any Effect HTTP program pays.
 *
 *   npx -y pnpm@10.34.9 --filter @soracom-auth/tools exec node bench/bundle-size.ts
 *
 * - ours: signs in and keeps a session through `@soracom-auth/core` + `@soracom-auth/http-ky` (AuthSession over
 *   SoracomAuth over KyHttpClient, headers read once);
 * - floor: a minimal Effect program that POSTs JSON with `effect/http`'s FetchHttpClient and decodes the answer
 *   with a Schema (Effect's runtime + Schema + HttpClient, nothing of ours), importing each module from its own
 *   path as core and http-ky do (through the `effect` barrel esbuild keeps whole namespaces: 157 KB instead
 *   of 79 KB for ours when core imported that way);
 * - for information: core over Effect's FetchHttpClient (what http-ky/ky adds), the Promise client.
 * Each is bundled by esbuild (browser, ESM, minified, tree-shaken, from the workspace sources) and gzipped (level
 * 9). Target: ours ≤ 100 KB gzip, or ≤ 1.2× the floor when that is larger. Prints the largest contributors of ours
 * (minified bytes before gzip, from esbuild's metafile).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build, type Metafile } from "esbuild"

const here = fileURLToPath(new URL(".", import.meta.url))

const programs = {
  ours: `
import { AuthSession, Credentials, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Effect, Layer, Redacted } from "effect"

const Live = AuthSession.layer({
  source: new Credentials.AuthKeyCredentials({ authKeyId: "keyId-x", authKey: Redacted.make("secret-x") }),
}).pipe(
  Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.url(location.origin) })),
  Layer.provide(KyHttpClient.layer()),
)
Effect.runPromise(Effect.flatMap(AuthSession.AuthSession, (s) => s.headers).pipe(Effect.provide(Live))).then(
  (headers) => console.log(Object.keys(headers)),
)
`,
  floor: `
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"

const Auth = Schema.Struct({ apiKey: Schema.String, token: Schema.String, operatorId: Schema.String })
const program = Effect.gen(function* () {
  const client = yield* HttpClient.HttpClient
  const request = HttpClientRequest.post(location.origin + "/v1/auth").pipe(
    HttpClientRequest.bodyJsonUnsafe({ authKeyId: "keyId-x", authKey: "secret-x" }),
  )
  const response = yield* client.execute(request)
  return yield* HttpClientResponse.schemaBodyJson(Auth)(response)
})
Effect.runPromise(program.pipe(Effect.provide(FetchHttpClient.layer))).then((a) => console.log(a.operatorId))
`,
  coreFetch: `
import { AuthSession, Credentials, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { Effect, Layer, Redacted } from "effect"
import { FetchHttpClient } from "effect/http"

const Live = AuthSession.layer({
  source: new Credentials.AuthKeyCredentials({ authKeyId: "keyId-x", authKey: Redacted.make("secret-x") }),
}).pipe(
  Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.url(location.origin) })),
  Layer.provide(FetchHttpClient.layer),
)
Effect.runPromise(Effect.flatMap(AuthSession.AuthSession, (s) => s.headers).pipe(Effect.provide(Live))).then(
  (headers) => console.log(Object.keys(headers)),
)
`,
  client: `
import { createSoracomAuth } from "@soracom-auth/client"

const soracom = createSoracomAuth({ endpoint: location.origin, credentials: { authKeyId: "keyId-x", authKey: "secret-x" } })
soracom.headers().then((h) => console.log(Object.keys(h)))
`,
} as const

interface Measured {
  readonly minified: number
  readonly gzip: number
  readonly metafile: Metafile
}

const work = mkdtempSync(join(here, ".bundle-size-"))
const measure = async (name: keyof typeof programs): Promise<Measured> => {
  const dir = join(work, name)
  mkdirSync(dir)
  const entry = join(dir, "entry.ts")
  writeFileSync(entry, programs[name])
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@soracom-auth/source"],
    legalComments: "none",
    metafile: true,
    write: false,
    outfile: join(dir, "out.js"),
    logLevel: "error",
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    metafile: result.metafile,
  }
}

/** Groups an input path by package and, for effect, by its top-level module area (Schema, internal, http, …). */
const groupOf = (input: string): string => {
  const path = relative(join(here, ".."), input).replaceAll("\\", "/")
  const pnpm = path.lastIndexOf("node_modules/")
  if (pnpm === -1) {
    const ws = /packages\/([^/]+)\/src\/(.+)$/.exec(input)
    return ws ? `@soracom-auth/${ws[1]}/${ws[2]}` : path
  }
  const rest = path.slice(pnpm + "node_modules/".length).split("/")
  const pkg = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path)
  if (pkg !== "effect") return pkg
  const inDist = rest.slice(rest.indexOf("dist") + 1)
  if (inDist[0] === "internal") return `effect/internal/${(inDist[1] ?? "").replace(/\.js$/, "")}`
  if (inDist.length > 1) return `effect/${inDist[0]}/${(inDist[1] ?? "").replace(/\.js$/, "")}`
  return `effect/${(inDist[0] ?? "").replace(/\.js$/, "")}`
}

const groups = (metafile: Metafile): Map<string, number> => {
  const output = Object.values(metafile.outputs)[0]
  const sizes = new Map<string, number>()
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {}))
    sizes.set(groupOf(input), (sizes.get(groupOf(input)) ?? 0) + bytesInOutput)
  return sizes
}
const contributors = (metafile: Metafile, top: number) =>
  [...groups(metafile).entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
/** What ours carries beyond the floor: groups larger in ours, by the difference. */
const beyond = (ours: Metafile, floor: Metafile, top: number) => {
  const f = groups(floor)
  return [...groups(ours).entries()]
    .map(([group, bytes]) => [group, bytes - (f.get(group) ?? 0)] as const)
    .filter(([, extra]) => extra > 256)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

try {
  const [ours, floor, coreFetch, client] = [
    await measure("ours"),
    await measure("floor"),
    await measure("coreFetch"),
    await measure("client"),
  ]
  const target = Math.max(100 * 1024, 1.2 * floor.gzip)
  const ratio = ours.gzip / floor.gzip
  const pad = (s: string, n: number) => s.padEnd(n)
  const lines = [
    "bundle size (esbuild, browser, minified; gzip -9)",
    `  ${pad("", 44)}${pad("minified", 12)}gzip`,
    `  ${pad("ours: core + http-ky, AuthSession headers", 44)}${pad(kb(ours.minified), 12)}${kb(ours.gzip)}`,
    `  ${pad("floor: Effect + Schema + HttpClient (fetch)", 44)}${pad(kb(floor.minified), 12)}${kb(floor.gzip)}`,
    `  ${pad("ratio ours / floor", 44)}${pad(`${(ours.minified / floor.minified).toFixed(2)}×`, 12)}${ratio.toFixed(2)}×`,
    `  ${pad("(info) core over Effect's FetchHttpClient", 44)}${pad(kb(coreFetch.minified), 12)}${kb(coreFetch.gzip)}`,
    `  ${pad("(info) Promise client", 44)}${pad(kb(client.minified), 12)}${kb(client.gzip)}`,
    `  target: ours ≤ ${kb(target)} gzip (100 KB, or 1.2× the floor if larger) → ${ours.gzip <= target ? "MET" : "MISSED"}`,
    "",
    "largest contributors of ours (minified bytes, before gzip):",
    ...contributors(ours.metafile, 15).map(([group, bytes]) => `  ${pad(kb(bytes), 10)}${group}`),
    "",
    "what ours adds to the floor (minified bytes, before gzip):",
    ...beyond(ours.metafile, floor.metafile, 15).map(
      ([group, bytes]) => `  ${pad(`+${kb(bytes)}`, 10)}${group}`,
    ),
  ]
  process.stdout.write(`${lines.join("\n")}\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
