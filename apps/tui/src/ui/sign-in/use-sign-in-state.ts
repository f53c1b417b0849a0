/**
 * The sign-in flow as an explicit state machine: method → fields → (MFA) → review → submitting → signed in, or
 * failed with next steps. Pure: every field is checked with core's own rules (`Fields.check`), and the reducer never
 * performs I/O — the wiring (`use-sign-in.ts`) runs the request and feeds the outcome back as an event.
 */

import { type Credentials, type Errors, Fields } from "@soracom-auth/core"
import { Redacted } from "effect"
import { describe, type Described as ErrorText, type AppError as UiError } from "../../presentation/errors.ts"
import { formatLifetime as formatSeconds } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import { fieldProblem, invalidReason } from "../../presentation/reasons.ts"
import { takesMfa } from "../../session/method.ts"
import type { EndpointChoice, Method, Notice, SignInRequest } from "../model.ts"

/** The fields each method asks for, in order. @category constants */
export const methodFields: Record<Method, ReadonlyArray<Fields.FieldName>> = {
  authKey: ["authKeyId", "authKey"],
  root: ["email", "password"],
  samUser: ["operatorId", "userName", "password"],
}

export { takesMfa }

/** Token lifetime presets, in seconds; `custom` opens a field. @category constants */
export const lifetimeChoices: ReadonlyArray<{
  readonly seconds: number
  readonly note?: "default" | "maximum"
}> = [
  { seconds: 3_600 },
  { seconds: 43_200 },
  { seconds: Fields.TOKEN_TIMEOUT.default, note: "default" },
  { seconds: Fields.TOKEN_TIMEOUT.maximum, note: "maximum" },
]

/** "24 hours", "1 hour 30 minutes", "3 minutes", "200 seconds" (in the process's language). @category getters */
export const formatLifetime = (seconds: number): string => formatSeconds(seconds)

/** A preset's menu label: "24 hours (default)". @category getters */
export const lifetimeLabel = (choice: (typeof lifetimeChoices)[number]): string =>
  choice.note === undefined
    ? formatSeconds(choice.seconds)
    : `${formatSeconds(choice.seconds)} ${choice.note === "default" ? messages.ui.signIn.lifetimeDefault : messages.ui.signIn.lifetimeMaximum}`

/** @category models */
export type FailureAction = "tryAgain" | "addMfa" | "changeEndpoint" | "home"

/** @category models */
export type SignInStep =
  | { readonly _tag: "Method" }
  | { readonly _tag: "Field"; readonly field: Fields.FieldName; readonly error?: string }
  | { readonly _tag: "Mfa"; readonly error?: string }
  | { readonly _tag: "Review" }
  | { readonly _tag: "Lifetime" }
  | { readonly _tag: "LifetimeCustom"; readonly error?: string }
  | { readonly _tag: "Endpoint" }
  | { readonly _tag: "Submitting"; readonly request: SignInRequest }
  | {
      readonly _tag: "Failed"
      readonly error: UiError
      readonly text: ErrorText
      readonly actions: ReadonlyArray<FailureAction>
    }

/** The plain (non-secret) values typed so far. @category models */
export interface PlainValues {
  readonly authKeyId?: string
  readonly email?: string
  readonly operatorId?: string
  readonly userName?: string
}

/** @category models */
export interface SignInState {
  readonly step: SignInStep
  readonly method: Method
  readonly values: PlainValues
  readonly secrets: {
    readonly authKey?: Redacted.Redacted<string>
    readonly password?: Redacted.Redacted<string>
  }
  readonly mfaOtpCode?: string
  readonly tokenTimeoutSeconds: number
  readonly endpoints: ReadonlyArray<EndpointChoice>
  readonly endpoint: EndpointChoice
  readonly notice?: Notice
  /** The step the flow opened at when it was not the method picker (a profile's MFA or review): Esc there leaves. */
  readonly startedAt?: "Mfa" | "Review"
}

/** @category models */
export type SignInEvent =
  | { readonly _tag: "ChooseMethod"; readonly method: Method }
  /** What the current profile knows, applied while the user has not started: method, plain values, lifetime, endpoint. */
  | { readonly _tag: "Preselect"; readonly from: SignInPrefill }
  | { readonly _tag: "SubmitField"; readonly field: Fields.FieldName; readonly raw: string }
  | { readonly _tag: "SubmitMfa"; readonly raw: string }
  | { readonly _tag: "Review"; readonly choice: "signIn" | "lifetime" | "endpoint" | "mfa" }
  | { readonly _tag: "ChooseLifetime"; readonly seconds: number | "custom" }
  | { readonly _tag: "SubmitCustomLifetime"; readonly raw: string }
  | { readonly _tag: "ChooseEndpoint"; readonly id: EndpointChoice["id"] }
  | { readonly _tag: "Cancelled" }
  | { readonly _tag: "Failed"; readonly error: Errors.AuthError | UiError; readonly now: number }
  | { readonly _tag: "ChooseFailureAction"; readonly action: Exclude<FailureAction, "home"> }
  | { readonly _tag: "Back" }

