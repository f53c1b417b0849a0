/**
 * Sign-in wiring: keys (Esc goes back one step, or cancels a running request), and the request itself, run on its
 * own fiber through the app's runtime so that Esc interrupts it (the HTTP request is aborted).
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useEffect, useReducer } from "react"
import type { Errors } from "../core.ts"
import type { Endpoint, Session, SignInRequest } from "../model.ts"
import { prefillOf } from "../profiles/profile-sign-in.ts"
import { useRuntime, useTask } from "../runtime/runtime-context.tsx"
import { type ProfileSignIn, type SignedIn, UiAuth, UiProfiles } from "../runtime/services.ts"
import { useOnStep } from "../runtime/use-on-step.ts"
import { initialSignIn, type SignInPrefill, signInReducer } from "./use-sign-in-state.ts"

/** @category constructors */
export const sessionOf = (request: SignInRequest, signedIn: SignedIn, profileName?: string): Session => ({
  method: request.method,
  operatorId: signedIn.operatorId,
  ...(signedIn.userName === undefined ? {} : { userName: signedIn.userName }),
  apiKey: signedIn.apiKey,
  token: signedIn.token,
  expiresAt: signedIn.expiresAt,
  endpoint: request.endpoint,
  request,
  ...(profileName === undefined ? {} : { profileName }),
})

/**
 * A session that belongs to a profile is cached under it (best effort: a cache that cannot be written never fails
 * the sign-in).
 *
 * @category effects
 */
export const cacheUnderProfile = (session: Session) =>
  session.profileName === undefined
    ? Effect.void
    : UiProfiles.use((p) => p.cacheSession(session.profileName!, session)).pipe(Effect.ignore)

/** What the Sign-in screen is given (the screen passes it on to {@link useSignIn}). @category models */
export interface SignInProps {
  readonly endpoints: ReadonlyArray<Endpoint>
  readonly prefill?: SignInPrefill | undefined
  /** The profile in use (`--profile`, `SORACOM_PROFILE`): preselects the method and fills the plain fields. */
  readonly profileName?: string | undefined
  readonly onSignedIn: (session: Session) => void
  readonly onLeave: () => void
}

/** @category hooks */
export const useSignIn = ({ endpoints, prefill, profileName, onSignedIn, onLeave }: SignInProps) => {
  const runtime = useRuntime()
  const [state, dispatch] = useReducer(signInReducer, undefined, () => initialSignIn(endpoints, prefill))
  const task = useTask<Session, Errors.AuthError>()
  const { step } = state

  const preselect = useTask<ProfileSignIn, unknown>()
  useEffect(() => {
    if (prefill !== undefined || profileName === undefined) return
    preselect.start(
      UiProfiles.use((p) => p.read(profileName)),
      {
        onSuccess: (profile) =>
          profile.method !== undefined &&
          dispatch({
            _tag: "Preselect",
            from: { ...prefillOf(profile.summary, profile, endpoints, "Method"), secrets: {} },
          }),
        onFailure: () => undefined,
      },
    )
  }, [prefill, profileName, endpoints, preselect.start])

  useOnStep(step, (step) => {
    if (step._tag !== "Submitting") return
    const request = step.request
    const program = UiAuth.use((auth) => auth.signIn(request)).pipe(
      Effect.map((signedIn) => sessionOf(request, signedIn, prefill?.profileName)),
      Effect.tap(cacheUnderProfile),
      Effect.withSpan("ui.signIn"),
    )
    task.start(program, {
      onSuccess: onSignedIn,
      onFailure: (error) => dispatch({ _tag: "Failed", error, now: runtime.now() }),
      onInterrupt: () => dispatch({ _tag: "Cancelled" }),
    })
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (step._tag === "Submitting") task.cancel()
    else if (step._tag === "Method") onLeave()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, note: task.note }
}
