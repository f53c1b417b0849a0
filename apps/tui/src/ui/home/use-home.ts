/**
 * Home's keys: the menu, and `q` to quit.
 */
import { useInput } from "ink"
import type { FlowEvent } from "../flow/use-flow-state.ts"
import type { HomeChoice } from "./use-home-state.ts"

/** @category hooks */
export const useHome = (dispatch: (event: FlowEvent) => void) => {
  useInput((input) => {
    if (input === "q") dispatch({ _tag: "Quit" })
  })
  return (choice: HomeChoice) => {
    switch (choice) {
      case "signIn":
        return dispatch({ _tag: "Go", screen: { _tag: "SignIn" } })
      case "session":
        return dispatch({ _tag: "Go", screen: { _tag: "SignedIn" } })
      case "resetPassword":
        return dispatch({ _tag: "Go", screen: { _tag: "ResetPassword" } })
      case "profiles":
        return dispatch({ _tag: "Go", screen: { _tag: "Profiles" } })
      case "quit":
        return dispatch({ _tag: "Quit" })
    }
  }
}
