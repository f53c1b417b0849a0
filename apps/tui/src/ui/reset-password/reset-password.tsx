/**
 * Reset password: request a token for an email address, then set a new password with it (typed twice, masked).
 * In a sandbox, no mail leaves the machine: the screen says where to read the token.
 */
import { Box, Text } from "ink"
import { Busy } from "../components/busy.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import type { EndpointChoice } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { useResetPassword } from "./use-reset-password.ts"
import type { ResetFailureAction, ResetState } from "./use-reset-password-state.ts"

const failureLabels: Record<ResetFailureAction, string> = {
  requestNew: "Request a new token",
  enterTokenAgain: "Enter the token again",
  tryAgain: "Try again",
  home: "Back to home",
}

/** Where a sandbox keeps the mail it "sent". @category getters */
export const outboxHint = (endpoint: EndpointChoice): string | undefined => {
  const outbox = `${endpoint.baseUrl.replace(/\/v1$/, "")}/_sandbox/outbox`
  if (endpoint.id === "demo")
    return `This is the embedded sandbox: no mail is sent. Read the token at ${outbox}`
  if (endpoint.id === "custom")
    return `If this is a soracom-auth sandbox, the token is in its outbox: ${outbox}`
  return undefined
}

const hintsFor = (state: ResetState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Requesting":
    case "Verifying":
      return [keys.cancel, keys.ctrlC]
    case "Email":
      return [keys.submit, ["Esc", "home"], keys.ctrlC]
    case "Done":
      return [keys.choose, ["Esc", "home"], keys.ctrlC]
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
          <Text color={theme.color.success}>{theme.symbol.success}</Text> A reset token was sent to{" "}
          <Text bold>{state.sentTo}</Text>.
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
            label="Email"
            defaultValue={state.email}
            placeholder="name@example.com"
            hint="The root user's email address; SORACOM mails a reset token to it."
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitEmail", raw })}
          />
        )
      case "Requesting":
        return <Busy label={`Requesting a reset token for ${state.email}…`} note={note} />
      case "Token":
        return (
          <Box flexDirection="column">
            {sent}
            <Field
              key="token"
              label="Reset token"
              hint="Paste the token from the email."
              error={step.error}
              onSubmit={(raw) => dispatch({ _tag: "SubmitToken", raw })}
            />
          </Box>
        )
      case "NewPassword":
        return (
          <Field
            key="password"
            label="New password"
            secret
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitPassword", raw })}
          />
        )
      case "ConfirmPassword":
        return (
          <Field
            key="confirm"
            label="New password again"
            secret
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitConfirmation", raw })}
          />
        )
      case "Verifying":
        return <Busy label="Setting the new password…" note={note} />
      case "Done":
        return (
          <Box flexDirection="column">
            <Box marginBottom={1}>
              <Text color={theme.color.success}>
                {theme.symbol.success} Your password was changed. Sign in with the new one.
              </Text>
            </Box>
            <Menu
              key="done"
              items={[
                { value: "signIn", label: "Sign in" },
                { value: "home", label: "Back to home" },
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
              items={step.actions.map((a) => ({ value: a, label: failureLabels[a] }))}
              onChoose={(action) => (action === "home" ? onLeave() : dispatch({ _tag: "Choose", action }))}
            />
          </Failure>
        )
    }
  })()
  return (
    <Box flexDirection="column">
      <Header title="Reset password" sandbox={endpoint.sandbox} />
      <Notice notice={state.notice} />
      <Text color={theme.color.muted}>Endpoint: {endpoint.label}</Text>
      <Box marginTop={1} flexDirection="column">
        {body}
      </Box>
      <Footer hints={hintsFor(state)} />
    </Box>
  )
}
