/**
 * Options: the defaults in one place, validation, and the Config-driven layer.
 */
import { readFileSync } from "node:fs"
import { assert, describe, it } from "@effect/vitest"
import { Config, ConfigProvider, Duration, Effect } from "effect"
import { HttpClient } from "effect/http"
import { KyHttpClient, version } from "../src/index.ts"
import { testServer } from "./helpers/server.ts"

describe("options", () => {
  it("defaults: 10 s per attempt, no total timeout, soracom-auth/<version> User-Agent", () => {
    assert.isTrue(Duration.equals(KyHttpClient.defaults.timeout, Duration.seconds(10)))
    assert.strictEqual(KyHttpClient.defaults.totalTimeout, undefined)
    assert.strictEqual(KyHttpClient.defaults.userAgent, `soracom-auth/${version}`)
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string
    }
    assert.strictEqual(version, pkg.version)
  })

  it.effect("rejects timeouts ky cannot honour with a typed layer error, not a defect", () =>
    Effect.gen(function* () {
      const zero = yield* Effect.flip(KyHttpClient.make({ timeout: 0 }))
      assert.strictEqual(zero._tag, "InvalidOptions")
      assert.strictEqual(zero.option, "timeout")
      const long = yield* HttpClient.HttpClient.pipe(
        Effect.provide(KyHttpClient.layer({ totalTimeout: "30 days" })),
        Effect.flip,
      )
      assert.strictEqual(long._tag, "InvalidOptions")
      assert.strictEqual(long.option, "totalTimeout")
      assert.include(long.message, "totalTimeout must be between 1 ms and 2147483647 ms")
      yield* KyHttpClient.make({ timeout: "Infinity" })
    }),
  )

  it.live("layerConfig reads the options from Config", () =>
    Effect.gen(function* () {
      // never answers: only the configured timeout (not the 10 s default) ends the request; 2 s so that the request
      // reaches the server before it fires on a starved machine
      const server = yield* testServer(() => {})
      const arrived = server.nextRequest()
      const layer = KyHttpClient.layerConfig({
        timeout: Config.Duration("HTTP_TIMEOUT"),
        userAgent: Config.String("HTTP_USER_AGENT"),
      })
      const error = yield* HttpClient.get(server.url).pipe(
        Effect.provide(layer),
        Effect.provide(
          ConfigProvider.layer(
            ConfigProvider.fromUnknown({ HTTP_TIMEOUT: "2 seconds", HTTP_USER_AGENT: "cfg/1" }),
          ),
        ),
        Effect.flip,
      )
      assert.strictEqual((error as { cause?: Error }).cause?.name, "TimeoutError")
      // The server may record the request after the client gave up on a loaded machine: wait for it, don't race it.
      const request = yield* Effect.promise(() => arrived)
      assert.strictEqual(request.headers["user-agent"], "cfg/1")

      const missing = yield* HttpClient.get(server.url).pipe(
        Effect.provide(layer),
        Effect.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({}))),
        Effect.flip,
      )
      assert.strictEqual(missing._tag, "ConfigError")
    }),
  )
})
