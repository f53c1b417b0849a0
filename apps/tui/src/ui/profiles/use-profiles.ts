/**
 * Profiles wiring: loading, deleting and signing in with a profile run as interruptible effects; Esc goes back.
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useReducer, useRef } from "react"
import type { Endpoint, Session } from "../model.ts"
import { useRuntime, useTask } from "../runtime/runtime-context.tsx"
import { type ProfileSignIn, UiAuth, UiProfiles } from "../runtime/services.ts"
import { useOnStep } from "../runtime/use-on-step.ts"
import { cacheUnderProfile, sessionOf } from "../sign-in/use-sign-in.ts"
import type { SignInPrefill } from "../sign-in/use-sign-in-state.ts"
import { prefillOf, requestOf } from "./profile-sign-in.ts"
import { initialProfiles, leavesOnBack, profilesReducer } from "./use-profiles-state.ts"

/** @category hooks */
export const useProfiles = ({
  endpoints,
  onSignedIn,
  onSignInForm,
  onLeave,
}: {
  readonly endpoints: ReadonlyArray<Endpoint>
  readonly onSignedIn: (session: Session) => void
  readonly onSignInForm: (prefill: SignInPrefill) => void
  readonly onLeave: () => void
}) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(profilesReducer, initialProfiles)
  const task = useTask<unknown, unknown>()
  /** The credentials last read, to continue in the sign-in form after a failure. */
  const lastRead = useRef<ProfileSignIn | undefined>(undefined)
  const { step } = state
  const now = runtime.now

  useOnStep(step, (step) => {
    switch (step._tag) {
      case "Loading":
        return task.start(
          UiProfiles.use((p) => p.list),
          {
            onSuccess: (profiles) => dispatch({ _tag: "Loaded", profiles: profiles as never }),
            onFailure: (error) => dispatch({ _tag: "LoadFailed", error: error as never, now: now() }),
          },
        )
      case "Deleting":
        return task.start(
          UiProfiles.use((p) => p.remove(step.profile.name)),
          {
            onSuccess: () => dispatch({ _tag: "Deleted" }),
            onFailure: (error) => dispatch({ _tag: "Failed", error: error as never, now: now() }),
            onInterrupt: () => dispatch({ _tag: "Interrupted" }),
          },
        )
      case "Reading": {
        const { profile: summary, startAt } = step
        return task.start(
          UiProfiles.use((p) => p.read(summary.name)),
          {
            onSuccess: (profile) => {
              lastRead.current = profile as ProfileSignIn
              onSignInForm(prefillOf(summary, lastRead.current, endpoints, startAt))
            },
            onFailure: (error) => dispatch({ _tag: "SignInFailed", error: error as never, now: now() }),
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
            return yield* Effect.fail({
              _tag: "Unknown" as const,
              message: `Profile "${name}" holds no complete credentials; open it in the sign-in form.`,
            })
          }
          const signedIn = yield* UiAuth.use((a) => a.signIn(request))
          const session = sessionOf(request, signedIn, name)
          yield* cacheUnderProfile(session)
          return session
        })
        return task.start(program, {
          onSuccess: (session) => onSignedIn(session as Session),
          onFailure: (error) => dispatch({ _tag: "SignInFailed", error: error as never, now: now() }),
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
