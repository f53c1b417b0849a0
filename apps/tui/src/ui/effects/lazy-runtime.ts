/**
 * A runtime whose services load on first use (or on `preload()`), so that the first frame does not wait for core,
 * the HTTP client and the profile store to load: the app draws its home screen, then loads them in the background.
 * Effects started before they are ready simply wait for them (and stay interruptible).
 */
import { Effect, type ManagedRuntime } from "effect"
import type { UiRuntime } from "./runtime-context.tsx"
import type { UiServices } from "./services.ts"

/** @category constructors */
export const lazyRuntime = (
  load: () => Promise<ManagedRuntime.ManagedRuntime<UiServices, never>>,
  now: () => number = Date.now,
  subscribeLogs?: UiRuntime["subscribeLogs"],
): UiRuntime & { readonly preload: () => void; readonly dispose: () => Promise<void> } => {
  let loading: Promise<ManagedRuntime.ManagedRuntime<UiServices, never>> | undefined
  const get = () => {
    loading ??= load()
    return loading
  }
  return {
    runFork: (effect) =>
      Effect.runFork(
        Effect.promise(get).pipe(
          Effect.flatMap((runtime) => runtime.contextEffect),
          Effect.flatMap((context) => Effect.provideContext(effect, context)),
        ),
      ),
    now,
    ...(subscribeLogs === undefined ? {} : { subscribeLogs }),
    preload: () => {
      get().catch(() => undefined)
    },
    dispose: async () => {
      if (loading !== undefined) await (await loading).dispose()
    },
  }
}
