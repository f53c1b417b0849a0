/**
 * A Schema issue → the `InvalidRequest` users see: the field at fault and the `Fields` rule's own sentence
 * (shared by every `fromInput` and the wire check, so a form and an error say the same thing).
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { InvalidRequest, type InvalidRequestRule } from "../Errors.ts"
import * as Fields from "../Fields.ts"
import { ruleOf } from "./ruleIssue.ts"

/** The `InvalidRequest` for a field's broken rule: the English sentence and the rule's code. */
export const invalidField = (name: Fields.FieldName, problem: Fields.Problem): InvalidRequest =>
  new InvalidRequest({ field: name, reason: problem.message, rule: problem.rule })

/** Why a body names no single field: its keys fit none of the three credential kinds. */
export const oneKind =
  "Give exactly one kind of credentials: email and password, AuthKey ID and secret, or operator ID, user name and password."

/** Wire keys whose library name differs (`Fields.FieldName`). */
const libraryName: Readonly<Record<string, string>> = { mfaOTPCode: "mfaOtpCode" }

const isField = (key: string) => (Fields.fieldNames as ReadonlyArray<string>).includes(key)

interface Leaf {
  readonly field: string
  readonly issue: SchemaIssue.Issue
}

/** A problem with the body's keys rather than a value: what sets a union member apart from the body's kind. */
const isKeyProblem = (leaf: Leaf) => leaf.issue._tag === "MissingKey" || leaf.issue._tag === "UnexpectedKey"

/** The first leaf issue and the innermost field name on its path. */
const firstLeaf = (issue: SchemaIssue.Issue, field: string): Leaf => {
  switch (issue._tag) {
    case "Pointer": {
      const key = issue.path.findLast(
        (k): k is string => typeof k === "string" && isField(libraryName[k] ?? k),
      )
      return firstLeaf(issue.issue, key === undefined ? field : (libraryName[key] ?? key))
    }
    case "Composite":
      return firstLeaf(issue.issues[0], field)
    case "Encoding":
      return firstLeaf(issue.issue, field)
    case "AnyOf": {
      // Not an object at all: no member was tried.
      if (issue.issues.length === 0) return { field, issue }
      // A union of credential bodies: the member the keys fit is the one failing on a value, not on a key.
      for (const member of issue.issues) {
        const leaf = firstLeaf(member, field)
        if (!isKeyProblem(leaf)) return leaf
      }
      return { field: "credentials", issue }
    }
    default:
      return { field, issue }
  }
}

/** The broken rule's code, where the issue has one: the Fields rule, a missing value, not one kind. */
const codeOf = ({ field, issue }: Leaf): InvalidRequestRule | undefined => {
  if (field === "body") return undefined
  switch (issue._tag) {
    case "Filter":
      return ruleOf(issue.issue) as InvalidRequestRule | undefined
    case "MissingKey":
      return "required"
    case "AnyOf":
      return "oneKind"
    default:
      return undefined
  }
}

const reasonOf = ({ field, issue }: Leaf): string => {
  if (field === "body") return "The request body is not a JSON object of the expected shape."
  switch (issue._tag) {
    case "Filter":
      return SchemaIssue.defaultCheckHook(issue) ?? String(issue)
    case "MissingKey":
      // `firstLeaf` names a missing key's field only when it is a field; otherwise it is "body" (above).
      return `${Fields.labels[field as Fields.FieldName]} is required.`
    case "InvalidType":
      return issue.ast._tag === "Number" ? "Expected a whole number." : "Expected a string."
    case "InvalidValue":
    case "UnexpectedKey":
    case "Forbidden":
      return SchemaIssue.defaultLeafHook(issue)
    default:
      return oneKind
  }
}

/** The `InvalidRequest` for a Schema issue (`field` when the issue's path names none). */
export const invalidRequest = (issue: SchemaIssue.Issue, field = "body"): InvalidRequest => {
  const leaf = firstLeaf(issue, field)
  const rule = codeOf(leaf)
  return new InvalidRequest({
    field: leaf.field,
    reason: reasonOf(leaf),
    ...(rule === undefined ? {} : { rule }),
  })
}

/** Runs a Schema decode or `makeEffect`, its issue as {@link invalidRequest}. */
export const decoded = <A>(
  effect: Effect.Effect<A, SchemaIssue.Issue | Schema.SchemaError>,
): Effect.Effect<A, InvalidRequest> =>
  Effect.mapError(effect, (e) => invalidRequest(SchemaIssue.isIssue(e) ? e : e.issue))

/**
 * Raw input → the object a `fromInput` decodes: each value normalized (`Fields.normalize`; a `Redacted` secret
 * read only for its check — the decoded value is `Redacted` again), absent ones left out so they are reported
 * as required.
 */
export const inputOf = (
  fields: Partial<Record<Fields.FieldName, string | Redacted.Redacted<string> | undefined>>,
): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    out[name] = Fields.normalize(
      name as Fields.FieldName,
      Redacted.isRedacted(value) ? Redacted.value(value) : value,
    )
  }
  return out
}
