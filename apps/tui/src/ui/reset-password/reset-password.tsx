/**
 * Reset password: request a token for an email address, then set a new password with it (typed twice, masked).
 * In a sandbox, no mail leaves the machine: the screen says where to read the token.
 */
import { Box, Text } from "ink"
import { messages } from "../../presentation/messages.ts"
import { Busy } from "../components/busy.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import type { EndpointChoice } from "../model.ts"
import { fieldLabel } from "../sign-in/labels.ts"
import { theme } from "../theme/theme.ts"
import { useResetPassword } from "./use-reset-password.ts"
import type { ResetFailureAction, ResetState } from "./use-reset-password-state.ts"

const failureLabel = (action: ResetFailureAction): string =>
  ({
    requestNew: messages.ui.resetPassword.requestNew,
    enterTokenAgain: messages.ui.resetPassword.enterTokenAgain,
    tryAgain: messages.ui.tryAgain,
    home: messages.ui.backHome,
  })[action]

/** Where a sandbox keeps the mail it "sent". @category getters */
export const outboxHint = (endpoint: EndpointChoice): string | undefined => {
  const outbox = `${endpoint.baseUrl.replace(/\/v1$/, "")}/_sandbox/outbox`
  if (endpoint.id === "demo") return messages.ui.resetPassword.outboxDemo(outbox)
  if (endpoint.id === "custom") return messages.ui.resetPassword.outboxCustom(outbox)
  return undefined
}

const hintsFor = (state: ResetState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Requesting":
    case "Verifying":
      return [keys.cancel, keys.ctrlC]
    case "Email":
      return [keys.submit, keys.home, keys.ctrlC]
    case "Done":
      return [keys.choose, keys.home, keys.ctrlC]
    case "Failed":
      return [keys.move, keys.choose, keys.back, keys.ctrlC]
    default:
      return [keys.submit, keys.back, keys.ctrlC]
  }
}

/** @category components */
export const ResetPassword = ({
  endpoint,
  email,
  onLeave,
  onSignIn,
}: {
  readonly endpoint: EndpointChoice
  readonly email?: string | undefined
  readonly onLeave: () => void
  readonly onSignIn: () => void
}) => {
  const { state, dispatch, note } = useResetPassword({ endpoint, email, onLeave })
  const { step } = state
  const sent =
    state.sentTo === undefined ? null : (
      <Box flexDirection="column" marginBottom={1}>
        <Text>
          <Text color={theme.color.success}>{theme.symbol.success}</Text>{" "}
          {messages.ui.resetPassword.sentTo(state.sentTo)}
        </Text>
        {outboxHint(endpoint) === undefined ? null : (
          <Text color={theme.color.muted}>{outboxHint(endpoint)}</Text>
        )}
      </Box>
    )
  const body = (() => {
    switch (step._tag) {
      case "Email":
        return (
          <Field
            key="email"
            label={fieldLabel("email")}
            defaultValue={state.email}
            placeholder="name@example.com"
            hint={messages.ui.resetPassword.emailHint}
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitEmail", raw })}
          />
        )
      case "Requesting":
        return <Busy label={messages.ui.resetPassword.requesting(state.email ?? "")} note={note} />
      case "Token":
        return (
          <Box flexDirection="column">
            {sent}
            <Field
              key="token"
              label={fieldLabel("token")}
              hint={messages.ui.resetPassword.tokenHint}
              error={step.error}
              onSubmit={(raw) => dispatch({ _tag: "SubmitToken", raw })}
            />
          </Box>
        )
      case "NewPassword":
        return (
          <Field
            key="password"
            label={messages.ui.resetPassword.newPassword}
            secret
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitPassword", raw })}
          />
        )
      case "ConfirmPassword":
        return (
          <Field
            key="confirm"
            label={messages.ui.resetPassword.newPasswordAgain}
            secret
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitConfirmation", raw })}
          />
        )
      case "Verifying":
        return <Busy label={messages.ui.resetPassword.verifying} note={note} />
      case "Done":
        return (
          <Box flexDirection="column">
            <Box marginBottom={1}>
              <Text color={theme.color.success}>
                {theme.symbol.success} {messages.ui.resetPassword.done}
              </Text>
            </Box>
            <Menu
              key="done"
              items={[
                { value: "signIn", label: messages.ui.signInAction },
                { value: "home", label: messages.ui.backHome },
              ]}
              onChoose={(v) => (v === "signIn" ? onSignIn() : onLeave())}
            />
          </Box>
        )
      case "Failed":
        return (
          <Failure text={step.text}>
            <Menu
              key="failed"
              items={step.actions.map((a) => ({ value: a, label: failureLabel(a) }))}
              onChoose={(action) => (action === "home" ? onLeave() : dispatch({ _tag: "Choose", action }))}
            />
          </Failure>
        )
    }
  })()
  return (
    <Box flexDirection="column">
      <Header title={messages.ui.resetPassword.title} sandbox={endpoint.sandbox} />
      <Notice notice={state.notice} />
      <Text color={theme.color.muted}>
        {messages.ui.endpoint}: {endpoint.label}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {body}
      </Box>
      <Footer hints={hintsFor(state)} />
    </Box>
  )
}
