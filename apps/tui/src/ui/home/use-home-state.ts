/**
 * The home menu: what the user can do from here, given whether they are signed in.
 */

import { messages } from "../../presentation/messages.ts"
import type { ProfileSession } from "../../session/Sessions.ts"
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

/** A profile whose cached session is still valid, and until when (epoch ms). @category models */
export interface LiveProfile {
  readonly name: string
  readonly until: number
}

/** The profiles holding a session that has not expired (fresh, or due for renewal), by name. @category getters */
export const liveProfiles = (
  sessions: ReadonlyArray<ProfileSession>,
  now: number,
): ReadonlyArray<LiveProfile> =>
  sessions.flatMap((p) =>
    (p.state._tag === "Fresh" || p.state._tag === "Stale") &&
    p.state.cached.session.expiresAt.epochMilliseconds > now
      ? [{ name: p.name, until: p.state.cached.session.expiresAt.epochMilliseconds }]
      : [],
  )
