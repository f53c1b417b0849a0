/**
 * Field-validation reasons in the reader's language. Core's sentences (`InvalidRequest.reason`, `Fields.check`)
 * are English, for developers and logs; the app words the same rule from its code (`InvalidRequest.rule`,
 * `Fields.problem`) through the catalog. A reason without a code stays the library's sentence.
 */
import { type Errors, Fields, SwitchUser } from "@soracom-auth/core"
import { Option } from "effect"
import { type Messages, messages } from "./messages.ts"

const isField = (field: string): field is Fields.FieldName =>
  (Fields.fieldNames as ReadonlyArray<string>).includes(field)

/** The reason an `InvalidRequest` gives, in `m`'s words. @category formatting */
export const invalidReason = (
  error: Pick<Errors.InvalidRequest, "field" | "reason" | "rule">,
  m: Messages = messages,
): string => {
  const t = m.cli.invalid
  const { field, rule } = error
  switch (rule) {
    case undefined:
      return error.reason
    case "oneKind":
    case "endpointCredentials":
    case "endpointQuery":
    case "endpointUrl":
      return t[rule]
    case "range":
      return t.range(Fields.TOKEN_TIMEOUT.minimum, Fields.TOKEN_TIMEOUT.maximum)
    case "switchRange":
      return t.range(SwitchUser.TOKEN_TIMEOUT.minimum, SwitchUser.TOKEN_TIMEOUT.maximum)
  }
  // the field rules name the field
  if (!isField(field)) return error.reason
  const label = t.label[field]
  switch (rule) {
    case "required":
      return t.required(label)
    case "tooLong":
      return t.tooLong(label, Fields.MAX_LENGTH)
    case "spaces":
      return t.spaces(label)
    case "unsendable":
      return t.unsendable(label)
    case "format":
      return field === "email" || field === "operatorId" || field === "mfaOtpCode"
        ? t.format[field]
        : t.format.other(label)
  }
}

/**
 * The first rule a typed value breaks for a field, in the process language; `undefined` when valid. What the
 * screens show under a field (core's rules, the app's words).
 *
 * @category validation
 */
export const fieldProblem = (
  field: Fields.FieldName,
  raw: string,
  m: Messages = messages,
): string | undefined =>
  Option.match(Fields.problem(field, raw), {
    onNone: () => undefined,
    onSome: (p) => invalidReason({ field, reason: p.message, rule: p.rule }, m),
  })
