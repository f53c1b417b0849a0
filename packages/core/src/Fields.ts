/**
 * The input fields of the SORACOM Auth API and the rules each one must satisfy before anything is sent.
 *
 * Every rule lives here once: the Schemas below (used by the request classes), {@link check} (used by UIs to
 * validate one field as the user types) and the `fromInput` constructors all share the same rule list, so a
 * message shown in a form is exactly the message an `InvalidRequest` carries.
 *
 * Non-secret text fields (email, operator ID, user name, AuthKey ID, MFA code, reset token, token lifetime) are
 * trimmed by {@link normalize} before they are checked; secrets (passwords, AuthKey secrets) are kept verbatim
 * (a password may begin or end with a space) but must not be blank.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { ruleIssue } from "./internal/ruleIssue.ts"

/**
 * The upper bound, in characters, of every string field.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_LENGTH = 1024

/**
 * The smallest and largest token lifetime SORACOM accepts, and its default (seconds).
 *
 * @category constants
 * @since 0.1.0
 */
export const TOKEN_TIMEOUT = { minimum: 180, maximum: 172_800, default: 86_400 } as const

/**
 * The name of an input field, as the library names it (camelCase; note `mfaOtpCode` — on the wire it is
 * `mfaOTPCode`).
 *
 * @category models
 * @since 0.1.0
 */
export type FieldName =
  | "email"
  | "password"
  | "authKeyId"
  | "authKey"
  | "operatorId"
  | "userName"
  | "mfaOtpCode"
  | "tokenTimeoutSeconds"
  | "token"

/**
 * Every field name, for iteration.
 *
 * @category constants
 * @since 0.1.0
 */
export const fieldNames: ReadonlyArray<FieldName> = [
  "email",
  "password",
  "authKeyId",
  "authKey",
  "operatorId",
  "userName",
  "mfaOtpCode",
  "tokenTimeoutSeconds",
  "token",
]

/**
 * A human label for each field, used at the start of messages ("The email address is required.").
 *
 * @category constants
 * @since 0.1.0
 */
export const labels: Readonly<Record<FieldName, string>> = {
  email: "The email address",
  password: "The password",
  authKeyId: "The AuthKey ID",
  authKey: "The AuthKey secret",
  operatorId: "The operator ID",
  userName: "The user name",
  mfaOtpCode: "The MFA code",
  tokenTimeoutSeconds: "The token lifetime",
  token: "The password reset token",
}

/** Whether a field holds a secret (kept verbatim, wrapped in `Redacted`). @category guards @since 0.1.0 */
export const isSecret = (field: FieldName): boolean => field === "password" || field === "authKey"

/**
 * Which rule a value broke, for an app that words it in its own language (the library's `message` is English).
 * `format`: the field's shape (email, operator ID, MFA code); `range`: the token lifetime's bounds.
 *
 * @category models
 * @since 0.1.0
 */
export type Rule = (typeof ruleNames)[number]

/**
 * Every rule, for iteration (and the schema of `InvalidRequest.rule`).
 *
 * @category constants
 * @since 0.1.0
 */
export const ruleNames = ["required", "tooLong", "spaces", "unsendable", "format", "range"] as const

/**
 * A broken rule: its code and the library's English sentence.
 *
 * @category models
 * @since 0.1.0
 */
export interface Problem {
  readonly rule: Rule
  readonly message: string
}

type Check = (value: string) => Rule | undefined

const required: Check = (value) => (value.trim().length === 0 ? "required" : undefined)
const bounded: Check = (value) => (value.length > MAX_LENGTH ? "tooLong" : undefined)
const noWhitespace: Check = (value) => (/\s/.test(value) ? "spaces" : undefined)

