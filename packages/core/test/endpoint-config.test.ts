/**
 * `Endpoint.config` reads the environment as soracom-cli does: an empty or blank `SORACOM_ENDPOINT` is no
 * endpoint (a shell's `SORACOM_ENDPOINT=` or a `.env` line left empty), so the coverage decides.
 */
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { Endpoint } from "../src/index.ts"

const read = (env: Record<string, string>) =>
  Effect.provide(Endpoint.config, ConfigProvider.layer(ConfigProvider.fromEnvRecord(env)))

describe("Endpoint.config with a blank SORACOM_ENDPOINT", () => {
  it.effect("spaces only: the coverage (and sandbox) settings apply", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* read({ SORACOM_ENDPOINT: "   " }), Endpoint.coverage("jp"))
      assert.deepStrictEqual(
        yield* read({ SORACOM_ENDPOINT: " \t ", SORACOM_COVERAGE_TYPE: "g", SORACOM_SANDBOX: "true" }),
        Endpoint.coverage("g", { sandbox: true }),
      )
    }),
  )
  it.effect("a URL with surrounding spaces is still the endpoint (resolve trims it)", () =>
    Effect.gen(function* () {
      const endpoint = yield* read({
        SORACOM_ENDPOINT: " http://127.0.0.1:9000 ",
        SORACOM_COVERAGE_TYPE: "g",
      })
      assert.strictEqual(endpoint._tag, "Url")
      assert.strictEqual(Endpoint.resolve(endpoint), "http://127.0.0.1:9000/v1")
    }),
  )
})