/** Where the flow starts: what a profile or an earlier attempt already knows. @category models */
export interface SignInPrefill {
  readonly method?: Method
  readonly values?: PlainValues
  readonly secrets?: SignInState["secrets"]
  readonly tokenTimeoutSeconds?: number
  /** Preselected; added to the choices when it is not one of them (e.g. a profile's own URL). */
  readonly endpoint?: EndpointChoice
  /** Open at this step instead of the method picker (`Mfa`: a profile's sign-in needs a code). */
  readonly startAt?: "Method" | "Mfa" | "Review"
  /** The profile these values came from: the session remembers it. */
  readonly profileName?: string
}

/** @category constructors */
export const initialSignIn = (
  choices: ReadonlyArray<EndpointChoice>,
  prefill: SignInPrefill = {},
): SignInState => {
  const given = prefill.endpoint
  const known = given === undefined ? undefined : choices.find((e) => e.baseUrl === given.baseUrl)
  const endpoints = given === undefined || known !== undefined ? choices : [given, ...choices]
  const endpoint = known ?? given ?? choices[0]
  if (endpoint === undefined) throw new Error("initialSignIn: no endpoint to choose from")
  const method = prefill.method ?? "authKey"
  const startAt = prefill.startAt === "Mfa" && !takesMfa(method) ? "Review" : (prefill.startAt ?? "Method")
  return {
    step: { _tag: startAt },
    ...(startAt === "Method" ? {} : { startedAt: startAt }),
    method,
    values: prefill.values ?? {},
    secrets: prefill.secrets ?? {},
    tokenTimeoutSeconds: prefill.tokenTimeoutSeconds ?? Fields.TOKEN_TIMEOUT.default,
    endpoints,
    endpoint,
  }
}

/**
 * The sign-in prefilled from `SORACOM_AUTH_KEY_ID` (and `SORACOM_AUTH_KEY`): AuthKey preselected in the picker, its
 * ID (and secret) filled in, and a notice saying where they came from.
 *
 * @category constructors
 */
export const fromEnvironment = (
  choices: ReadonlyArray<EndpointChoice>,
  authKey: { readonly authKeyId: string; readonly authKey?: Redacted.Redacted<string> | undefined },
): SignInState => ({
  ...initialSignIn(choices, {
    method: "authKey",
    values: { authKeyId: authKey.authKeyId },
    secrets: authKey.authKey === undefined ? {} : { authKey: authKey.authKey },
  }),
  notice: {
    kind: "info",
    text:
      authKey.authKey === undefined
        ? messages.ui.signIn.idFromEnvironment
        : messages.ui.signIn.fromEnvironment,
  },
})

const isSecretField = (field: Fields.FieldName): field is "authKey" | "password" => Fields.isSecret(field)

/** The value a field shows when the user comes back to it (never a secret). @category getters */
export const plainValue = (state: SignInState, field: Fields.FieldName): string | undefined =>
  field in state.values ? state.values[field as keyof PlainValues] : undefined

/** The field after `field` for the method, or the step after the last field. */
const after = (state: SignInState, field: Fields.FieldName): SignInStep => {
  const fields = methodFields[state.method]
  const next = fields[fields.indexOf(field) + 1]
  if (next !== undefined) return { _tag: "Field", field: next }
  return takesMfa(state.method) ? { _tag: "Mfa" } : { _tag: "Review" }
}

const firstField = (method: Method): SignInStep => ({ _tag: "Field", field: methodFields[method][0]! })

/** Builds the request from a complete state; `undefined` when something is missing. @category getters */
export const toRequest = (state: SignInState): SignInRequest | undefined => {
  const credentials = credentialsOfState(state)
  return credentials === undefined
    ? undefined
    : {
        credentials,
        tokenTimeoutSeconds: state.tokenTimeoutSeconds,
        endpoint: state.endpoint,
        ...(state.mfaOtpCode === undefined || !takesMfa(state.method)
          ? {}
          : { mfaOtpCode: state.mfaOtpCode }),
      }
}

