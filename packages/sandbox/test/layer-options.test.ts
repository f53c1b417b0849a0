/**
 * `SandboxServer.layer`'s failure (README: a SandboxStartError whose message says the sandbox did not start and
 * why, with the cause kept) and `layerTest`'s defaults (no rate limit, a silent log) with the caller's options
 * on top.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SandboxServer, SandboxStartError, SeedError } from "../src/index.ts"
import { demo, post } from "./helpers.ts"

const startError = <E>(layer: Layer.Layer<SandboxServer, E>) =>
  Effect.flip(Layer.build(layer).pipe(Effect.scoped))

describe("SandboxServer.layer failures", () => {
  it.live("a bad option: the message is the option's own, after 'sandbox did not start: '", () =>
    Effect.gen(function* () {
      const error = yield* startError(SandboxServer.layer({ hashCost: 0 }))
      assert.instanceOf(error, SandboxStartError)
      const e = error
      assert.strictEqual(
        e.message,
        "sandbox did not start: startSandbox: hashCost must be an integer 1…20, got 0",
      )
      assert.instanceOf(e.cause, RangeError)
    }),
  )

  it.live("a bad seed: the SeedError is the cause, its first line in the message", () =>
    Effect.gen(function* () {
      const error = yield* startError(
        SandboxServer.layerTest({
          seed: { operators: [{ operatorId: "x", email: "a@b.c", password: "p" }] },
        }),
      )
      assert.instanceOf(error.cause, SeedError)
      assert.isTrue(error.message.startsWith("sandbox did not start: Invalid sandbox seed:\n"))
      assert.include(error.message, "operators[0].operatorId")
    }),
  )
})

describe("SandboxServer.layer failures that are not Errors", () => {
  it.live("something else thrown (here by the caller's log, even null) is named as text", () =>
    Effect.gen(function* () {
      for (const thrown of [null, "no log today"]) {
        const error = yield* startError(
          SandboxServer.layerTest({
            host: "0.0.0.0",
            log: () => {
              throw thrown
            },
          }),
        )
        assert.instanceOf(error, SandboxStartError)
        assert.strictEqual(error.message, `sandbox did not start: ${String(thrown)}`)
        assert.strictEqual(error.cause, thrown)
      }
    }),
  )
})

describe("SandboxServer.layerTest", () => {
  it.live("no rate limit: 70 failed sign-ins in a row all answer 401", () =>
    Effect.gen(function* () {
      const sandbox = yield* SandboxServer
      const statuses = new Set<number>()
      for (let i = 0; i < 70; i++)
        statuses.add(
          (yield* Effect.promise(() => post(sandbox, "/auth", { email: demo.email, password: "x" }))).status,
        )
      assert.deepStrictEqual([...statuses], [401])
    }).pipe(Effect.provide(SandboxServer.layerTest())),
  )

  it.live("the caller's options win over its defaults", () =>
    Effect.gen(function* () {
      const sandbox = yield* SandboxServer
      const first = yield* Effect.promise(() => post(sandbox, "/auth", {}))
      const second = yield* Effect.promise(() => post(sandbox, "/auth", {}))
      assert.deepStrictEqual([first.status, second.status], [401, 429])
      assert.deepStrictEqual(
        sandbox.exchanges().map((e) => e.response?.status),
        [401, 429],
      )
    }).pipe(
      Effect.provide(SandboxServer.layerTest({ rateLimit: { limit: 1, windowSeconds: 60 }, record: true })),
    ),
  )
})
