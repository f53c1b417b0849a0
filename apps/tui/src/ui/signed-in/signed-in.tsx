/**
 * Signed in: who, the masked API key, when the token expires (local time) with a live countdown, and what to do
 * next — save as a profile, quit printing shell exports, sign out on the server, or go back home.
 */
import { Box, Text } from "ink"
import { formatDuration, formatLocalTime, mask } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import { Busy } from "../components/busy.tsx"
import { Confirm } from "../components/confirm.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu, type MenuItem } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import { useNow } from "../effects/use-now.ts"
import { expiresAt, type Session } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { useSignedIn } from "./use-signed-in.ts"
import type { SignedInAction, SignedInState } from "./use-signed-in-state.ts"

const actionItems: ReadonlyArray<MenuItem<SignedInAction>> = [
  { value: "done", label: "Done", hint: "Back to the home screen" },
  {
    value: "save",
    label: "Save as profile…",
    hint: "A soracom-cli profile with these credentials (file mode 0600)",
  },
  {
    value: "exports",
    label: "Quit and print shell exports",
    hint: "Prints SORACOM_API_KEY=… SORACOM_TOKEN=… to stdout after the app closes",
  },
  { value: "signOut", label: "Sign out", hint: "Revokes this API key and token on the server" },
]

const Row = ({ label, children }: { readonly label: string; readonly children: React.ReactNode }) => (
  <Text>
    <Text color={theme.color.muted}>{label.padEnd(14)}</Text>
    {children}
  </Text>
)

const Details = ({ session, now }: { readonly session: Session; readonly now: number }) => {
  const { session: response } = session.cached
  const remaining = expiresAt(session) - now
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Row label="Operator ID">{response.operatorId}</Row>
      {response.userName === undefined ? null : <Row label="User name">{response.userName}</Row>}
      <Row label="Method">{messages.method[session.cached.method]}</Row>
      <Row label="API key">{mask(response.apiKey)}</Row>
      <Row label="Endpoint">{session.endpoint.label}</Row>
      <Row label="Profile">{session.profileName}</Row>
      <Row label="Token expires">
        {formatLocalTime(expiresAt(session))}{" "}
        {remaining > 0 ? (
          <Text color={remaining < 5 * 60_000 ? theme.color.warning : theme.color.success}>
            in {formatDuration(remaining)}
          </Text>
        ) : (
          <Text color={theme.color.error}>(expired — sign in again)</Text>
        )}
      </Row>
    </Box>
  )
}

const hintsFor = (state: SignedInState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Actions":
      return [keys.move, keys.choose, ["Esc", "home"], keys.ctrlC]
    case "SaveName":
      return [keys.submit, keys.back, keys.ctrlC]
    case "ConfirmOverwrite":
      return [["y", "overwrite"], ["n", "choose another name"], keys.back, keys.ctrlC]
    case "SignOutFailed":
      return [keys.move, keys.choose, keys.back, keys.ctrlC]
    default:
      return [keys.cancel, keys.ctrlC]
  }
}

/** @category components */
export const SignedIn = ({
  session,
  startAt,
  onSaved,
  onSignedOut,
  onHome,
  onQuitWithExports,
}: {
  readonly session: Session
  readonly startAt?: "save"
  readonly onSaved: (session: Session) => void
  readonly onSignedOut: (text: string) => void
  readonly onHome: () => void
  readonly onQuitWithExports: () => void
}) => {
  const { state, dispatch, note } = useSignedIn({ session, startAt, onSaved, onSignedOut, onHome })
  const now = useNow(true)
  const { step } = state
  const body = (() => {
    switch (step._tag) {
      case "Actions":
        return (
          <Menu
            key="actions"
            items={actionItems}
            onChoose={(action) => {
              if (action === "done") onHome()
              else if (action === "exports") onQuitWithExports()
              else dispatch({ _tag: "Choose", action })
            }}
          />
        )
      case "SaveName":
        return (
          <Field
            key="name"
            label="Profile name"
            defaultValue={session.profileName}
            hint="Letters, digits, '.', '_' and '-'. soracom-cli uses it with --profile."
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitName", raw })}
          />
        )
      case "ConfirmOverwrite":
        return (
          <Confirm
            question={`A profile named "${step.name}" exists. Overwrite it?`}
            onAnswer={(yes) => dispatch({ _tag: "Confirm", yes })}
          />
        )
      case "CheckingName":
      case "Saving":
        return <Busy label={`Saving profile "${step.name}"…`} />
      case "SigningOut":
        return <Busy label="Signing out…" note={note} />
      case "SignOutFailed":
        return (
          <Failure text={step.text} lead="Could not sign out.">
            <Menu
              key="signout-failed"
              items={[
                { value: "retry", label: "Try again" },
                {
                  value: "forget",
                  label: "Forget this sign-in here anyway",
                  hint: "The token stays valid until it expires",
                },
                { value: "back", label: "Back" },
              ]}
              onChoose={(choice) => {
                if (choice === "retry") dispatch({ _tag: "Choose", action: "signOut" })
                else if (choice === "forget") dispatch({ _tag: "Choose", action: "forget" })
                else dispatch({ _tag: "Back" })
              }}
            />
          </Failure>
        )
    }
  })()
  return (
    <Box flexDirection="column">
      <Header title="Signed in" sandbox={session.endpoint.sandbox} />
      <Notice notice={state.notice} />
      <Details session={session} now={now} />
      {body}
      <Footer hints={hintsFor(state)} />
    </Box>
  )
}