/** A NUL or a lone UTF-16 surrogate: neither can be sent faithfully (a surrogate would become U+FFFD). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const UNSENDABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const sendable: Check = (value) => (UNSENDABLE.test(value) ? "unsendable" : undefined)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const OPERATOR_ID = /^OP\d{10}$/
const MFA = /^\d{6}$/
const INTEGER = /^\d+$/

const matches =
  (pattern: RegExp): Check =>
  (value) =>
    pattern.test(value) ? undefined : "format"

const fieldRules: Readonly<Record<FieldName, ReadonlyArray<Check>>> = {
  email: [required, bounded, matches(EMAIL)],
  password: [required, bounded],
  authKeyId: [required, bounded, noWhitespace],
  authKey: [required, bounded],
  operatorId: [required, matches(OPERATOR_ID)],
  userName: [required, bounded, noWhitespace],
  mfaOtpCode: [required, matches(MFA)],
  tokenTimeoutSeconds: [
    required,
    (v) => {
      const n = Number(v)
      return INTEGER.test(v) && n >= TOKEN_TIMEOUT.minimum && n <= TOKEN_TIMEOUT.maximum ? undefined : "range"
    },
  ],
  token: [required, bounded],
}

/** Every field's rules, each list led by the rules every string shares. */
const rules = Object.fromEntries(
  fieldNames.map((field) => [field, [sendable, ...fieldRules[field]]]),
) as unknown as Readonly<Record<FieldName, ReadonlyArray<Check>>>

const formats: Partial<Record<FieldName, string>> = {
  email: "The email address is not well formed (expected name@example.com).",
  operatorId: "The operator ID must be OP followed by 10 digits.",
  mfaOtpCode: "The MFA code must be 6 digits.",
}

/** The library's English sentence for a broken rule. */
const sentence = (field: FieldName, rule: Rule): string => {
  switch (rule) {
    case "required":
      return `${labels[field]} is required.`
    case "tooLong":
      return `${labels[field]} must be at most ${MAX_LENGTH} characters long.`
    case "spaces":
      return `${labels[field]} must not contain spaces.`
    case "unsendable":
      return `${labels[field]} contains a character that cannot be sent (NUL or a broken Unicode character).`
    case "format":
      // Only `matches` breaks "format", and only the fields of `formats` use it (fieldRules).
      return formats[field]!
    case "range":
      return `The token lifetime must be a whole number of seconds from ${TOKEN_TIMEOUT.minimum} to ${TOKEN_TIMEOUT.maximum}.`
  }
}

/**
 * Prepares raw user input for checking: trims every field except the secrets; operator IDs upper-cased
 * (`op0000000001` is `OP0000000001`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const normalize = (field: FieldName, raw: string): string =>
  isSecret(field) ? raw : field === "operatorId" ? raw.trim().toUpperCase() : raw.trim()

/**
 * The first rule a raw string typed by a user breaks for a field, with its code (for an app's own words) and
 * the library's English sentence; `None` when valid. The value is normalized first (see {@link normalize}).
 *
 * @example
 * ```ts
 * Fields.problem("operatorId", "OP123") // Option.some({ rule: "format", message: "The operator ID must be …" })
 * ```
 * @category validation
 * @since 0.1.0
 */
export const problem = (field: FieldName, raw: string): Option.Option<Problem> => {
  const value = normalize(field, raw)
  for (const rule of rules[field]) {
    const broken = rule(value)
    if (broken !== undefined) return Option.some({ rule: broken, message: sentence(field, broken) })
  }
  return Option.none()
}

/**
 * Checks a raw string typed by a user for a field: `None` when valid, else `Some(one human sentence)`.
 * The value is normalized first (see {@link normalize}).
 *
 * @example
 * ```ts
 * Fields.check("operatorId", "OP123") // Option.some("The operator ID must be OP followed by 10 digits.")
 * ```
 * @category validation
 * @since 0.1.0
 */
export const check = (field: FieldName, raw: string): Option.Option<string> =>
  Option.map(problem(field, raw), (p) => p.message)

const stringField = (field: FieldName) =>
  Schema.String.check(
    Schema.makeFilter<string>(
      (value) => Option.getOrUndefined(Option.map(problem(field, value), (p) => ruleIssue(p, value))),
      {
        title: field,
        description: labels[field],
      },
    ),
  )

