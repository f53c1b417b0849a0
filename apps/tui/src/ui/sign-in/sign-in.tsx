/**
 * Sign in: the method, its fields one at a time (secrets masked), an optional MFA code, a review with the token
 * lifetime and the endpoint, a spinner while the request runs, and errors in plain words with next steps.
 */

import { Fields } from "@soracom-auth/core"
import { Box, Text } from "ink"
import { Busy } from "../components/busy.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu, type MenuItem } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import type { EndpointChoice } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { fieldLabels, fieldPlaceholders, methodItems } from "./labels.ts"
import { type SignInProps, useSignIn } from "./use-sign-in.ts"
import {
  type FailureAction,
  formatLifetime,
  lifetimeChoices,
  methodFields,
  plainValue,
  type SignInState,
  takesMfa,
} from "./use-sign-in-state.ts"

const failureLabels: Record<FailureAction, string> = {
  tryAgain: "Try again",
  addMfa: "Add an MFA code",
  changeEndpoint: "Choose another endpoint",
  home: "Back to home",
}

/** The values entered so far, secrets as "entered (hidden)". */
const Entered = ({ state, upTo }: { readonly state: SignInState; readonly upTo?: Fields.FieldName }) => {
  const fields = methodFields[state.method]
  const shown = upTo === undefined ? fields : fields.slice(0, fields.indexOf(upTo))
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={theme.color.muted}>Method: </Text>
        {methodItems.find((m) => m.value === state.method)?.label}
      </Text>
      {shown.map((field) => (
        <Text key={field}>
          <Text color={theme.color.muted}>{fieldLabels[field]}: </Text>
          {Fields.isSecret(field) ? (
            <Text color={theme.color.muted}>entered (hidden)</Text>
          ) : (
            plainValue(state, field)
          )}
        </Text>
      ))}
    </Box>
  )
}

const Review = ({ state }: { readonly state: SignInState }) => (
  <Box flexDirection="column" marginBottom={1}>
    <Entered state={state} />
    {takesMfa(state.method) ? (
      <Text>
        <Text color={theme.color.muted}>MFA code: </Text>
        {state.mfaOtpCode === undefined ? "none" : "entered"}
      </Text>
    ) : null}
    <Text>
      <Text color={theme.color.muted}>Token lifetime: </Text>
      {formatLifetime(state.tokenTimeoutSeconds)}
    </Text>
    <Text>
      <Text color={theme.color.muted}>Endpoint: </Text>
      {state.endpoint.label}
    </Text>
  </Box>
)

