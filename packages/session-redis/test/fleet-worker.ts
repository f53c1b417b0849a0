/**
 * One process of a fleet: an AuthSession (http-ky, the sandbox) sharing its session through Redis (or not, when no
 * `redisUrl` is given). Driven over IPC by fleet.ts: `{ callers }` → `{ apiKeys, failures, warnings }`.
 */
import { AuthSession, Credentials, Endpoint, RetryPolicy, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { Layer, Logger, ManagedRuntime, Redacted } from "effect"
import { RedisSessionStore } from "../src/index.ts"

export interface WorkerConfig {
  readonly sandboxUrl: string
  readonly authKeyId: string
  readonly authKey: string
  readonly tokenTimeoutSeconds: number
  /** Seconds before expiry that a session counts as stale (the refresh tests shorten a session's use this way). */
  readonly marginSeconds: number
  /** Refresh by renewing the token (core's default) or by signing in again. */
  readonly renew: boolean
  readonly redis?: {
    readonly url: string
    readonly password: string
    readonly lockTtlMs: number
    readonly retryAfterMs: number
    readonly commandTimeoutMs: number
  }
}

export interface WorkerReply {
  /** Each caller's session: API key and token. */
  readonly sessions: ReadonlyArray<string>
  readonly failures: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<string>
}

const config = JSON.parse(process.env.FLEET_CONFIG ?? "{}") as WorkerConfig
const warnings: Array<string> = []
const logger = Logger.make(({ logLevel, message }) => {
  if (logLevel === "Warn" || logLevel === "Error" || logLevel === "Fatal")
    warnings.push(`${logLevel}: ${Array.isArray(message) ? message.join(" ") : String(message)}`)
})

const session = AuthSession.layer({
  source: new Credentials.AuthKeyCredentials({
    authKeyId: config.authKeyId,
    authKey: Redacted.make(config.authKey),
  }),
  margin: `${config.marginSeconds} seconds`,
  renew: config.renew,
}).pipe(
  Layer.provide(
    SoracomAuth.layer({
      endpoint: Endpoint.url(config.sandboxUrl),
      retryPolicy: RetryPolicy.none,
      tokenTimeoutSeconds: config.tokenTimeoutSeconds,
    }),
  ),
  Layer.provide(KyHttpClient.layer()),
)
const store =
  config.redis === undefined
    ? Layer.empty
    : RedisSessionStore.layerNode({
        url: config.redis.url,
        password: Redacted.make(config.redis.password),
        lockTtl: config.redis.lockTtlMs,
        retryAfter: config.redis.retryAfterMs,
        commandTimeout: config.redis.commandTimeoutMs,
      })
const runtime = ManagedRuntime.make(
  session.pipe(Layer.provide(store), Layer.provideMerge(Logger.layer([logger]))),
)

process.on("message", async (message: { callers: number }) => {
  const results = await Promise.allSettled(
    Array.from({ length: message.callers }, () =>
      runtime.runPromise(AuthSession.AuthSession.use((s) => s.headers)),
    ),
  )
  const reply: WorkerReply = {
    sessions: results.flatMap((r) =>
      r.status === "fulfilled" ? [`${r.value["X-Soracom-API-Key"]} ${r.value["X-Soracom-Token"]}`] : [],
    ),
    failures: results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : [])),
    warnings: [...warnings],
  }
  process.send!(reply)
})
process.send!({ ready: true })
