/**
 * Signed in: who, the masked API key, when the token expires (local time) with a live countdown, and what to do
 * next — save as a profile, switch user (as the CLI's switch-user), quit printing shell exports, sign out on the server, or go back home.
 */
import { Box, Text } from "ink"
import { formatDuration, formatLocalTime, mask } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import { width } from "../../presentation/width.ts"
import { Busy } from "../components/busy.tsx"
import { Confirm } from "../components/confirm.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu, type MenuItem } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import { useGap } from "../components/viewport.tsx"
import { useNow } from "../effects/use-now.ts"
import { expiresAt, type Session } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { useSignedIn } from "./use-signed-in.ts"
import type { SignedInAction, SignedInState } from "./use-signed-in-state.ts"

const actionItems = (session: Session): ReadonlyArray<MenuItem<SignedInAction>> =>
  session.switched === true
    ? [
        { value: "done", ...messages.ui.signedIn.done },
        { value: "exports", ...messages.ui.signedIn.exports },
      ]
    : [
        { value: "done", ...messages.ui.signedIn.done },
        { value: "save", ...messages.ui.signedIn.save },
        { value: "exports", ...messages.ui.signedIn.exports },
        { value: "switch", ...messages.ui.signedIn.switchUser },
        { value: "signOut", ...messages.ui.signedIn.signOut },
      ]

/** One label/value row: labels in a column as wide as the widest, the value cut (`…`) at the terminal's edge. */
const Row = ({
  label,
  labelColumns,
  children,
}: {
  readonly label: string
  readonly labelColumns: number
  readonly children: React.ReactNode
}) => (
  <Box>
    <Box width={labelColumns} flexShrink={0}>
      <Text color={theme.color.muted}>{label}</Text>
    </Box>
    <Text wrap="truncate-end">{children}</Text>
  </Box>
)

const Details = ({ session, now }: { readonly session: Session; readonly now: number }) => {
  const { session: response } = session.cached
  const remaining = expiresAt(session) - now
  const t = messages.ui.signedIn
  const labels = [
    t.operatorId,
    t.userName,
    t.method,
    t.apiKey,
    messages.ui.endpoint,
    t.profile,
    t.tokenExpires,
  ]
  const labelColumns = Math.max(...labels.map(width)) + 2
  return (
    <Box flexDirection="column" marginBottom={useGap()}>
      <Row label={t.operatorId} labelColumns={labelColumns}>
        {response.operatorId}
      </Row>
      {response.userName === undefined ? null : (
        <Row label={t.userName} labelColumns={labelColumns}>
          {response.userName}
        </Row>
      )}
      <Row label={t.method} labelColumns={labelColumns}>
        {messages.method[session.cached.method]}
      </Row>
      <Row label={t.apiKey} labelColumns={labelColumns}>
        {mask(response.apiKey)}
      </Row>
      <Row label={messages.ui.endpoint} labelColumns={labelColumns}>
        {session.endpoint.label}
      </Row>
      <Row label={t.profile} labelColumns={labelColumns}>
        {session.profileName}
      </Row>
      <Row label={t.tokenExpires} labelColumns={labelColumns}>
        {formatLocalTime(expiresAt(session))}{" "}
        {remaining > 0 ? (
          <Text color={remaining < 5 * 60_000 ? theme.color.warning : theme.color.success}>
            {t.expiresIn(formatDuration(remaining))}
          </Text>
        ) : (
          <Text color={theme.color.error}>{t.expired}</Text>
        )}
      </Row>
    </Box>
  )
}

const hintsFor = (state: SignedInState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Actions":
      return [keys.move, keys.choose, keys.home, keys.ctrlC]
    case "SaveName":
    case "SwitchOperatorId":
    case "SwitchUserName":
      return [keys.submit, keys.back, keys.ctrlC]
    case "ConfirmOverwrite":
      return [
        ["y", messages.ui.key.overwrite],
        ["n", messages.ui.key.chooseAnotherName],
        keys.back,
        keys.ctrlC,
      ]
    case "SignOutFailed":
    case "SwitchFailed":
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
  onSwitched,
  onSignedOut,
  onHome,
  onQuitWithExports,
}: {
  readonly session: Session
  readonly startAt?: "save"
  readonly onSaved: (session: Session) => void
  readonly onSwitched: (session: Session) => void
  readonly onSignedOut: (text: string) => void
  readonly onHome: () => void
  readonly onQuitWithExports: () => void
}) => {
  const { state, dispatch, note } = useSignedIn({
    session,
    startAt,
    onSaved,
    onSwitched,
    onSignedOut,
    onHome,
  })
  const now = useNow(true)
  const { step } = state
  const body = (() => {
    switch (step._tag) {
      case "Actions":
        return (
          <Menu
            key="actions"
            items={actionItems(session)}
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
            label={messages.ui.signedIn.profileName}
            defaultValue={session.profileName}
            hint={messages.ui.signedIn.profileNameHint}
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitName", raw })}
          />
        )
      case "ConfirmOverwrite":
        return (
          <Confirm
            question={messages.ui.signedIn.overwrite(step.name)}
            onAnswer={(yes) => dispatch({ _tag: "Confirm", yes })}
          />
        )
      case "CheckingName":
      case "Saving":
        return <Busy label={messages.ui.signedIn.saving(step.name)} />
      case "SigningOut":
        return <Busy label={messages.ui.signedIn.signingOut} note={note} />
      case "SwitchOperatorId":
        return (
          <Field
            key="switch-operator"
            label={messages.ui.signedIn.switchOperatorId}
            placeholder="OP0000000000"
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitOperatorId", raw })}
          />
        )
      case "SwitchUserName":
        return (
          <Field
            key="switch-user"
            label={messages.ui.signedIn.switchUserName}
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitUserName", raw })}
          />
        )
      case "Switching":
        return <Busy label={messages.ui.signedIn.switching(step.operatorId, step.userName)} note={note} />
      case "SwitchFailed":
        return (
          <Failure text={step.text} lead={messages.ui.signedIn.switchFailed}>
            <Menu
              key="switch-failed"
              items={[
                { value: "retry", label: messages.ui.tryAgain },
                { value: "back", label: messages.ui.back },
              ]}
              onChoose={(choice) =>
                dispatch(choice === "retry" ? { _tag: "Choose", action: "switch" } : { _tag: "Back" })
              }
            />
          </Failure>
        )
      case "SignOutFailed":
        return (
          <Failure text={step.text} lead={messages.ui.signedIn.signOutFailed}>
            <Menu
              key="signout-failed"
              items={[
                { value: "retry", label: messages.ui.tryAgain },
                { value: "forget", ...messages.ui.signedIn.forget },
                { value: "back", label: messages.ui.back },
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
      <Header title={messages.ui.signedIn.title} sandbox={session.endpoint.sandbox} />
      <Notice notice={state.notice} />
      <Details session={session} now={now} />
      {body}
      <Footer hints={hintsFor(state)} />
    </Box>
  )
}
