/**
 * The sandbox as an Effect service: `SandboxServer.layer(options)` starts a sandbox when the layer is built and
 * closes it when the layer's scope ends.
 *
 * @since 0.1.0
 */
import { Context, Data, Effect, Layer } from "effect"
import { type Sandbox, type SandboxOptions, startSandbox, testSandboxOptions } from "./Sandbox.ts"

/**
 * The sandbox could not start (bad seed, bad option, port in use…).
 *
 * @category errors
 * @since 0.1.0
 */
export class SandboxStartError extends Data.TaggedError("SandboxStartError")<{
  readonly message: string
  readonly cause: unknown
}> {}

/**
 * A running sandbox, provided by {@link SandboxServer.layer}.
 *
 * @category services
 * @since 0.1.0
 */
export class SandboxServer extends Context.Service<SandboxServer, Sandbox>()(
  "@soracom-auth/sandbox/SandboxServer",
) {
  /** A layer providing a running sandbox, closed when the layer's scope ends. */
  static readonly layer = (options?: SandboxOptions): Layer.Layer<SandboxServer, SandboxStartError> =>
    Layer.effect(
      SandboxServer,
      Effect.acquireRelease(
        Effect.tryPromise({
          try: () => startSandbox(options),
          catch: (cause) =>
            new SandboxStartError({
              message: `sandbox did not start: ${(cause as Error)?.message ?? String(cause)}`,
              cause,
            }),
        }),
        (sandbox) => Effect.promise(() => sandbox.close()),
      ),
    )

  /** For tests: the cheapest hash cost, no rate limit, silent log, unless overridden. */
  static readonly layerTest = (options?: SandboxOptions): Layer.Layer<SandboxServer, SandboxStartError> =>
    SandboxServer.layer({ ...testSandboxOptions, ...options })
}
