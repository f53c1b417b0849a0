/**
 * Profiles: the soracom-cli-compatible profiles in the profile directory — sign in with one, delete one (asks
 * first), or save the current sign-in as one. A profile refused for loose permissions shows soracom-cli's fix-it.
 */
import { Box, Text } from "ink"
import { describe } from "../../presentation/errors.ts"
import { formatDuration } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import { Busy } from "../components/busy.tsx"
import { Confirm } from "../components/confirm.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu, type MenuItem } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import { useRuntime } from "../effects/runtime-context.tsx"
import type { ProfileSummary } from "../effects/services.ts"
import type { EndpointChoice, Session } from "../model.ts"
import type { SignInPrefill } from "../sign-in/use-sign-in-state.ts"
import { formatLifetime, takesMfa } from "../sign-in/use-sign-in-state.ts"
import { theme } from "../theme/theme.ts"
import { prefillOf, profileEndpoint } from "./profile-sign-in.ts"
import { useProfiles } from "./use-profiles.ts"
import type { ProfilesState } from "./use-profiles-state.ts"

/** A refused or unreadable profile in the error table's words: the reason's lines, then the fix. */
const problemLines = (problem: NonNullable<ProfileSummary["problem"]>): ReadonlyArray<string> => {
  const text = describe(problem, { surface: "app", now: Date.now() })
  return [...text.title.split("\n"), text.next]
}

const describeProfile = (p: ProfileSummary): string => {
  if (p.problem !== undefined) return `${theme.symbol.error} ${messages.ui.profiles.cannotRead}`
  if (p.method === undefined) return messages.ui.profiles.incomplete
  return `${messages.method[p.method]}${p.identity === undefined ? "" : ` · ${p.identity}`}`
}

/** "● signed in, 23h 59m 58s left" for a profile holding a live session. */
const liveText = (p: ProfileSummary, now: number): string =>
  p.liveUntil === undefined || p.liveUntil <= now
    ? ""
    : `  ${theme.symbol.live} ${messages.ui.profiles.live(formatDuration(p.liveUntil - now))}`

const Details = ({
  profile,
  endpoints,
}: {
  readonly profile: ProfileSummary
  readonly endpoints: ReadonlyArray<EndpointChoice>
}) => (
  <Box flexDirection="column" marginBottom={1}>
    <Text bold>{messages.ui.profiles.profile(profile.name)}</Text>
    {profile.problem === undefined ? (
      <>
        <Text>
          <Text color={theme.color.muted}>{messages.ui.profiles.credentials}: </Text>
          {describeProfile(profile)}
        </Text>
        <Text>
          <Text color={theme.color.muted}>{messages.ui.endpoint}: </Text>
          {profileEndpoint(profile, endpoints).label}
        </Text>
        {profile.tokenTimeoutSeconds === undefined ? null : (
          <Text>
            <Text color={theme.color.muted}>{messages.ui.profiles.tokenLifetime}: </Text>
            {formatLifetime(profile.tokenTimeoutSeconds)}
          </Text>
        )}
      </>
    ) : (
      <Box flexDirection="column">
        {problemLines(profile.problem).map((line, i) => (
          <Text key={line} {...(i === 0 ? { color: theme.color.error } : {})}>
            {i === 0 ? `${theme.symbol.error} ` : "  "}
            {line}
          </Text>
        ))}
      </Box>
    )}
  </Box>
)

const hintsFor = (state: ProfilesState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Loading":
    case "Deleting":
    case "SigningIn":
    case "Reading":
      return [keys.cancel, keys.ctrlC]
    case "ConfirmDelete":
      return [
        ["y", messages.ui.profiles.keyDelete],
        ["n", messages.ui.profiles.keyKeep],
        keys.back,
        keys.ctrlC,
      ]
    case "List":
    case "LoadFailed":
      return [keys.move, keys.choose, keys.home, keys.ctrlC]
    default:
      return [keys.move, keys.choose, keys.back, keys.ctrlC]
  }
}

