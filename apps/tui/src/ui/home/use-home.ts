/**
 * Home's keys (the menu, and `q` to quit), and which profiles hold a live session — read from the session service
 * once Home is up (the first frame does not wait for it).
 */
import { useInput } from "ink"
import { useEffect, useState } from "react"
import { Sessions } from "../../session/Sessions.ts"
import { useRuntime, useTask } from "../effects/runtime-context.tsx"
import type { FlowEvent } from "../flow/use-flow-state.ts"
import { type HomeChoice, type LiveProfile, liveProfiles } from "./use-home-state.ts"

/** @category hooks */
export const useHome = (dispatch: (event: FlowEvent) => void) => {
  const runtime = useRuntime()
  const task = useTask()
  const [live, setLive] = useState<{ readonly at: number; readonly profiles: ReadonlyArray<LiveProfile> }>({
    at: 0,
    profiles: [],
  })
  useEffect(() => {
    task.start(
      Sessions.use((s) => s.list),
      {
        onSuccess: (sessions) => {
          const at = runtime.now()
          setLive({ at, profiles: liveProfiles(sessions, at) })
        },
        // a profile folder that cannot be read is the Profiles screen's to explain
        onFailure: () => undefined,
      },
    )
  }, [task.start, runtime])
  useInput((input) => {
    if (input === "q") dispatch({ _tag: "Quit" })
  })
  const choose = (choice: HomeChoice) => {
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
  return { choose, live }
}
