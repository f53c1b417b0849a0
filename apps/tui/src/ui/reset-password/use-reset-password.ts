/**
 * Password reset wiring: Esc goes back a step (or cancels a running request, or leaves), and the two requests run as
 * interruptible effects.
 */
import { useInput } from "ink"
import { useReducer } from "react"
import type { Endpoint } from "../model.ts"
import { useRuntime, useTask } from "../runtime/runtime-context.tsx"
import { UiAuth } from "../runtime/services.ts"
import { useOnStep } from "../runtime/use-on-step.ts"
import { initialReset, leavesOnBack, resetReducer } from "./use-reset-password-state.ts"

/** @category hooks */
export const useResetPassword = ({
  endpoint,
  email,
  onLeave,
}: {
  readonly endpoint: Endpoint
  readonly email?: string | undefined
  readonly onLeave: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(resetReducer, email, initialReset)
  const task = useTask<void, unknown>()
  const { step } = state
  const handlers = (done: () => void) => ({
    onSuccess: done,
    onFailure: (error: unknown) => dispatch({ _tag: "Failed", error: error as never, now: runtime.now() }),
    onInterrupt: () => dispatch({ _tag: "Interrupted" }),
  })

  useOnStep(step, (step) => {
    if (step._tag === "Requesting" && state.email !== undefined) {
      const email = state.email
      task.start(
        UiAuth.use((auth) => auth.requestPasswordReset(endpoint, email)),
        handlers(() => dispatch({ _tag: "Requested" })),
      )
    } else if (step._tag === "Verifying" && state.token !== undefined && state.password !== undefined) {
      const { token, password } = state
      task.start(
        UiAuth.use((auth) => auth.verifyPasswordReset(endpoint, token, password)),
        handlers(() => dispatch({ _tag: "Verified" })),
      )
    }
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (step._tag === "Requesting" || step._tag === "Verifying") task.cancel()
    else if (leavesOnBack(state)) onLeave()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, note: task.note }
}
