/**
 * Profiles wiring: loading, deleting and signing in with a profile run as interruptible effects; Esc goes back.
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useReducer, useRef } from "react"
import type { AppError } from "../../presentation/errors.ts"
import { messages } from "../../presentation/messages.ts"
import { useRuntime, useTask } from "../effects/runtime-context.tsx"
import { type ProfileSignIn, type ProfileSummary, UiProfiles } from "../effects/services.ts"
import { useOnStep } from "../effects/use-on-step.ts"
import type { EndpointChoice, Session } from "../model.ts"
import { signInAs } from "../sign-in/use-sign-in.ts"
import type { SignInPrefill } from "../sign-in/use-sign-in-state.ts"
import { prefillOf, profileEndpoint, requestOf } from "./profile-sign-in.ts"
import { initialProfiles, leavesOnBack, profilesReducer } from "./use-profiles-state.ts"

/** @category hooks */
export const useProfiles = ({
  endpoints,
  onSignedIn,
  onSignInForm,
  onLeave,
}: {
  readonly endpoints: ReadonlyArray<EndpointChoice>
  readonly onSignedIn: (session: Session) => void
  readonly onSignInForm: (prefill: SignInPrefill) => void
  readonly onLeave: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(profilesReducer, initialProfiles)
  const task = useTask()
  /** The credentials last read, to continue in the sign-in form after a failure. */
  const lastRead = useRef<ProfileSignIn | undefined>(undefined)
  const { step } = state
  const now = runtime.now
  const endpointUrlOf = (summary: ProfileSummary) => profileEndpoint(summary, endpoints).baseUrl

  useOnStep(step, (step) => {
    switch (step._tag) {
      case "Loading":
        return task.start(
          UiProfiles.use((p) => p.list),
          {
            onSuccess: (profiles) => dispatch({ _tag: "Loaded", profiles }),
            onFailure: (error) => dispatch({ _tag: "LoadFailed", error, now: now() }),
          },
        )
      case "Deleting":
        return task.start(
          UiProfiles.use((p) => p.remove(step.profile.name)),
          {
            onSuccess: () => dispatch({ _tag: "Deleted" }),
            onFailure: (error) => dispatch({ _tag: "Failed", error, now: now() }),
            onInterrupt: () => dispatch({ _tag: "Interrupted" }),
          },
        )
      case "Reading": {
        const { profile: summary, startAt } = step
        return task.start(
          UiProfiles.use((p) => p.read(summary.name)),
          {
            onSuccess: (profile) => {
              lastRead.current = profile
              onSignInForm(prefillOf(summary, profile, endpoints, startAt))
            },
            onFailure: (error) =>
              dispatch({ _tag: "SignInFailed", error, now: now(), endpointUrl: endpointUrlOf(summary) }),
            onInterrupt: () => dispatch({ _tag: "Interrupted" }),
          },
        )
      }
      case "SigningIn": {
        lastRead.current = undefined
        const name = step.profile.name
        const program = Effect.gen(function* () {
          const profile = yield* UiProfiles.use((p) => p.read(name))
          lastRead.current = profile
          const request = requestOf(profile, endpoints)
          if (request === undefined) {
            return yield* Effect.fail<AppError>({
              _tag: "Unknown",
              message: messages.ui.profiles.incompleteError(name),
            })
          }
          return yield* signInAs(name, request)
        })
        return task.start(program, {
          onSuccess: onSignedIn,
          onFailure: (error) =>
            dispatch({ _tag: "SignInFailed", error, now: now(), endpointUrl: endpointUrlOf(step.profile) }),
          onInterrupt: () => dispatch({ _tag: "Interrupted" }),
        })
      }
    }
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (["SigningIn", "Reading", "Deleting", "Loading"].includes(step._tag)) task.cancel()
    if (step._tag === "Loading") onLeave()
    else if (leavesOnBack(state)) onLeave()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, lastRead, note: task.note }
}
