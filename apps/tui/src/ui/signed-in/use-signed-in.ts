/**
 * Signed-in wiring: Esc goes back (or home), the profile check/save and the server sign-out run as effects.
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useReducer } from "react"
import type { AppError } from "../../presentation/errors.ts"
import { messages } from "../../presentation/messages.ts"
import { Sessions } from "../../session/Sessions.ts"
import { useRuntime, useTask } from "../effects/runtime-context.tsx"
import { UiProfiles } from "../effects/services.ts"
import { useOnStep } from "../effects/use-on-step.ts"
import type { Session } from "../model.ts"
import { initialSignedIn, signedInReducer } from "./use-signed-in-state.ts"

/** @category hooks */
export const useSignedIn = ({
  session,
  startAt,
  onSaved,
  onSwitched,
  onSignedOut,
  onHome,
}: {
  readonly session: Session
  readonly startAt?: "save" | undefined
  /** The session now belongs to the profile it was saved as. */
  readonly onSaved: (session: Session) => void
  /** The switched user's session replaces this one on the screen. */
  readonly onSwitched: (session: Session) => void
  readonly onSignedOut: (text: string) => void
  readonly onHome: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(signedInReducer, startAt, initialSignedIn)
  const task = useTask()
  const { step } = state
  const interrupted = () => dispatch({ _tag: "Interrupted" })
  const fail = (error: AppError) =>
    dispatch({ _tag: "Failed", error, now: runtime.now(), endpointUrl: session.endpoint.baseUrl })

  useOnStep(step, (step) => {
    switch (step._tag) {
      case "CheckingName":
        return task.start(
          UiProfiles.use((p) => p.exists(step.name)),
          {
            onSuccess: (exists) => dispatch({ _tag: "NameChecked", exists }),
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
      case "Saving":
        return task.start(
          UiProfiles.use((p) => p.save(step.name, session).pipe(Effect.as(p.dir))),
          {
            onSuccess: (dir) => {
              onSaved({ ...session, profileName: step.name })
              dispatch({ _tag: "Saved", name: step.name, dir })
            },
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
      case "Switching":
        // the CLI's switch-user path: the session service switches as this profile's cached session
        return task.start(
          Sessions.use((s) =>
            s.switchUser({
              profile: session.profileName,
              operatorId: step.operatorId,
              userName: step.userName,
            }),
          ),
          {
            onSuccess: (cached) => {
              onSwitched({ ...session, cached, switched: true })
              dispatch({ _tag: "Switched", operatorId: step.operatorId, userName: step.userName })
            },
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
      case "SigningOut":
        return task.start(
          Sessions.use((s) => s.signOut(session.profileName, { localOnly: step.localOnly })),
          {
            onSuccess: (result) =>
              onSignedOut(
                result._tag === "RevokedAndRemoved"
                  ? messages.ui.signedIn.signedOut
                  : result._tag === "LocalRemoved"
                    ? messages.ui.signedIn.forgotten
                    : messages.ui.signedIn.signedOutLocally,
              ),
            onFailure: fail,
            onInterrupt: interrupted,
          },
        )
    }
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (step._tag === "Actions") onHome()
    else if (
      step._tag === "SigningOut" ||
      step._tag === "Saving" ||
      step._tag === "CheckingName" ||
      step._tag === "Switching"
    )
      task.cancel()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, note: task.note }
}