/** The credentials the state holds for its method (core's `CredentialsInput`); `undefined` when incomplete. */
const credentialsOfState = (state: SignInState): Credentials.Input | undefined => {
  const { values, secrets } = state
  switch (state.method) {
    case "authKey":
      return values.authKeyId !== undefined && secrets.authKey !== undefined
        ? { kind: "authKey", authKeyId: values.authKeyId, authKey: secrets.authKey }
        : undefined
    case "root":
      return values.email !== undefined && secrets.password !== undefined
        ? { kind: "root", email: values.email, password: secrets.password }
        : undefined
    case "samUser":
      return values.operatorId !== undefined &&
        values.userName !== undefined &&
        secrets.password !== undefined
        ? {
            kind: "samUser",
            operatorId: values.operatorId,
            userName: values.userName,
            password: secrets.password,
          }
        : undefined
  }
}

const failureActions = (state: SignInState, error: UiError): ReadonlyArray<FailureAction> => {
  switch (error._tag) {
    case "AuthFailed":
      return takesMfa(state.method) ? ["tryAgain", "addMfa", "home"] : ["tryAgain", "home"]
    case "TransportError":
      return ["tryAgain", "changeEndpoint", "home"]
    default:
      return ["tryAgain", "home"]
  }
}

const withoutNotice = ({ notice: _, ...rest }: SignInState): SignInState => rest

const go = (state: SignInState, step: SignInStep): SignInState => ({ ...withoutNotice(state), step })

/** The step Esc leads to; `undefined` means "leave the sign-in flow". @category getters */
export const previousStep = (state: SignInState): SignInStep | undefined => {
  const { step } = state
  switch (step._tag) {
    case "Method":
      return undefined
    case "Field": {
      const fields = methodFields[state.method]
      const prev = fields[fields.indexOf(step.field) - 1]
      return prev === undefined ? { _tag: "Method" } : { _tag: "Field", field: prev }
    }
    case "Mfa": {
      const fields = methodFields[state.method]
      return { _tag: "Field", field: fields[fields.length - 1]! }
    }
    case "Review":
      return takesMfa(state.method)
        ? { _tag: "Mfa" }
        : { _tag: "Field", field: methodFields[state.method][methodFields[state.method].length - 1]! }
    case "Lifetime":
    case "Endpoint":
    case "Failed":
      return { _tag: "Review" }
    case "LifetimeCustom":
      return { _tag: "Lifetime" }
    case "Submitting":
      // Esc while submitting cancels the request; the wiring interrupts it and sends `Cancelled`.
      return { _tag: "Review" }
  }
}

