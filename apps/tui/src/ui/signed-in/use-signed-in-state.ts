/**
 * The signed-in screen's flow: the actions menu, saving as a profile (name → overwrite? → saving), signing out.
 * Pure; the wiring runs the effects and reports back.
 */
import { describe, type Described as ErrorText, type AppError as UiError } from "../../presentation/errors.ts"
import { messages } from "../../presentation/messages.ts"
import type { Notice } from "../model.ts"

/** @category models */
export type SignedInAction = "save" | "switch" | "exports" | "signOut" | "done"

/** @category models */
export type SignedInStep =
  | { readonly _tag: "Actions" }
  | { readonly _tag: "SaveName"; readonly error?: string }
  | { readonly _tag: "CheckingName"; readonly name: string }
  | { readonly _tag: "ConfirmOverwrite"; readonly name: string }
  | { readonly _tag: "Saving"; readonly name: string }
  | { readonly _tag: "SigningOut"; readonly localOnly: boolean }
  | { readonly _tag: "SignOutFailed"; readonly text: ErrorText }
  | { readonly _tag: "SwitchOperatorId"; readonly error?: string }
  | { readonly _tag: "SwitchUserName"; readonly operatorId: string; readonly error?: string }
  | { readonly _tag: "Switching"; readonly operatorId: string; readonly userName: string }
  | { readonly _tag: "SwitchFailed"; readonly text: ErrorText }

/** @category models */
export interface SignedInState {
  readonly step: SignedInStep
  readonly notice?: Notice
}

/** @category models */
export type SignedInEvent =
  | { readonly _tag: "Choose"; readonly action: "save" | "switch" | "signOut" | "forget" }
  | { readonly _tag: "SubmitOperatorId"; readonly raw: string }
  | { readonly _tag: "SubmitUserName"; readonly raw: string }
  | { readonly _tag: "Switched"; readonly operatorId: string; readonly userName: string }
  | { readonly _tag: "SubmitName"; readonly raw: string }
  | { readonly _tag: "NameChecked"; readonly exists: boolean }
  | { readonly _tag: "Confirm"; readonly yes: boolean }
  | { readonly _tag: "Saved"; readonly name: string; readonly dir: string }
  | { readonly _tag: "Failed"; readonly error: UiError; readonly now: number; readonly endpointUrl?: string }
  | { readonly _tag: "Interrupted" }
  | { readonly _tag: "Back" }

/** @category constructors */
export const initialSignedIn = (startAt?: "save"): SignedInState =>
  startAt === "save" ? { step: { _tag: "SaveName" } } : { step: { _tag: "Actions" } }

const actions = (notice?: Notice): SignedInState =>
  notice === undefined ? { step: { _tag: "Actions" } } : { step: { _tag: "Actions" }, notice }

/** @category reducers */
export const signedInReducer = (state: SignedInState, event: SignedInEvent): SignedInState => {
  const { step } = state
  switch (event._tag) {
    case "Choose":
      if (event.action === "switch")
        return step._tag === "Actions" || step._tag === "SwitchFailed"
          ? { step: { _tag: "SwitchOperatorId" } }
          : state
      if (step._tag !== "Actions" && !(step._tag === "SignOutFailed" && event.action !== "save")) return state
      return {
        step:
          event.action === "save"
            ? { _tag: "SaveName" }
            : { _tag: "SigningOut", localOnly: event.action === "forget" },
      }
    case "SubmitName": {
      if (step._tag !== "SaveName") return state
      const name = event.raw.trim()
      if (name.length === 0) return { step: { _tag: "SaveName", error: messages.ui.signedIn.nameRequired } }
      return { step: { _tag: "CheckingName", name } }
    }
    case "SubmitOperatorId": {
      if (step._tag !== "SwitchOperatorId") return state
      const operatorId = event.raw.trim()
      if (operatorId.length === 0)
        return { step: { _tag: "SwitchOperatorId", error: messages.ui.signedIn.switchRequired } }
      return { step: { _tag: "SwitchUserName", operatorId } }
    }
    case "SubmitUserName": {
      if (step._tag !== "SwitchUserName") return state
      const userName = event.raw.trim()
      if (userName.length === 0)
        return {
          step: {
            _tag: "SwitchUserName",
            operatorId: step.operatorId,
            error: messages.ui.signedIn.switchRequired,
          },
        }
      return { step: { _tag: "Switching", operatorId: step.operatorId, userName } }
    }
    case "Switched":
      if (step._tag !== "Switching") return state
      return actions({
        kind: "success",
        text: messages.ui.signedIn.switched(event.operatorId, event.userName),
      })
    case "NameChecked":
      if (step._tag !== "CheckingName") return state
      return {
        step: event.exists
          ? { _tag: "ConfirmOverwrite", name: step.name }
          : { _tag: "Saving", name: step.name },
      }
    case "Confirm":
      if (step._tag !== "ConfirmOverwrite") return state
      return event.yes ? { step: { _tag: "Saving", name: step.name } } : { step: { _tag: "SaveName" } }
    case "Saved":
      if (step._tag !== "Saving") return state
      return actions({ kind: "success", text: messages.ui.signedIn.savedAs(event.name, event.dir) })
    case "Failed": {
      const text = describe(event.error, { surface: "app", now: event.now, endpointUrl: event.endpointUrl })
      switch (step._tag) {
        case "CheckingName":
        case "Saving":
          return event.error._tag === "InvalidProfileName"
            ? { step: { _tag: "SaveName", error: text.title } }
            : actions({ kind: "error", text: messages.ui.signedIn.saveFailed(`${text.title} ${text.next}`) })
        case "SigningOut":
          return { step: { _tag: "SignOutFailed", text } }
        case "Switching":
          // a malformed operator ID / user name is refused before any request: back to the field that holds it
          return event.error._tag === "InvalidRequest"
            ? { step: { _tag: "SwitchOperatorId", error: text.title } }
            : { step: { _tag: "SwitchFailed", text } }
        default:
          return state
      }
    }
    case "Interrupted":
      return actions({ kind: "warning", text: messages.ui.cancelled })
    case "Back":
      switch (step._tag) {
        case "SaveName":
        case "SignOutFailed":
        case "SwitchOperatorId":
        case "SwitchFailed":
          return actions()
        case "SwitchUserName":
          return { step: { _tag: "SwitchOperatorId" } }
        case "ConfirmOverwrite":
          return { step: { _tag: "SaveName" } }
        default:
          return state
      }
  }
}