const Body = ({
  state,
  dispatch,
  note,
  onHome,
}: ReturnType<typeof useSignIn> & { readonly onHome: () => void }) => {
  const { step } = state
  switch (step._tag) {
    case "Method":
      return (
        <Box flexDirection="column">
          <Text>How do you want to sign in?</Text>
          <Menu
            key={`method:${state.method}`}
            items={methodItems}
            initial={state.method}
            onChoose={(method) => dispatch({ _tag: "ChooseMethod", method })}
          />
        </Box>
      )
    case "Field":
      return (
        <Box flexDirection="column">
          <Entered state={state} upTo={step.field} />
          <Field
            key={step.field}
            label={fieldLabels[step.field]}
            secret={Fields.isSecret(step.field)}
            defaultValue={Fields.isSecret(step.field) ? undefined : plainValue(state, step.field)}
            placeholder={fieldPlaceholders[step.field]}
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitField", field: step.field, raw })}
          />
        </Box>
      )
    case "Mfa":
      return (
        <Box flexDirection="column">
          <Entered state={state} />
          <Field
            key="mfa"
            label={fieldLabels.mfaOtpCode}
            placeholder="leave empty if MFA is off"
            hint="6 digits from your authenticator app. Used once, never saved."
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitMfa", raw })}
          />
        </Box>
      )
    case "Review": {
      const items: Array<MenuItem<"signIn" | "lifetime" | "endpoint" | "mfa">> = [
        { value: "signIn", label: "Sign in" },
        { value: "lifetime", label: "Change the token lifetime", hint: "From 3 minutes to 48 hours" },
        { value: "endpoint", label: "Change the endpoint", hint: "Japan (jp), global (g) or a sandbox" },
      ]
      if (takesMfa(state.method)) {
        items.push({
          value: "mfa",
          label: state.mfaOtpCode === undefined ? "Add an MFA code" : "Change the MFA code",
        })
      }
      return (
        <Box flexDirection="column">
          <Review state={state} />
          <Menu key="review" items={items} onChoose={(choice) => dispatch({ _tag: "Review", choice })} />
        </Box>
      )
    }
    case "Lifetime": {
      const items: Array<MenuItem<string>> = [
        ...lifetimeChoices.map((c) => ({ value: String(c.seconds), label: c.label })),
        {
          value: "custom",
          label: "Custom…",
          hint: `Any whole number of seconds from ${Fields.TOKEN_TIMEOUT.minimum} to ${Fields.TOKEN_TIMEOUT.maximum}`,
        },
      ]
      return (
        <Box flexDirection="column">
          <Text>How long should the token stay valid?</Text>
          <Menu
            key="lifetime"
            items={items}
            initial={
              lifetimeChoices.some((c) => c.seconds === state.tokenTimeoutSeconds)
                ? String(state.tokenTimeoutSeconds)
                : "custom"
            }
            onChoose={(v) =>
              dispatch({ _tag: "ChooseLifetime", seconds: v === "custom" ? "custom" : Number(v) })
            }
          />
        </Box>
      )
    }
    case "LifetimeCustom":
      return (
        <Field
          key="lifetime-custom"
          label={fieldLabels.tokenTimeoutSeconds}
          defaultValue={String(state.tokenTimeoutSeconds)}
          hint={`From ${Fields.TOKEN_TIMEOUT.minimum} (3 minutes) to ${Fields.TOKEN_TIMEOUT.maximum} (48 hours).`}
          error={step.error}
          onSubmit={(raw) => dispatch({ _tag: "SubmitCustomLifetime", raw })}
        />
      )
    case "Endpoint":
      return (
        <Box flexDirection="column">
          <Text>Where do you want to sign in?</Text>
          <Menu<EndpointChoice["id"]>
            key="endpoint"
            items={state.endpoints.map((e) => ({
              value: e.id,
              label: e.label,
              ...(e.sandbox ? { hint: "A sandbox: not your production account" } : {}),
            }))}
            initial={state.endpoint.id}
            onChoose={(id) => dispatch({ _tag: "ChooseEndpoint", id })}
          />
        </Box>
      )
    case "Submitting":
      return <Busy label={`Signing in to ${state.endpoint.label}…`} note={note} />
    case "Failed":
      return (
        <Failure text={step.text}>
          <Menu
            key="failed"
            items={step.actions.map((a) => ({ value: a, label: failureLabels[a] }))}
            onChoose={(action) =>
              action === "home" ? onHome() : dispatch({ _tag: "ChooseFailureAction", action })
            }
          />
        </Failure>
      )
  }
}

const hintsFor = (state: SignInState): ReadonlyArray<KeyHint> => {
  switch (state.step._tag) {
    case "Submitting":
      return [keys.cancel, keys.ctrlC]
    case "Field":
    case "Mfa":
    case "LifetimeCustom":
      return [keys.submit, keys.back, keys.ctrlC]
    case "Method":
      return [keys.move, keys.choose, ["Esc", "home"], keys.ctrlC]
    default:
      return [keys.move, keys.choose, keys.back, keys.ctrlC]
  }
}

/** @category components */
export const SignIn = (props: SignInProps) => {
  const signIn = useSignIn(props)
  return (
    <Box flexDirection="column">
      <Header title="Sign in" sandbox={signIn.state.endpoint.sandbox} />
      <Notice notice={signIn.state.notice} />
      <Body {...signIn} onHome={props.onLeave} />
      <Footer hints={hintsFor(signIn.state)} />
    </Box>
  )
}