/** @category reducers */
export const signInReducer = (state: SignInState, event: SignInEvent): SignInState => {
  switch (event._tag) {
    case "Preselect": {
      const untouched = state.step._tag === "Method" && Object.keys(state.values).length === 0
      if (!untouched) return state
      const { from } = event
      const endpoint =
        from.endpoint === undefined
          ? state.endpoint
          : (state.endpoints.find((e) => e.baseUrl === from.endpoint!.baseUrl) ?? from.endpoint)
      return {
        ...state,
        method: from.method ?? state.method,
        values: from.values ?? {},
        tokenTimeoutSeconds: from.tokenTimeoutSeconds ?? state.tokenTimeoutSeconds,
        endpoints: state.endpoints.some((e) => e.baseUrl === endpoint.baseUrl)
          ? state.endpoints
          : [endpoint, ...state.endpoints],
        endpoint,
        notice: { kind: "info", text: messages.ui.signIn.preselected(from.profileName ?? "default") },
      }
    }
    case "ChooseMethod": {
      // the same method with everything already known (e.g. an AuthKey from the environment): straight to review
      if (event.method === state.method)
        return go(state, toRequest(state) === undefined ? firstField(event.method) : { _tag: "Review" })
      // A different method: secrets typed for the old one never carry over.
      return { ...withoutNotice(state), method: event.method, secrets: {}, step: firstField(event.method) }
    }
    case "SubmitField": {
      if (state.step._tag !== "Field" || state.step.field !== event.field) return state
      const problem = fieldProblem(event.field, event.raw)
      if (problem !== undefined)
        return { ...state, step: { _tag: "Field", field: event.field, error: problem } }
      const value = Fields.normalize(event.field, event.raw)
      const next = isSecretField(event.field)
        ? { ...state, secrets: { ...state.secrets, [event.field]: Redacted.make(value) } }
        : { ...state, values: { ...state.values, [event.field]: value } }
      return go(next, after(next, event.field))
    }
    case "SubmitMfa": {
      if (state.step._tag !== "Mfa") return state
      const raw = event.raw.trim()
      if (raw.length === 0) {
        const { mfaOtpCode: _, ...rest } = state
        return go(rest, { _tag: "Review" })
      }
      const problem = fieldProblem("mfaOtpCode", raw)
      if (problem !== undefined) return { ...state, step: { _tag: "Mfa", error: problem } }
      return go({ ...state, mfaOtpCode: Fields.normalize("mfaOtpCode", raw) }, { _tag: "Review" })
    }
    case "Review": {
      if (state.step._tag !== "Review") return state
      switch (event.choice) {
        case "lifetime":
          return go(state, { _tag: "Lifetime" })
        case "endpoint":
          return go(state, { _tag: "Endpoint" })
        case "mfa":
          return takesMfa(state.method) ? go(state, { _tag: "Mfa" }) : state
        case "signIn": {
          const request = toRequest(state)
          return request === undefined
            ? go(state, firstField(state.method))
            : go(state, { _tag: "Submitting", request })
        }
      }
      return state
    }
    case "ChooseLifetime":
      if (state.step._tag !== "Lifetime") return state
      return event.seconds === "custom"
        ? go(state, { _tag: "LifetimeCustom" })
        : go({ ...state, tokenTimeoutSeconds: event.seconds }, { _tag: "Review" })
    case "SubmitCustomLifetime": {
      if (state.step._tag !== "LifetimeCustom") return state
      const problem = fieldProblem("tokenTimeoutSeconds", event.raw)
      if (problem !== undefined) return { ...state, step: { _tag: "LifetimeCustom", error: problem } }
      const seconds = Number(Fields.normalize("tokenTimeoutSeconds", event.raw))
      return go({ ...state, tokenTimeoutSeconds: seconds }, { _tag: "Review" })
    }
    case "ChooseEndpoint": {
      if (state.step._tag !== "Endpoint") return state
      const endpoint = state.endpoints.find((e) => e.id === event.id)
      return endpoint === undefined ? state : go({ ...state, endpoint }, { _tag: "Review" })
    }
    case "Cancelled":
      if (state.step._tag !== "Submitting") return state
      return {
        ...state,
        step: { _tag: "Review" },
        notice: { kind: "warning", text: messages.ui.signIn.cancelled },
      }
    case "Failed": {
      if (state.step._tag !== "Submitting") return state
      const { error } = event
      if (error._tag === "InvalidRequest") {
        const field = error.field as Fields.FieldName
        const reason = invalidReason(error)
        if (methodFields[state.method].includes(field))
          return go(state, { _tag: "Field", field, error: reason })
        if (field === "mfaOtpCode") return go(state, { _tag: "Mfa", error: reason })
        if (field === "tokenTimeoutSeconds") return go(state, { _tag: "LifetimeCustom", error: reason })
      }
      return go(state, {
        _tag: "Failed",
        error,
        text: describe(error, {
          surface: "app",
          method: state.method,
          mfaEntered: state.step.request.mfaOtpCode !== undefined,
          endpointUrl: state.endpoint.baseUrl,
          now: event.now,
        }),
        actions: failureActions(state, error),
      })
    }
    case "ChooseFailureAction": {
      if (state.step._tag !== "Failed") return state
      switch (event.action) {
        case "tryAgain": {
          if (state.step.error._tag !== "AuthFailed") {
            const request = toRequest(state)
            return request === undefined
              ? go(state, { _tag: "Review" })
              : go(state, { _tag: "Submitting", request })
          }
          // Retype the secret (and the MFA code, which is single-use); everything else is kept.
          const { mfaOtpCode: _, ...rest } = state
          const secretField = methodFields[state.method].find(isSecretField)!
          const cleared = { ...rest, secrets: {} }
          const firstMissing = methodFields[state.method].find(
            (f) => !isSecretField(f) && plainValue(state, f) === undefined,
          )
          return go(cleared, { _tag: "Field", field: firstMissing ?? secretField })
        }
        case "addMfa": {
          const { mfaOtpCode: _, ...rest } = state
          return go(rest, { _tag: "Mfa" })
        }
        case "changeEndpoint":
          return go(state, { _tag: "Endpoint" })
      }
      return state
    }
    case "Back": {
      const previous = previousStep(state)
      return previous === undefined ? state : go(state, previous)
    }
  }
}
