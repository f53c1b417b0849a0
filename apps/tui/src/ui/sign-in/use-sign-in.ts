/**
 * Sign-in wiring: keys (Esc goes back one step, or cancels a running request), and the request itself, run on its
 * own fiber through the app's runtime so that Esc interrupts it (the HTTP request is aborted). The session service
 * signs in, caches the session under the profile and signs out the one it replaces.
 */
import { Effect } from "effect"
import { useInput } from "ink"
import { useEffect, useReducer } from "react"
import { Sessions, type SignedIn } from "../../session/Sessions.ts"
import { useRuntime, useTask } from "../effects/runtime-context.tsx"
import { UiProfiles } from "../effects/services.ts"
import { useOnStep } from "../effects/use-on-step.ts"
import type { EndpointChoice, Session, SignInRequest } from "../model.ts"
import type { AppOptions } from "../options.ts"
import { prefillOf } from "../profiles/profile-sign-in.ts"
import { fromEnvironment, initialSignIn, type SignInPrefill, signInReducer } from "./use-sign-in-state.ts"

/** The UI's session from the service's sign-in. @category constructors */
export const sessionOf = (request: SignInRequest, signedIn: SignedIn): Session => ({
  profileName: signedIn.profile,
  cached: signedIn.cached,
  endpoint: request.endpoint,
  request,
})

/**
 * Signs in through the session service, under `profile`.
 *
 * @category effects
 */
export const signInAs = (profile: string, request: SignInRequest) =>
  Sessions.use((sessions) =>
    sessions.signIn({
      profile,
      credentials: request.credentials,
      endpoint: request.endpoint.endpoint,
      mfaOtpCode: request.mfaOtpCode,
      tokenTimeoutSeconds: request.tokenTimeoutSeconds,
    }),
  ).pipe(Effect.map((signedIn) => sessionOf(request, signedIn)))

/** What the Sign-in screen is given (the screen passes it on to {@link useSignIn}). @category models */
export interface SignInProps {
  readonly endpoints: ReadonlyArray<EndpointChoice>
  readonly prefill?: SignInPrefill | undefined
  /** The profile in use (`--profile`, `SORACOM_PROFILE`, else `default`): the session is cached under it, and its method and plain fields are preselected. */
  readonly profileName: string
  /** An AuthKey from `SORACOM_AUTH_KEY_ID` / `SORACOM_AUTH_KEY`: preselected and filled in (over the profile's). */
  readonly environment?: AppOptions["authKey"] | undefined
  /** Demo mode: the credentials box stays in view (compact). */
  readonly demo?: AppOptions["demo"] | undefined
  readonly onSignedIn: (session: Session) => void
  readonly onLeave: () => void
}

/** @category hooks */
export const useSignIn = ({
  endpoints,
  prefill,
  profileName,
  environment,
  onSignedIn,
  onLeave,
}: SignInProps) => {
  const runtime = useRuntime()
  const fromEnv = prefill === undefined ? environment : undefined
  const [state, dispatch] = useReducer(signInReducer, undefined, () =>
    fromEnv === undefined ? initialSignIn(endpoints, prefill) : fromEnvironment(endpoints, fromEnv),
  )
  const task = useTask()
  const { step } = state

  const preselect = useTask()
  useEffect(() => {
    if (prefill !== undefined || fromEnv !== undefined) return
    preselect.start(
      UiProfiles.use((p) => p.read(profileName)),
      {
        onSuccess: (profile) =>
          profile.credentials !== undefined &&
          dispatch({
            _tag: "Preselect",
            from: { ...prefillOf(profile.summary, profile, endpoints, "Method"), secrets: {} },
          }),
        onFailure: () => undefined,
      },
    )
  }, [prefill, fromEnv, profileName, endpoints, preselect.start])

  useOnStep(step, (step) => {
    if (step._tag !== "Submitting") return
    task.start(
      signInAs(prefill?.profileName ?? profileName, step.request).pipe(Effect.withSpan("ui.signIn")),
      {
        onSuccess: onSignedIn,
        onFailure: (error) => dispatch({ _tag: "Failed", error, now: runtime.now() }),
        onInterrupt: () => dispatch({ _tag: "Cancelled" }),
      },
    )
  })

  useInput((_input, key) => {
    if (!key.escape) return
    if (step._tag === "Submitting") task.cancel()
    else if (step._tag === "Method" || state.startedAt === step._tag) onLeave()
    else dispatch({ _tag: "Back" })
  })

  return { state, dispatch, note: task.note }
}
