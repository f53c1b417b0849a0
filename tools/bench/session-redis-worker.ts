/**
 * One process of the session-redis benchmark's fleet: an AuthSession over http-ky against the sandbox, sharing its
 * session through Redis when `redis` is given, else alone (in-process single-flight only). IPC: `"invalidate"` →
 * forget the session; `{ callers }` → that many concurrent `headers()`, answered with each one's latency (ms).
 */
import { AuthSession, Credentials, Endpoint, RetryPolicy, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { RedisSessionStore } from "@soracom-auth/session-redis"
import { Layer, Logger, ManagedRuntime, Redacted } from "effect"

interface Config {
  readonly sandboxUrl: string
  readonly authKeyId: string
  readonly authKey: string
  readonly redis?: { readonly url: string; readonly password: string }
}
const config = JSON.parse(process.env.BENCH_CONFIG ?? "{}") as Config

const warnings: Array<string> = []
const logger = Logger.make(({ logLevel, message }) => {
  if (logLevel === "Warn" || logLevel === "Error") warnings.push(String(message))
})
const runtime = ManagedRuntime.make(
  AuthSession.layer({
    source: new Credentials.AuthKeyCredentials({
      authKeyId: config.authKeyId,
      authKey: Redacted.make(config.authKey),
    }),
  }).pipe(
    Layer.provide(
      config.redis === undefined
        ? Layer.empty
        : RedisSessionStore.layerNode({
            url: config.redis.url,
            password: Redacted.make(config.redis.password),
          }),
    ),
    Layer.provide(
      SoracomAuth.layer({ endpoint: Endpoint.url(config.sandboxUrl), retryPolicy: RetryPolicy.none }),
    ),
    Layer.provide(KyHttpClient.layer()),
    Layer.provideMerge(Logger.layer([logger])),
  ),
)
const session = await runtime.runPromise(AuthSession.AuthSession.useSync((s) => s))

process.on("message", async (message: "invalidate" | { callers: number }) => {
  if (message === "invalidate") {
    await runtime.runPromise(session.invalidate)
    process.send!({ done: true })
    return
  }
  const start = performance.now()
  const results = await Promise.all(
    Array.from({ length: message.callers }, async () => {
      const headers = await runtime.runPromise(session.headers)
      return { ms: performance.now() - start, apiKey: headers["X-Soracom-API-Key"] }
    }),
  )
  process.send!({
    latencies: results.map((r) => r.ms),
    apiKeys: [...new Set(results.map((r) => r.apiKey))],
    warnings: warnings.splice(0),
  })
})
process.send!({ ready: true })
