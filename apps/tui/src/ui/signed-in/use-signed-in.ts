/**
 * Signed-in wiring: Esc goes back (or home), the profile check/save and the server sign-out run as effects.
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useReducer } from "react"
import type { Session } from "../model.ts"
import { useRuntime, useTask } from "../runtime/runtime-context.tsx"
import { UiAuth, UiProfiles } from "../runtime/services.ts"
import { useOnStep } from "../runtime/use-on-step.ts"
import { initialSignedIn, signedInReducer } from "./use-signed-in-state.ts"

/** @category hooks */
export const useSignedIn = ({
  session,
  startAt,
  onSignedOut,
  onHome,
}: {
  readonly session: Session
  readonly startAt?: "save" | undefined
  readonly onSignedOut: (text: string) => void
  readonly onHome: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(signedInReducer, startAt, initialSignedIn)
  const task = useTask<unknown, unknown>()
  const { step } = state
  const forgetCached = () =>
    session.profileName === undefined
      ? Effect.void
      : UiProfiles.use((p) => p.cacheSession(session.profileName!, undefined)).pipe(Effect.ignore)
  const interrupted = () => dispatch({ _tag: "Interrupted" })
  const fail = (error: unknown) => dispatch({ _tag: "Failed", error: error as never, now: runtime.now() })

  useOnStep(step, (step) => {
    switch (step._tag) {
      case "CheckingName":
        return task.start(
          UiProfiles.use((p) => p.exists(step.name)),
          {
            onSuccess: (exists) => dispatch({ _tag: "NameChecked", exists: exists === true }),
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
      case "Saving":
        return task.start(
          UiProfiles.use((p) =>
            p.save(step.name, session.request).pipe(
              Effect.tap(() => p.cacheSession(step.name, session).pipe(Effect.ignore)),
              Effect.as(p.dir),
            ),
          ),
          {
            onSuccess: (dir) => dispatch({ _tag: "Saved", name: step.name, dir: String(dir) }),
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
      case "SigningOut":
        return task.start(UiAuth.use((a) => a.signOut(session)).pipe(Effect.tap(forgetCached)), {
          onSuccess: () => onSignedOut("Signed out: SORACOM revoked the API key and token."),
          onFailure: (error) =>
            (error as { _tag?: string })._tag === "AuthFailed"
              ? onSignedOut("Signed out here; SORACOM no longer accepted this session (expired or revoked).")
              : fail(error),
          onInterrupt: interrupted,
        })
    }
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (step._tag === "Actions") onHome()
    else if (step._tag === "SigningOut" || step._tag === "Saving" || step._tag === "CheckingName")
      task.cancel()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, note: task.note }
}
