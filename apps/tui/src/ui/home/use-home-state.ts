/**
 * The home menu: what the user can do from here, given whether they are signed in.
 */
import type { MenuItem } from "../components/menu/menu.tsx"
import type { Session } from "../model.ts"

/** @category models */
export type HomeChoice = "signIn" | "session" | "resetPassword" | "profiles" | "quit"

/** @category getters */
export const homeItems = (session: Session | undefined): ReadonlyArray<MenuItem<HomeChoice>> => [
  ...(session === undefined
    ? []
    : [{ value: "session" as const, label: "Current sign-in", hint: "Details, save as profile, sign out" }]),
  {
    value: "signIn",
    label: session === undefined ? "Sign in" : "Sign in again",
    hint: "With an AuthKey, a root user email and password, or a SAM user",
  },
  {
    value: "resetPassword",
    label: "Reset password",
    hint: "Get a reset token by email, then set a new password",
  },
  { value: "profiles", label: "Profiles", hint: "Sign in with, save or delete soracom-cli profiles" },
  { value: "quit", label: "Quit" },
]
