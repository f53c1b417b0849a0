import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import { SandboxServer } from "../src/index.ts"
import { demo, post } from "./helpers.ts"

describe("SandboxServer (Effect)", () => {
  it.live("provides a running sandbox and closes it when the scope ends", () =>
    Effect.gen(function* () {
      const url = yield* Effect.scoped(
        Effect.gen(function* () {
          const sandbox = yield* SandboxServer
          const r = yield* Effect.promise(() =>
            post(sandbox, "/auth", { email: demo.email, password: demo.password }),
          )
          assert.strictEqual(r.status, 200)
          return sandbox.url
        }).pipe(Effect.provide(SandboxServer.layerTest())),
      )
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      const after = yield* Effect.exit(
        Effect.tryPromise(() => fetch(`${url}/auth`, { method: "POST", body: "{}" })),
      )
      assert.isTrue(Exit.isFailure(after))
    }),
  )

  it.live("fails with SandboxStartError on a bad seed", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(
        Layer.build(
          SandboxServer.layer({ seed: { operators: [{ operatorId: "x", email: "y", password: "z" }] } }),
        ).pipe(Effect.scoped),
      )
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(Layer.build(SandboxServer.layer({ hashCost: 0 })).pipe(Effect.scoped))
      assert.strictEqual(error._tag, "SandboxStartError")
      assert.include(error.message, "hashCost")
    }),
  )
})
