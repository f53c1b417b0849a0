/**
 * Effect enters the UI here, and only here: one `ManagedRuntime` (or any runner) in a React context, and `useTask`
 * to run one effect at a time from a component — with its fiber interrupted on `cancel()` (Esc) and on unmount.
 */
import { Cause, type Effect, Exit, type Fiber } from "effect"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react"
import type { UiServices } from "./services.ts"

/** @category models */
export interface UiRuntime {
  /** Starts an effect on its own fiber. */
  readonly runFork: <A, E>(effect: Effect.Effect<A, E, UiServices>) => Fiber.Fiber<A, E>
  /** The wall clock (epoch ms); tests pin it. */
  readonly now: () => number
  /** Warnings logged by running effects (e.g. core's retry notices), for the screen that runs them. */
  readonly subscribeLogs?: (listener: (line: string) => void) => () => void
}

const RuntimeContext = createContext<UiRuntime | undefined>(undefined)

/** @category components */
export const RuntimeProvider = ({
  runtime,
  children,
}: {
  readonly runtime: UiRuntime
  readonly children: ReactNode
}) => <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>

/** @category hooks */
export const useRuntime = (): UiRuntime => {
  const runtime = useContext(RuntimeContext)
  if (runtime === undefined) throw new Error("useRuntime: no RuntimeProvider above this component")
  return runtime
}

/** @category models */
export interface TaskHandlers<A, E> {
  readonly onSuccess: (value: A) => void
  readonly onFailure: (error: E | { readonly _tag: "Unknown"; readonly message: string }) => void
  readonly onInterrupt?: () => void
}

/** @category models */
export interface Task {
  readonly running: boolean
  /** The last warning the running effect logged (a retry notice), cleared when it ends. */
  readonly note: string | undefined
  /** Starts an effect (interrupting the one running); its success and error types flow to the handlers. */
  readonly start: <A, E>(effect: Effect.Effect<A, E, UiServices>, handlers: TaskHandlers<A, E>) => void
  /** Interrupts the running effect (its HTTP request is aborted); `onInterrupt` runs when it has stopped. */
  readonly cancel: () => void
}

const defectMessage = (cause: Cause.Cause<unknown>): string => {
  const squashed = Cause.squash(cause)
  return squashed instanceof Error ? squashed.message : String(squashed)
}

/**
 * Runs one effect at a time. Handlers run only while the component is mounted; unmounting interrupts the fiber.
 *
 * @category hooks
 */
export const useTask = (): Task => {
  const runtime = useRuntime()
  const fiber = useRef<Fiber.Fiber<unknown, unknown> | undefined>(undefined)
  const mounted = useRef(true)
  const [running, setRunning] = useState(false)
  const [note, setNote] = useState<string | undefined>(undefined)
  const unsubscribe = useRef<(() => void) | undefined>(undefined)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      unsubscribe.current?.()
      fiber.current?.interruptUnsafe()
    }
  }, [])

  const start = useCallback(
    <A, E>(effect: Effect.Effect<A, E, UiServices>, handlers: TaskHandlers<A, E>) => {
      fiber.current?.interruptUnsafe()
      unsubscribe.current?.()
      setNote(undefined)
      unsubscribe.current = runtime.subscribeLogs?.((line) => {
        if (mounted.current) setNote(line)
      })
      const current = runtime.runFork(effect)
      fiber.current = current
      setRunning(true)
      current.addObserver((exit) => {
        if (fiber.current !== current || !mounted.current) return
        fiber.current = undefined
        unsubscribe.current?.()
        unsubscribe.current = undefined
        setNote(undefined)
        setRunning(false)
        if (Exit.isSuccess(exit)) return handlers.onSuccess(exit.value)
        if (Cause.hasInterruptsOnly(exit.cause)) return handlers.onInterrupt?.()
        const error = Cause.findErrorOption(exit.cause)
        if (error._tag === "Some") return handlers.onFailure(error.value)
        handlers.onFailure({ _tag: "Unknown", message: defectMessage(exit.cause) })
      })
    },
    [runtime],
  )

  const cancel = useCallback(() => {
    fiber.current?.interruptUnsafe()
  }, [])

  return { running, note, start, cancel }
}
