/**
 * The home menu: what the user can do from here, given whether they are signed in.
 */

import { messages } from "../../presentation/messages.ts"
import type { MenuItem } from "../components/menu/menu.tsx"
import type { Session } from "../model.ts"

/** @category models */
export type HomeChoice = "signIn" | "session" | "resetPassword" | "profiles" | "quit"

/** @category getters */
export const homeItems = (session: Session | undefined): ReadonlyArray<MenuItem<HomeChoice>> => {
  const t = messages.ui.home
  return [
    ...(session === undefined ? [] : [{ value: "session" as const, ...t.current }]),
    {
      value: "signIn",
      label: session === undefined ? t.signIn.label : t.signInAgain,
      hint: t.signIn.hint,
    },
    { value: "resetPassword", ...t.resetPassword },
    { value: "profiles", ...t.profiles },
    { value: "quit", label: t.quit },
  ]
}
