/**
 * Password reset as an explicit flow: email → request → token → new password → confirmation → verify → done, or
 * an error in plain words with a way to start over. Fields are checked with core's rules; pure.
 */

import { Fields } from "@soracom-auth/core"
import { Redacted } from "effect"
import { describe, type Described as ErrorText, type AppError as UiError } from "../../presentation/errors.ts"
import { messages } from "../../presentation/messages.ts"
import { fieldProblem, invalidReason } from "../../presentation/reasons.ts"
import type { Notice } from "../model.ts"

/** @category models */
export type ResetFailureAction = "requestNew" | "enterTokenAgain" | "tryAgain" | "home"

/** @category models */
export type ResetStep =
  | { readonly _tag: "Email"; readonly error?: string }
  | { readonly _tag: "Requesting" }
  | { readonly _tag: "Token"; readonly error?: string }
  | { readonly _tag: "NewPassword"; readonly error?: string }
  | { readonly _tag: "ConfirmPassword"; readonly error?: string }
  | { readonly _tag: "Verifying" }
  | { readonly _tag: "Done" }
  | {
      readonly _tag: "Failed"
      readonly text: ErrorText
      readonly actions: ReadonlyArray<ResetFailureAction>
      readonly during: "request" | "verify"
    }

/** @category models */
export interface ResetState {
  readonly step: ResetStep
  readonly email?: string
  readonly token?: Redacted.Redacted<string>
  readonly password?: Redacted.Redacted<string>
  /** Set once the request succeeded: the token went to this address. */
  readonly sentTo?: string
  readonly notice?: Notice
}

/** @category models */
export type ResetEvent =
  | { readonly _tag: "SubmitEmail"; readonly raw: string }
  | { readonly _tag: "Requested" }
  | { readonly _tag: "SubmitToken"; readonly raw: string }
  | { readonly _tag: "SubmitPassword"; readonly raw: string }
  | { readonly _tag: "SubmitConfirmation"; readonly raw: string }
  | { readonly _tag: "Verified" }
  | { readonly _tag: "Failed"; readonly error: UiError; readonly now: number; readonly endpointUrl?: string }
  | { readonly _tag: "Interrupted" }
  | { readonly _tag: "Choose"; readonly action: Exclude<ResetFailureAction, "home"> }
  | { readonly _tag: "Back" }

/** @category constructors */
export const initialReset = (email?: string): ResetState => ({
  step: { _tag: "Email" },
  ...(email === undefined ? {} : { email }),
})

const check = (field: Fields.FieldName, raw: string): string | undefined => fieldProblem(field, raw)

const forget = (state: ResetState): ResetState => {
  const { token: _t, password: _p, notice: _n, ...rest } = state
  return rest
}

/** @category reducers */
export const resetReducer = (state: ResetState, event: ResetEvent): ResetState => {
  const { step } = state
  switch (event._tag) {
    case "SubmitEmail": {
      if (step._tag !== "Email") return state
      const error = check("email", event.raw)
      if (error !== undefined) return { ...state, step: { _tag: "Email", error } }
      return { ...forget(state), email: Fields.normalize("email", event.raw), step: { _tag: "Requesting" } }
    }
    case "Requested":
      if (step._tag !== "Requesting" || state.email === undefined) return state
      return { ...state, sentTo: state.email, step: { _tag: "Token" } }
    case "SubmitToken": {
      if (step._tag !== "Token") return state
      const error = check("token", event.raw)
      if (error !== undefined) return { ...state, step: { _tag: "Token", error } }
      return {
        ...forget(state),
        token: Redacted.make(Fields.normalize("token", event.raw)),
        step: { _tag: "NewPassword" },
      }
    }
    case "SubmitPassword": {
      if (step._tag !== "NewPassword") return state
      const error = check("password", event.raw)
      if (error !== undefined) return { ...state, step: { _tag: "NewPassword", error } }
      return { ...state, password: Redacted.make(event.raw), step: { _tag: "ConfirmPassword" } }
    }
    case "SubmitConfirmation": {
      if (step._tag !== "ConfirmPassword" || state.password === undefined) return state
      if (event.raw !== Redacted.value(state.password)) {
        const { password: _, ...rest } = state
        return {
          ...rest,
          step: {
            _tag: "NewPassword",
            error: messages.ui.resetPassword.mismatch,
          },
        }
      }
      return { ...state, step: { _tag: "Verifying" } }
    }
    case "Verified":
      if (step._tag !== "Verifying") return state
      return { ...forget(state), step: { _tag: "Done" } }
    case "Interrupted":
      if (step._tag === "Requesting") return { ...state, step: { _tag: "Email" }, notice: cancelled() }
      if (step._tag === "Verifying")
        return { ...state, step: { _tag: "ConfirmPassword" }, notice: cancelled() }
      return state
    case "Failed": {
      const { error } = event
      const text = describe(error, { surface: "app", now: event.now, endpointUrl: event.endpointUrl })
      if (step._tag === "Requesting") {
        if (error._tag === "InvalidEmail" || (error._tag === "InvalidRequest" && error.field === "email")) {
          return { ...state, step: { _tag: "Email", error: `${text.title} ${text.next}` } }
        }
        return { ...state, step: { _tag: "Failed", text, actions: ["tryAgain", "home"], during: "request" } }
      }
      if (step._tag === "Verifying") {
        if (error._tag === "InvalidRequest" && error.field === "password") {
          return { ...forget(state), step: { _tag: "NewPassword", error: invalidReason(error) } }
        }
        const actions: ReadonlyArray<ResetFailureAction> =
          error._tag === "InvalidToken"
            ? ["requestNew", "enterTokenAgain", "home"]
            : error._tag === "TokenExpired"
              ? ["requestNew", "home"]
              : ["tryAgain", "requestNew", "home"]
        return { ...state, step: { _tag: "Failed", text, actions, during: "verify" } }
      }
      return state
    }
    case "Choose": {
      if (step._tag !== "Failed") return state
      switch (event.action) {
        case "requestNew":
          return { ...forget(state), step: { _tag: "Email" } }
        case "enterTokenAgain":
          return { ...forget(state), step: { _tag: "Token" } }
        case "tryAgain":
          return {
            ...state,
            step: step.during === "request" ? { _tag: "Requesting" } : { _tag: "Verifying" },
          }
      }
      return state
    }
    case "Back":
      switch (step._tag) {
        case "Token":
          return { ...forget(state), step: { _tag: "Email" } }
        case "NewPassword":
          return { ...forget(state), step: { _tag: "Token" } }
        case "ConfirmPassword": {
          const { password: _, ...rest } = state
          return { ...rest, step: { _tag: "NewPassword" } }
        }
        case "Failed":
          return { ...forget(state), step: step.during === "request" ? { _tag: "Email" } : { _tag: "Token" } }
        default:
          return state
      }
  }
}

const cancelled = (): Notice => ({ kind: "warning", text: messages.ui.cancelled })

/** Whether Esc on this step leaves the flow. @category guards */
export const leavesOnBack = (state: ResetState): boolean =>
  state.step._tag === "Email" || state.step._tag === "Done"
