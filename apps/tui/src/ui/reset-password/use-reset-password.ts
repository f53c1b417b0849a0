/**
 * Password reset wiring: Esc goes back a step (or cancels a running request, or leaves), and the two requests run as
 * interruptible effects.
 */
import { useInput } from "ink"
import { useReducer } from "react"
import type { AppError } from "../../presentation/errors.ts"
import { useRuntime, useTask } from "../effects/runtime-context.tsx"
import { PasswordReset } from "../effects/services.ts"
import { useOnStep } from "../effects/use-on-step.ts"
import type { EndpointChoice } from "../model.ts"
import { initialReset, leavesOnBack, resetReducer } from "./use-reset-password-state.ts"

/** @category hooks */
export const useResetPassword = ({
  endpoint,
  email,
  onLeave,
}: {
  readonly endpoint: EndpointChoice
  readonly email?: string | undefined
  readonly onLeave: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(resetReducer, email, initialReset)
  const task = useTask()
  const { step } = state
  const handlers = (done: () => void) => ({
    onSuccess: done,
    onFailure: (error: AppError) =>
      dispatch({ _tag: "Failed", error, now: runtime.now(), endpointUrl: endpoint.baseUrl }),
    onInterrupt: () => dispatch({ _tag: "Interrupted" }),
  })

  useOnStep(step, (step) => {
    if (step._tag === "Requesting" && state.email !== undefined) {
      const email = state.email
      task.start(
        PasswordReset.use((reset) => reset.request(endpoint, email)),
        handlers(() => dispatch({ _tag: "Requested" })),
      )
    } else if (step._tag === "Verifying" && state.token !== undefined && state.password !== undefined) {
      const { token, password } = state
      task.start(
        PasswordReset.use((reset) => reset.verify(endpoint, token, password)),
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
