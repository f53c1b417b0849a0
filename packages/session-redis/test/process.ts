/**
 * One "process" of the store's tests, as layers: an AuthSession signing in with the demo AuthKey at the sandbox (no
 * retries, one-hour tokens), sharing its session through Redis with `options`, logging to `logger`. Each test file
 * makes a ManagedRuntime of it per process (its own Redis connection) and collects the log lines it asserts on.
 */
import { AuthSession, Credentials, Endpoint, RetryPolicy, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed, type Sandbox } from "@soracom-auth/sandbox"
import { Effect, Exit, Layer, Logger, Redacted } from "effect"
import { assert } from "vitest"
import { RedisSessionStore } from "../src/index.ts"
import type { RedisServer } from "./redis-server.ts"

export const demoKey = demoSeed.operators[0]!.authKeys![0]!

/** How many sign-ins (`POST /v1/auth`) the sandbox has answered since its exchanges were last cleared. */
export const signInPosts = (sandbox: Sandbox): number =>
  sandbox.exchanges().filter((e) => e.request.method === "POST" && e.request.path === "/v1/auth").length

export const processLayer = (
  redis: RedisServer,
  sandbox: Sandbox,
  options: Partial<RedisSessionStore.NodeOptions>,
  logger: Logger.Logger<unknown, void>,
) =>
  AuthSession.layer({
    source: new Credentials.AuthKeyCredentials({
      authKeyId: demoKey.authKeyId,
      authKey: Redacted.make(demoKey.authKey),
    }),
  }).pipe(
    Layer.provide(
      RedisSessionStore.layerNode({ url: redis.url, password: Redacted.make(redis.password), ...options }),
    ),
    Layer.provide(
      SoracomAuth.layer({
        endpoint: Endpoint.url(sandbox.url),
        retryPolicy: RetryPolicy.none,
        tokenTimeoutSeconds: 3600,
      }),
    ),
    Layer.provide(KyHttpClient.layer()),
    Layer.provideMerge(Logger.layer([logger])),
  )

/** Builds the store with `strict: true` where it cannot start: the `RedisStoreUnavailable` message it fails with. */
export const strictFailure = async (options: RedisSessionStore.NodeOptions): Promise<string> => {
  const exit = await Effect.runPromiseExit(
    Layer.build(RedisSessionStore.layerNode({ ...options, strict: true })).pipe(Effect.scoped),
  )
  assert.isTrue(Exit.isFailure(exit))
  const error = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error : undefined
  assert.instanceOf(error, RedisSessionStore.RedisStoreUnavailable)
  return (error as Error).message
}