/** @category components */
export const Profiles = ({
  dir,
  endpoints,
  session,
  onSignedIn,
  onSignInForm,
  onSaveCurrent,
  onLeave,
}: {
  readonly dir: string
  readonly endpoints: ReadonlyArray<EndpointChoice>
  readonly session: Session | undefined
  readonly onSignedIn: (session: Session) => void
  readonly onSignInForm: (prefill: SignInPrefill) => void
  readonly onSaveCurrent: () => void
  readonly onLeave: () => void
}) => {
  const { state, dispatch, lastRead, note } = useProfiles({ endpoints, onSignedIn, onSignInForm, onLeave })
  const now = useRuntime().now()
  const { step } = state
  const body = (() => {
    switch (step._tag) {
      case "Loading":
        return <Busy label={messages.ui.profiles.reading} />
      case "LoadFailed":
        return (
          <Box flexDirection="column">
            <Text color={theme.color.error}>
              {theme.symbol.error} {step.text.title}
            </Text>
            <Text>{step.text.next}</Text>
            <Menu
              key="load-failed"
              items={[{ value: "back", label: messages.ui.backHome }]}
              onChoose={onLeave}
            />
          </Box>
        )
      case "List": {
        const items: Array<MenuItem<string>> = state.profiles.map((p) => ({
          value: `profile:${p.name}`,
          label: `${p.name.padEnd(16)} ${describeProfile(p)}${liveText(p, now)}`,
        }))
        if (session !== undefined) {
          items.push({ value: "save", label: messages.ui.profiles.saveCurrent })
        }
        items.push({ value: "back", label: messages.ui.back })
        return (
          <Box flexDirection="column">
            {state.profiles.length === 0 ? (
              <Box marginBottom={1}>
                <Text>{messages.ui.profiles.none}</Text>
              </Box>
            ) : null}
            <Menu
              key="list"
              items={items}
              {...(state.focus === undefined ? {} : { initial: `profile:${state.focus}` })}
              onChoose={(value) => {
                if (value === "back") onLeave()
                else if (value === "save") onSaveCurrent()
                else dispatch({ _tag: "Pick", name: value.slice("profile:".length) })
              }}
            />
          </Box>
        )
      }
      case "Actions": {
        const { profile } = step
        const items: Array<MenuItem<string>> = []
        if (profile.problem === undefined) {
          items.push({ value: "signIn", label: messages.ui.profiles.signIn })
          if (profile.method !== undefined && takesMfa(profile.method)) {
            items.push({ value: "mfa", label: messages.ui.profiles.signInMfa })
          }
          items.push({ value: "edit", ...messages.ui.profiles.edit })
        }
        items.push({ value: "delete", label: messages.ui.profiles.delete })
        items.push({ value: "back", label: messages.ui.back })
        return (
          <Box flexDirection="column">
            <Details profile={profile} endpoints={endpoints} />
            <Menu
              key={`actions:${profile.name}`}
              items={items}
              onChoose={(value) => {
                if (value === "back") dispatch({ _tag: "Back" })
                else if (value === "delete") dispatch({ _tag: "Choose", action: "delete" })
                else if (value === "signIn" && profile.method !== undefined)
                  dispatch({ _tag: "Choose", action: "signIn" })
                else dispatch({ _tag: "Choose", action: value === "mfa" ? "mfa" : "edit" })
              }}
            />
          </Box>
        )
      }
      case "ConfirmDelete":
        return (
          <Box flexDirection="column">
            <Details profile={step.profile} endpoints={endpoints} />
            <Confirm
              question={messages.ui.profiles.confirmDelete(
                step.profile.name,
                `${dir}/${step.profile.name}.json`,
              )}
              onAnswer={(yes) => dispatch({ _tag: "ConfirmDelete", yes })}
            />
          </Box>
        )
      case "Deleting":
        return <Busy label={messages.ui.profiles.deleting(step.profile.name)} />
      case "SigningIn":
        return <Busy label={messages.ui.profiles.signingIn(step.profile.name)} note={note} />
      case "Reading":
        return <Busy label={messages.ui.profiles.readingOne(step.profile.name)} />
      case "SignInFailed": {
        const { profile, text, error } = step
        const items: Array<MenuItem<string>> = []
        if (error._tag === "AuthFailed" && profile.method !== undefined && takesMfa(profile.method)) {
          items.push({ value: "mfa", label: messages.ui.signIn.addMfa })
        }
        if (lastRead.current !== undefined)
          items.push({ value: "edit", label: messages.ui.profiles.edit.label })
        items.push({ value: "back", label: messages.ui.back })
        const lines = [...text.title.split("\n"), text.next]
        return (
          <Box flexDirection="column">
            <Text color={theme.color.error}>
              {theme.symbol.error} {lines[0]}
            </Text>
            <Box marginBottom={1} flexDirection="column">
              {lines.slice(1).map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </Box>
            <Menu
              key="signin-failed"
              items={items}
              onChoose={(value) => {
                if (value === "back") dispatch({ _tag: "Back" })
                else
                  onSignInForm(
                    prefillOf(profile, lastRead.current, endpoints, value === "mfa" ? "Mfa" : "Review"),
                  )
              }}
            />
          </Box>
        )
      }
    }
  })()
  return (
    <Box flexDirection="column">
      <Header title={messages.ui.profiles.title} sandbox={endpoints[0]?.sandbox === true} />
      <Notice notice={state.notice} />
      <Box marginBottom={1}>
        <Text color={theme.color.muted}>{messages.ui.profiles.directory(dir)}</Text>
      </Box>
      {body}
      <Footer hints={hintsFor(state)} />
    </Box>
  )
}
