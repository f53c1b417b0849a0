/**
 * The Profiles screen's flow: load the list → pick one → sign in with it / delete it (asks first). Pure.
 */
import { describe, type Described as ErrorText, type AppError as UiError } from "../../presentation/errors.ts"
import { messages } from "../../presentation/messages.ts"
import type { ProfileSummary } from "../effects/services.ts"
import type { Notice } from "../model.ts"

/** @category models */
export type ProfileAction = "signIn" | "edit" | "delete" | "back"

/** @category models */
export type ProfilesStep =
  | { readonly _tag: "Loading" }
  | { readonly _tag: "List" }
  | { readonly _tag: "Actions"; readonly profile: ProfileSummary }
  | { readonly _tag: "ConfirmDelete"; readonly profile: ProfileSummary }
  | { readonly _tag: "Deleting"; readonly profile: ProfileSummary }
  | { readonly _tag: "SigningIn"; readonly profile: ProfileSummary }
  | { readonly _tag: "Reading"; readonly profile: ProfileSummary; readonly startAt: "Mfa" | "Review" }
  | {
      readonly _tag: "SignInFailed"
      readonly profile: ProfileSummary
      readonly text: ErrorText
      readonly error: UiError
    }
  | { readonly _tag: "LoadFailed"; readonly text: ErrorText }

/** @category models */
export interface ProfilesState {
  readonly step: ProfilesStep
  readonly profiles: ReadonlyArray<ProfileSummary>
  /** The last profile chosen, focused again when the list comes back. */
  readonly focus?: string
  readonly notice?: Notice
}

/** @category models */
export type ProfilesEvent =
  | { readonly _tag: "Loaded"; readonly profiles: ReadonlyArray<ProfileSummary> }
  | { readonly _tag: "LoadFailed"; readonly error: UiError; readonly now: number }
  | { readonly _tag: "Pick"; readonly name: string }
  | { readonly _tag: "Choose"; readonly action: "signIn" | "delete" | "edit" | "mfa" }
  | { readonly _tag: "ConfirmDelete"; readonly yes: boolean }
  | { readonly _tag: "Deleted" }
  | {
      readonly _tag: "SignInFailed"
      readonly error: UiError
      readonly now: number
      readonly endpointUrl?: string
    }
  | { readonly _tag: "Failed"; readonly error: UiError; readonly now: number }
  | { readonly _tag: "Interrupted" }
  | { readonly _tag: "Reload"; readonly notice?: Notice }
  | { readonly _tag: "Back" }

/** @category constructors */
export const initialProfiles: ProfilesState = { step: { _tag: "Loading" }, profiles: [] }

const list = (state: ProfilesState, notice?: Notice): ProfilesState => {
  const { notice: _, ...rest } = state
  return notice === undefined
    ? { ...rest, step: { _tag: "List" } }
    : { ...rest, step: { _tag: "List" }, notice }
}

/** @category reducers */
export const profilesReducer = (state: ProfilesState, event: ProfilesEvent): ProfilesState => {
  const { step } = state
  switch (event._tag) {
    case "Loaded":
      return step._tag === "Loading" ? { ...state, profiles: event.profiles, step: { _tag: "List" } } : state
    case "LoadFailed":
      return step._tag === "Loading"
        ? {
            ...state,
            step: { _tag: "LoadFailed", text: describe(event.error, { surface: "app", now: event.now }) },
          }
        : state
    case "Pick": {
      if (step._tag !== "List") return state
      const profile = state.profiles.find((p) => p.name === event.name)
      if (profile === undefined) return state
      const { notice: _, ...rest } = state
      return { ...rest, focus: profile.name, step: { _tag: "Actions", profile } }
    }
    case "Choose":
      if (step._tag !== "Actions") return state
      switch (event.action) {
        case "delete":
          return { ...state, step: { _tag: "ConfirmDelete", profile: step.profile } }
        case "signIn":
          return { ...state, step: { _tag: "SigningIn", profile: step.profile } }
        case "edit":
        case "mfa":
          return {
            ...state,
            step: {
              _tag: "Reading",
              profile: step.profile,
              startAt: event.action === "mfa" ? "Mfa" : "Review",
            },
          }
      }
      return state
    case "ConfirmDelete":
      if (step._tag !== "ConfirmDelete") return state
      return event.yes
        ? { ...state, step: { _tag: "Deleting", profile: step.profile } }
        : { ...state, step: { _tag: "Actions", profile: step.profile } }
    case "Deleted": {
      if (step._tag !== "Deleting") return state
      const { focus: _, ...rest } = state
      return {
        ...rest,
        step: { _tag: "Loading" },
        notice: { kind: "success", text: messages.ui.profiles.deleted(step.profile.name) },
      }
    }
    case "SignInFailed":
      if (step._tag !== "SigningIn" && step._tag !== "Reading") return state
      return {
        ...state,
        step: {
          _tag: "SignInFailed",
          profile: step.profile,
          error: event.error,
          text: describe(event.error, {
            surface: "app",
            now: event.now,
            endpointUrl: event.endpointUrl,
            ...(step.profile.method ? { method: step.profile.method } : {}),
          }),
        },
      }
    case "Failed": {
      const text = describe(event.error, { surface: "app", now: event.now })
      return list(state, { kind: "error", text: `${text.title} ${text.next}` })
    }
    case "Interrupted":
      return step._tag === "SigningIn" || step._tag === "Deleting" || step._tag === "Reading"
        ? {
            ...state,
            step: { _tag: "Actions", profile: step.profile },
            notice: { kind: "warning", text: messages.ui.cancelled },
          }
        : state
    case "Reload":
      return event.notice === undefined
        ? { ...state, step: { _tag: "Loading" } }
        : { ...state, step: { _tag: "Loading" }, notice: event.notice }
    case "Back":
      switch (step._tag) {
        case "Actions":
        case "LoadFailed":
          return list(state)
        case "ConfirmDelete":
        case "SignInFailed":
          return { ...state, step: { _tag: "Actions", profile: step.profile } }
        default:
          return state
      }
  }
}

/** Whether Esc on this step leaves the screen. @category guards */
export const leavesOnBack = (state: ProfilesState): boolean =>
  state.step._tag === "List" || state.step._tag === "LoadFailed"
