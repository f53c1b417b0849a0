/**
 * The app's one explicit flow state: which screen is up, the current session, and how the app ends. A pure reducer,
 * so every transition is testable without a terminal.
 */

import { ExitCode } from "../../presentation/exit-code.ts"
import type { Notice, Session } from "../model.ts"
import type { SignInPrefill } from "../sign-in/use-sign-in-state.ts"

/** @category models */
export type Screen =
  | { readonly _tag: "Home" }
  | { readonly _tag: "SignIn"; readonly prefill?: SignInPrefill; readonly back?: "Profiles" }
  | { readonly _tag: "SignedIn"; readonly startAt?: "save" }
  | { readonly _tag: "ResetPassword" }
  | { readonly _tag: "Profiles" }

/** @category models */
export interface FlowState {
  readonly screen: Screen
  readonly session?: Session
  readonly notice?: Notice
  /** Set once: the app unmounts and `runApp` resolves with it. */
  readonly exit?: { readonly code: number; readonly printExports: boolean }
}

/** @category models */
export type FlowEvent =
  | { readonly _tag: "Go"; readonly screen: Screen; readonly notice?: Notice }
  | { readonly _tag: "SignedIn"; readonly session: Session }
  /** The session now belongs to another profile (saved as it). */
  | { readonly _tag: "Renamed"; readonly session: Session }
  | { readonly _tag: "SignedOut"; readonly notice: Notice }
  | { readonly _tag: "Quit"; readonly printExports?: boolean }
  | { readonly _tag: "Cancel" }

/** @category constructors */
export const initialFlow = (initialScreen: "home" | "signIn" = "home"): FlowState => ({
  screen: initialScreen === "signIn" ? { _tag: "SignIn" } : { _tag: "Home" },
})

const withoutNotice = ({ notice: _, ...state }: FlowState): FlowState => state

/** @category reducers */
export const flowReducer = (state: FlowState, event: FlowEvent): FlowState => {
  if (state.exit !== undefined) return state
  switch (event._tag) {
    case "Go":
      return event.notice === undefined
        ? { ...withoutNotice(state), screen: event.screen }
        : { ...state, screen: event.screen, notice: event.notice }
    case "SignedIn":
      return { ...withoutNotice(state), screen: { _tag: "SignedIn" }, session: event.session }
    case "Renamed":
      return { ...state, session: event.session }
    case "SignedOut": {
      const { session: _, ...rest } = state
      return { ...rest, screen: { _tag: "Home" }, notice: event.notice }
    }
    case "Quit":
      return {
        ...state,
        exit: { code: ExitCode.ok, printExports: event.printExports === true && state.session !== undefined },
      }
    case "Cancel":
      return { ...state, exit: { code: ExitCode.cancelled, printExports: false } }
  }
}
