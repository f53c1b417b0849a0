/**
 * Sign in: the method, its fields one at a time (secrets masked), an optional MFA code, a review with the token
 * lifetime and the endpoint, a spinner while the request runs, and errors in plain words with next steps.
 */

import { Fields } from "@soracom-auth/core"
import { Box, Text } from "ink"
import { useState } from "react"
import { messages } from "../../presentation/messages.ts"
import { Busy } from "../components/busy.tsx"
import { DemoBox } from "../components/demo-box.tsx"
import { Failure } from "../components/failure.tsx"
import { Field } from "../components/field.tsx"
import { Footer, type KeyHint, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu, type MenuItem } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import type { EndpointChoice, Method } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { fieldLabel, fieldPlaceholders, methodItems } from "./labels.ts"
import { type SignInProps, useSignIn } from "./use-sign-in.ts"
import {
  type FailureAction,
  formatLifetime,
  lifetimeChoices,
  lifetimeLabel,
  methodFields,
  plainValue,
  type SignInState,
  takesMfa,
} from "./use-sign-in-state.ts"

const failureLabel = (action: FailureAction): string =>
  ({
    tryAgain: messages.ui.tryAgain,
    addMfa: messages.ui.signIn.addMfa,
    changeEndpoint: messages.ui.signIn.chooseAnotherEndpoint,
    home: messages.ui.backHome,
  })[action]

/** The values entered so far, secrets as "entered (hidden)". */
const Entered = ({ state, upTo }: { readonly state: SignInState; readonly upTo?: Fields.FieldName }) => {
  const fields = methodFields[state.method]
  const shown = upTo === undefined ? fields : fields.slice(0, fields.indexOf(upTo))
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={theme.color.muted}>{messages.ui.signIn.method}: </Text>
        {methodItems().find((m) => m.value === state.method)?.label}
      </Text>
      {shown.map((field) => (
        <Text key={field}>
          <Text color={theme.color.muted}>{fieldLabel(field)}: </Text>
          {Fields.isSecret(field) ? (
            <Text color={theme.color.muted}>{messages.ui.signIn.hidden}</Text>
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
        <Text color={theme.color.muted}>{messages.ui.signIn.mfaCode}: </Text>
        {state.mfaOtpCode === undefined ? messages.ui.signIn.mfaNone : messages.ui.signIn.mfaEntered}
      </Text>
    ) : null}
    <Text>
      <Text color={theme.color.muted}>{messages.ui.signIn.tokenLifetime}: </Text>
      {formatLifetime(state.tokenTimeoutSeconds)}
    </Text>
    <Text>
      <Text color={theme.color.muted}>{messages.ui.endpoint}: </Text>
      {state.endpoint.label}
    </Text>
  </Box>
)

const Body = ({
  state,
  dispatch,
  note,
  onHome,
  onFocusMethod,
}: ReturnType<typeof useSignIn> & {
  readonly onHome: () => void
  readonly onFocusMethod: (method: Method) => void
}) => {
  const { step } = state
  switch (step._tag) {
    case "Method":
      return (
        <Box flexDirection="column">
          <Text>{messages.ui.signIn.howToSignIn}</Text>
          <Menu
            key={`method:${state.method}`}
            items={methodItems()}
            initial={state.method}
            onFocus={onFocusMethod}
            onChoose={(method) => {
              onFocusMethod(method)
              dispatch({ _tag: "ChooseMethod", method })
            }}
          />
        </Box>
      )
    case "Field":
      return (
        <Box flexDirection="column">
          <Entered state={state} upTo={step.field} />
          <Field
            key={step.field}
            label={fieldLabel(step.field)}
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
            label={fieldLabel("mfaOtpCode")}
            placeholder={messages.ui.signIn.mfaPlaceholder}
            hint={messages.ui.signIn.mfaHint}
            error={step.error}
            onSubmit={(raw) => dispatch({ _tag: "SubmitMfa", raw })}
          />
        </Box>
      )
    case "Review": {
      const items: Array<MenuItem<"signIn" | "lifetime" | "endpoint" | "mfa">> = [
        { value: "signIn", label: messages.ui.signInAction },
        { value: "lifetime", ...messages.ui.signIn.changeLifetime },
        { value: "endpoint", ...messages.ui.signIn.changeEndpoint },
      ]
      if (takesMfa(state.method)) {
        items.push({
          value: "mfa",
          label: state.mfaOtpCode === undefined ? messages.ui.signIn.addMfa : messages.ui.signIn.changeMfa,
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
        ...lifetimeChoices.map((c) => ({ value: String(c.seconds), label: lifetimeLabel(c) })),
        {
          value: "custom",
          label: messages.ui.signIn.custom,
          hint: messages.ui.signIn.customHint(Fields.TOKEN_TIMEOUT.minimum, Fields.TOKEN_TIMEOUT.maximum),
        },
      ]
      return (
        <Box flexDirection="column">
          <Text>{messages.ui.signIn.howLong}</Text>
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
          label={fieldLabel("tokenTimeoutSeconds")}
          defaultValue={String(state.tokenTimeoutSeconds)}
          hint={messages.ui.signIn.customFieldHint(
            Fields.TOKEN_TIMEOUT.minimum,
            Fields.TOKEN_TIMEOUT.maximum,
          )}
          error={step.error}
          onSubmit={(raw) => dispatch({ _tag: "SubmitCustomLifetime", raw })}
        />
      )
    case "Endpoint":
      return (
        <Box flexDirection="column">
          <Text>{messages.ui.signIn.where}</Text>
          <Menu<EndpointChoice["id"]>
            key="endpoint"
            items={state.endpoints.map((e) => ({
              value: e.id,
              label: e.label,
              ...(e.sandbox ? { hint: messages.ui.signIn.sandboxHint } : {}),
            }))}
            initial={state.endpoint.id}
            onChoose={(id) => dispatch({ _tag: "ChooseEndpoint", id })}
          />
        </Box>
      )
    case "Submitting":
      return <Busy label={messages.ui.signIn.submitting(state.endpoint.label)} note={note} />
    case "Failed":
      return (
        <Failure text={step.text}>
          <Menu
            key="failed"
            items={step.actions.map((a) => ({ value: a, label: failureLabel(a) }))}
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
      return [keys.move, keys.choose, keys.home, keys.ctrlC]
    default:
      return [keys.move, keys.choose, keys.back, keys.ctrlC]
  }
}

/** @category components */
export const SignIn = (props: SignInProps) => {
  const signIn = useSignIn(props)
  const { state } = signIn
  // in the picker, the box follows the focused method; past it, the chosen one
  const [focusedMethod, setFocusedMethod] = useState<Method | undefined>(undefined)
  const boxMethod = state.step._tag === "Method" ? (focusedMethod ?? state.method) : state.method
  return (
    <Box flexDirection="column">
      <Header title={messages.ui.signIn.title} sandbox={state.endpoint.sandbox} />
      {props.demo === undefined || state.endpoint.id !== "demo" ? null : (
        <DemoBox demo={props.demo} method={boxMethod} />
      )}
      <Notice notice={state.notice} />
      <Body {...signIn} onHome={props.onLeave} onFocusMethod={setFocusedMethod} />
      <Footer hints={hintsFor(signIn.state)} />
    </Box>
  )
}
