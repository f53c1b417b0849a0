/**
 * The root component: the one flow state decides which screen is mounted (so exactly one input reads the keyboard),
 * Ctrl+C ends the app from anywhere with 130, and quitting hands the exit code — and, only when asked for, the shell
 * exports — to `runApp`. Every screen is drawn in the viewport, so no frame is ever taller than the terminal.
 */
import { Text, useApp, useInput } from "ink"
import { lazy, Suspense, useEffect, useMemo, useReducer } from "react"
import { shellExports } from "../presentation/exports.ts"
import { messages } from "../presentation/messages.ts"
import { Viewport } from "./components/viewport.tsx"
import { RuntimeProvider, type UiRuntime } from "./effects/runtime-context.tsx"
import { useNow } from "./effects/use-now.ts"
import { useOnStep } from "./effects/use-on-step.ts"
import { endpointChoices } from "./endpoints.ts"
import { flowReducer, initialFlow } from "./flow/use-flow-state.ts"
import { Home } from "./home/home.tsx"
import type { Session } from "./model.ts"
import type { AppOptions } from "./options.ts"

// Home draws the first frame on its own; the other screens (and @inkjs/ui, core's rules) load right after it.
const screens = {
  signIn: () => import("./sign-in/sign-in.tsx"),
  signedIn: () => import("./signed-in/signed-in.tsx"),
  resetPassword: () => import("./reset-password/reset-password.tsx"),
  profiles: () => import("./profiles/profiles.tsx"),
}
const SignIn = lazy(() => screens.signIn().then((m) => ({ default: m.SignIn })))
const SignedIn = lazy(() => screens.signedIn().then((m) => ({ default: m.SignedIn })))
const ResetPassword = lazy(() => screens.resetPassword().then((m) => ({ default: m.ResetPassword })))
const Profiles = lazy(() => screens.profiles().then((m) => ({ default: m.Profiles })))
const preloadScreens = () => {
  for (const load of Object.values(screens)) load().catch(() => undefined)
}

/** @category models */
export interface AppResult {
  readonly code: number
  /** `export SORACOM_API_KEY=… SORACOM_TOKEN=…`, printed by `runApp` after Ink unmounts — only when asked for. */
  readonly exports?: string
}

/** @category models */
export interface AppProps {
  readonly options: AppOptions
  readonly runtime: UiRuntime
  /** Where profiles live, for the Profiles screen. */
  readonly profileDir: string
  readonly onExit: (result: AppResult) => void
}

const Screens = ({ options, profileDir, onExit }: Omit<AppProps, "runtime">) => {
  const { exit } = useApp()
  const [flow, dispatch] = useReducer(flowReducer, options.initialScreen, initialFlow)
  const endpoints = useMemo(() => endpointChoices(options), [options])
  const { screen, session } = flow
  useEffect(() => {
    const timer = setTimeout(preloadScreens, 0)
    return () => clearTimeout(timer)
  }, [])

  useInput((input, key) => {
    if (key.ctrl && input === "c") dispatch({ _tag: "Cancel" })
  })

  useOnStep(flow.exit, (end) => {
    if (end === undefined) return
    const exports =
      end.printExports && session !== undefined ? shellExports(session.cached.session) : undefined
    onExit(exports === undefined ? { code: end.code } : { code: end.code, exports })
    exit()
  })

  const now = useNow(screen._tag === "Home" && session !== undefined)
  const home = () => dispatch({ _tag: "Go", screen: { _tag: "Home" } })
  const signedIn = (s: Session) => dispatch({ _tag: "SignedIn", session: s })

  if (flow.exit !== undefined) return null
  const current = (() => {
    switch (screen._tag) {
      case "Home":
        return (
          <Home demo={options.demo} session={session} notice={flow.notice} now={now} dispatch={dispatch} />
        )
      case "SignIn":
        return (
          <SignIn
            endpoints={endpoints}
            prefill={screen.prefill}
            profileName={options.profileName ?? "default"}
            environment={options.authKey}
            demo={options.demo}
            onSignedIn={signedIn}
            onLeave={
              screen.back === "Profiles" ? () => dispatch({ _tag: "Go", screen: { _tag: "Profiles" } }) : home
            }
          />
        )
      case "SignedIn":
        return session === undefined ? (
          <Home demo={options.demo} session={session} notice={flow.notice} now={now} dispatch={dispatch} />
        ) : (
          <SignedIn
            session={session}
            onSaved={(s) => dispatch({ _tag: "Renamed", session: s })}
            onSwitched={(s) => dispatch({ _tag: "Renamed", session: s })}
            {...(screen.startAt === undefined ? {} : { startAt: screen.startAt })}
            onSignedOut={(text) => dispatch({ _tag: "SignedOut", notice: { kind: "success", text } })}
            onHome={home}
            onQuitWithExports={() => dispatch({ _tag: "Quit", printExports: true })}
          />
        )
      case "ResetPassword":
        return (
          <ResetPassword
            endpoint={session?.endpoint ?? endpoints[0]!}
            email={
              session?.request.credentials.kind === "root" ? session.request.credentials.email : undefined
            }
            onLeave={home}
            onSignIn={() => dispatch({ _tag: "Go", screen: { _tag: "SignIn" } })}
          />
        )
      case "Profiles":
        return (
          <Profiles
            dir={profileDir}
            endpoints={endpoints}
            session={session}
            onSignedIn={signedIn}
            onSignInForm={(prefill) =>
              dispatch({ _tag: "Go", screen: { _tag: "SignIn", prefill, back: "Profiles" } })
            }
            onSaveCurrent={() => dispatch({ _tag: "Go", screen: { _tag: "SignedIn", startAt: "save" } })}
            onLeave={home}
          />
        )
    }
  })()
  return (
    <Viewport key={screen._tag}>
      <Suspense fallback={<Text>{messages.ui.loading}</Text>}>{current}</Suspense>
    </Viewport>
  )
}

/** @category components */
export const App = ({ runtime, ...props }: AppProps) => (
  <RuntimeProvider runtime={runtime}>
    <Screens {...props} />
  </RuntimeProvider>
)
