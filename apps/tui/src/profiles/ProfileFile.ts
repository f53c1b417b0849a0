/**
 * soracom-cli's profile file format (`~/.soracom/<name>.json`), read and written key for key as soracom-cli
 * does, so that a profile made by either tool works in the other.
 *
 * The keys this app manages are typed in {@link ProfileFields}; every other key (`profileCommand`,
 * `sourceProfile`, `headers`, `registerPaymentMethod`, keys from future soracom-cli versions…) is kept as is in
 * {@link ProfileDocument.extra} and written back unchanged. Secrets (`password`, `authKey`) are `Redacted` in
 * memory so that logging a profile can never show them.
 */
import type { Credentials } from "@soracom-auth/core"
import { Redacted } from "effect"

/** @category models */
export type Coverage = "jp" | "g"

/** @category models */
export interface ProfileFields {
  readonly coverageType?: Coverage | undefined
  readonly sandbox?: boolean | undefined
  /** A base URL without `/v1`, as soracom-cli stores it. */
  readonly endpoint?: string | undefined
  readonly email?: string | undefined
  readonly password?: Redacted.Redacted<string> | undefined
  readonly authKeyId?: string | undefined
  readonly authKey?: Redacted.Redacted<string> | undefined
  readonly operatorId?: string | undefined
  /** soracom-cli spells it with a lower-case `n`. */
  readonly username?: string | undefined
  readonly tokenTimeoutSeconds?: number | undefined
}

/** @category models */
export interface ProfileDocument {
  readonly fields: ProfileFields
  /** Every key this app does not manage, preserved on rewrite. Redacted: it may hold secrets (`headers`). */
  readonly extra: Redacted.Redacted<Readonly<Record<string, unknown>>>
}

/**
 * Keys managed through {@link ProfileFields}. `sandbox` and `coverageType` are always written (soracom-cli writes
 * them without `omitempty`); the others only when set.
 *
 * @category constants
 */
export const managedKeys = [
  "sandbox",
  "coverageType",
  "email",
  "password",
  "authKeyId",
  "authKey",
  "username",
  "operatorId",
  "endpoint",
  "tokenTimeoutSeconds",
] as const

const str = (u: unknown): string | undefined => (typeof u === "string" && u !== "" ? u : undefined)

/**
 * Parses a profile file's text. Throws a `SyntaxError`/`TypeError` with a plain message when it is not a JSON
 * object; wrong types of known keys are ignored like soracom-cli ignores unknown ones.
 *
 * @category parsing
 */
export const parseProfile = (text: string): ProfileDocument => {
  const json: unknown = JSON.parse(text)
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new TypeError("a profile must be a JSON object")
  }
  const raw = json as Record<string, unknown>
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (!(managedKeys as ReadonlyArray<string>).includes(key)) extra[key] = value
  }
  const coverage = raw.coverageType
  const password = str(raw.password)
  const authKey = str(raw.authKey)
  const timeout = raw.tokenTimeoutSeconds
  const fields: ProfileFields = {
    // soracom-cli: an empty coverage type means "jp" (profiles from before global coverage)
    coverageType: coverage === "g" ? "g" : "jp",
    sandbox: raw.sandbox === true,
    endpoint: str(raw.endpoint),
    email: str(raw.email),
    password: password === undefined ? undefined : Redacted.make(password),
    authKeyId: str(raw.authKeyId),
    authKey: authKey === undefined ? undefined : Redacted.make(authKey),
    operatorId: str(raw.operatorId),
    username: str(raw.username),
    tokenTimeoutSeconds: typeof timeout === "number" && Number.isInteger(timeout) ? timeout : undefined,
  }
  return { fields, extra: Redacted.make(extra) }
}

/**
 * The file text for a profile: managed keys in soracom-cli's order, then the preserved keys (any managed key
 * among them left out: `fields` alone decides those).
 *
 * @category serialization
 */
export const serializeProfile = (
  fields: ProfileFields,
  extra: Readonly<Record<string, unknown>> = {},
): string => {
  const out: Record<string, unknown> = {
    sandbox: fields.sandbox ?? false,
    coverageType: fields.coverageType ?? "jp",
  }
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== "") out[key] = value
  }
  set("email", fields.email)
  set("password", fields.password === undefined ? undefined : Redacted.value(fields.password))
  set("authKeyId", fields.authKeyId)
  set("authKey", fields.authKey === undefined ? undefined : Redacted.value(fields.authKey))
  set("username", fields.username)
  set("operatorId", fields.operatorId)
  set("endpoint", fields.endpoint)
  set("tokenTimeoutSeconds", fields.tokenTimeoutSeconds)
  if (!("registerPaymentMethod" in extra)) out.registerPaymentMethod = false
  // The managed keys are the fields' alone: a preserved key never fills in or overrides one.
  for (const [key, value] of Object.entries(extra)) {
    if (!(managedKeys as ReadonlyArray<string>).includes(key)) out[key] = value
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

/**
 * The credentials a profile holds, in soracom-cli's order inside a profile: AuthKey > email/password > SAM user.
 *
 * @category getters
 */
export const credentialsOf = (fields: ProfileFields): Credentials.Input | undefined => {
  if (fields.authKeyId !== undefined && fields.authKey !== undefined) {
    return { kind: "authKey", authKeyId: fields.authKeyId, authKey: fields.authKey }
  }
  if (fields.email !== undefined && fields.password !== undefined) {
    return { kind: "root", email: fields.email, password: fields.password }
  }
  if (fields.operatorId !== undefined && fields.username !== undefined && fields.password !== undefined) {
    return {
      kind: "samUser",
      operatorId: fields.operatorId,
      userName: fields.username,
      password: fields.password,
    }
  }
  return undefined
}

/**
 * Profile fields holding exactly these credentials (other credential kinds cleared).
 *
 * @category constructors
 */
export const fieldsWithCredentials = (base: ProfileFields, credentials: Credentials.Input): ProfileFields => {
  const cleared: ProfileFields = {
    ...base,
    email: undefined,
    password: undefined,
    authKeyId: undefined,
    authKey: undefined,
    operatorId: undefined,
    username: undefined,
  }
  switch (credentials.kind) {
    case "authKey":
      return { ...cleared, authKeyId: credentials.authKeyId, authKey: redacted(credentials.authKey) }
    case "root":
      return { ...cleared, email: credentials.email, password: redacted(credentials.password) }
    case "samUser":
      return {
        ...cleared,
        operatorId: credentials.operatorId,
        username: credentials.userName,
        password: redacted(credentials.password),
      }
  }
}

const redacted = (secret: Credentials.SecretInput): Redacted.Redacted<string> =>
  Redacted.isRedacted(secret) ? secret : Redacted.make(secret)