/** An email address: non-blank, at most 1 KiB, `name@domain.tld`. @category schemas @since 0.1.0 */
export const Email = stringField("email")
/** An operator ID: `OP` followed by 10 digits. @category schemas @since 0.1.0 */
export const OperatorId = stringField("operatorId")
/** A SAM user name: non-blank, no spaces, at most 1 KiB. @category schemas @since 0.1.0 */
export const UserName = stringField("userName")
/** An AuthKey ID: non-blank, no spaces, at most 1 KiB. @category schemas @since 0.1.0 */
export const AuthKeyId = stringField("authKeyId")
/** A plain secret string (password or AuthKey secret): not blank, at most 1 KiB, kept verbatim. @category schemas @since 0.1.0 */
export const SecretString = stringField("password")
/** A secret in its decoded form: a `Redacted<string>` whose value satisfies {@link SecretString}. @category schemas @since 0.1.0 */
export const Secret = Schema.Redacted(SecretString)
/** A password (`Redacted<string>`), messages naming "the password". @category schemas @since 0.1.0 */
export const Password = Secret
/** A plain AuthKey secret string. @category schemas @since 0.1.0 */
export const AuthKeyString = stringField("authKey")
/** A password as typed (plain) → `Redacted`, checked before it is wrapped. @category schemas @since 0.1.0 */
export const PasswordFromString = Schema.RedactedFromValue(SecretString)
/** An AuthKey secret as typed (plain) → `Redacted`, checked before it is wrapped. @category schemas @since 0.1.0 */
export const AuthKeyFromString = Schema.RedactedFromValue(AuthKeyString)
/** An AuthKey secret (`Redacted<string>`), messages naming "the AuthKey secret". @category schemas @since 0.1.0 */
export const AuthKey = Schema.Redacted(AuthKeyString)
/** A TOTP code: exactly 6 digits. @category schemas @since 0.1.0 */
export const MfaOtpCode = stringField("mfaOtpCode")
/** A password reset token (plain): non-blank, at most 1 KiB. @category schemas @since 0.1.0 */
export const ResetTokenString = stringField("token")
/** A password reset token in its decoded form: `Redacted<string>`. @category schemas @since 0.1.0 */
export const ResetToken = Schema.Redacted(ResetTokenString)
/** A password reset token as typed (plain) → `Redacted`, checked before it is wrapped. @category schemas @since 0.1.0 */
export const ResetTokenFromString = Schema.RedactedFromValue(ResetTokenString)
/** A token lifetime in seconds: an integer from 180 to 172800 (default 86400). @category schemas @since 0.1.0 */
export const TokenTimeoutSeconds = Schema.Number.check(
  Schema.makeFilter<number>(
    (n) =>
      Option.getOrUndefined(Option.map(problem("tokenTimeoutSeconds", String(n)), (p) => ruleIssue(p, n))),
    {
      title: "tokenTimeoutSeconds",
      description: labels.tokenTimeoutSeconds,
    },
  ),
)

// Only digits are a number here: `"1e3"` or `"0x100"` become NaN, which the number's own rule refuses.
const numberFromText = SchemaTransformation.transform<number, string>({
  decode: (text) => (INTEGER.test(text.trim()) ? Number(text.trim()) : Number.NaN),
  encode: String,
})

// The lifetime's text rules but its range: the range is the number schema's, which differs per operation.
const secondsText = Schema.String.check(
  Schema.makeFilter<string>(
    (value) => {
      const broken = Option.getOrUndefined(problem("tokenTimeoutSeconds", value))
      return broken === undefined || broken.rule === "range" ? undefined : ruleIssue(broken, value)
    },
    { title: "tokenTimeoutSeconds", description: labels.tokenTimeoutSeconds },
  ),
)

/**
 * A whole number of seconds typed as text (a form, a flag): not blank, digits only, then `schema` on the number
 * — whose range (a sign-in's 180…172800, a switch's 180…3600) is the one the error names.
 *
 * @category schemas
 * @since 0.1.0
 */
export const secondsFromText = <S extends Schema.Codec<number, number>>(schema: S) =>
  secondsText.pipe(Schema.decodeTo(schema, numberFromText))
