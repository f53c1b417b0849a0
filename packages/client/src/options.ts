/**
 * The options of `createSoracomAuth`, checked before anything is sent: each problem is core's `InvalidRequest`
 * naming the option in one sentence.
 */
import {
  type AuthResponse,
  Credentials,
  Endpoint,
  Errors,
  Fields,
  type SoracomAuth,
} from "@soracom-auth/core"
import { Effect, Exit, Option } from "effect"

/**
 * Who signs in: an AuthKey, the root user (email + password) or a SAM user. Secrets as plain strings.
 *
 * @category models
 */
export type CredentialsOption =
  | { readonly authKeyId: string; readonly authKey: string }
  | { readonly email: string; readonly password: string }
  | { readonly operatorId: string; readonly userName: string; readonly password: string }

/**
 * A signed-in session. The secrets are in clear: this is what you send as headers, or keep in a private store.
 * (`{ apiKey, token, operatorId, userName?, expiresAt: Date }`: core's `AuthResponse.Plain`.)
 *
 * @category models
 */
export type Session = AuthResponse.Plain

/**
 * Where the session is kept between runs (e.g. a file with mode 0600, a keychain). `load` answering nothing, or
 * failing, means "sign in"; a failing `save` or `clear` does not fail the call that caused it.
 *
 * @category models
 */
export interface SessionStore {
  readonly load: () => Promise<Session | undefined | null> | Session | undefined | null
  readonly save: (session: Session) => Promise<void> | void
  readonly clear?: (() => Promise<void> | void) | undefined
  /**
   * Optional: single-flight across the processes sharing the store (e.g. `redisStore` from
   * `@soracom-auth/session-redis`). Every refresh then goes through it: answer a stored session for which
   * `isFresh` holds, else run `refresh` (which saves through this store) once across them.
   */
  readonly singleFlight?:
    | ((refresh: () => Promise<Session>, isFresh: (session: Session) => boolean) => Promise<Session>)
    | undefined
}

/**
 * @category models
 */
export interface Options {
  /** Omitted: `SORACOM_AUTH_KEY_ID` and `SORACOM_AUTH_KEY` from the environment (when there is one). */
  readonly credentials?: CredentialsOption | undefined
  /** A base URL without `/v1` (e.g. a local sandbox), or a coverage. Default: Japan coverage, production. */
  readonly endpoint?: string | { readonly coverage: "jp" | "g" } | undefined
  /** Token lifetime, 180…172800 s. Default 86400. */
  readonly tokenTimeoutSeconds?: number | undefined
  /** The language of SORACOM's error messages. Default `en`. */
  readonly language?: "en" | "ja" | undefined
  /** Asked for a fresh TOTP code at each sign-in of a root or SAM user with MFA. */
  readonly mfaCode?: (() => Promise<string> | string) | undefined
  readonly store?: SessionStore | undefined
}

const known = ["credentials", "endpoint", "tokenTimeoutSeconds", "language", "mfaCode", "store"] as const

const invalid = (field: string, reason: string) => new Errors.InvalidRequest({ field, reason })

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Runs a pure check; its failure is thrown as is (an `InvalidRequest`). */
const check = <A>(effect: Effect.Effect<A, Errors.InvalidRequest>): A => {
  const exit = Effect.runSyncExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  throw Exit.isFailure(exit) && exit.cause.reasons[0]?._tag === "Fail" ? exit.cause.reasons[0].error : exit
}

const credentialsInput = (value: unknown): Credentials.Input => {
  if (!isRecord(value))
    throw invalid(
      "credentials",
      "credentials must be an object: { authKeyId, authKey }, { email, password } or { operatorId, userName, password }.",
    )
  const has = (k: string) => value[k] !== undefined
  const kinds = [
    has("authKeyId") || has("authKey") ? "authKey" : undefined,
    has("email") ? "root" : undefined,
    has("operatorId") || has("userName") ? "samUser" : undefined,
  ].filter((k) => k !== undefined)
  if (kinds.length !== 1)
    throw invalid(
      "credentials",
      "credentials must be exactly one of { authKeyId, authKey }, { email, password } or { operatorId, userName, password }.",
    )
  const str = (k: string): string => {
    const v = value[k]
    if (v === undefined || typeof v === "string") return v ?? ""
    throw invalid(k, `${k} must be a string.`)
  }
  switch (kinds[0]) {
    case "authKey":
      return { kind: "authKey", authKeyId: str("authKeyId"), authKey: str("authKey") }
    case "root":
      return { kind: "root", email: str("email"), password: str("password") }
    default:
      return {
        kind: "samUser",
        operatorId: str("operatorId"),
        userName: str("userName"),
        password: str("password"),
      }
  }
}

const environment = (): Readonly<Record<string, string | undefined>> =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}

/** What the options resolve to. `credentials` is an `InvalidRequest` when none are given or found. */
export interface Resolved {
  readonly credentials: Credentials.Credentials | Errors.InvalidRequest
  readonly endpoint: Endpoint.Endpoint
  readonly tokenTimeoutSeconds: number | undefined
  readonly language: SoracomAuth.Language | undefined
  readonly mfaCode: (() => Promise<string> | string) | undefined
  readonly store: SessionStore | undefined
}

const fromEnvironment = (): Credentials.Credentials | Errors.InvalidRequest => {
  const env = environment()
  const authKeyId = env.SORACOM_AUTH_KEY_ID
  const authKey = env.SORACOM_AUTH_KEY
  if (!authKeyId || !authKey)
    return invalid(
      "credentials",
      `No credentials: pass credentials to createSoracomAuth, or set ${!authKeyId ? "SORACOM_AUTH_KEY_ID" : "SORACOM_AUTH_KEY"}${!authKeyId && !authKey ? " and SORACOM_AUTH_KEY" : ""}.`,
    )
  return Effect.runSync(
    Credentials.fromInput({ kind: "authKey", authKeyId, authKey }).pipe(
      Effect.catch((error) =>
        Effect.succeed(
          invalid(error.field === "authKeyId" ? "SORACOM_AUTH_KEY_ID" : "SORACOM_AUTH_KEY", error.reason),
        ),
      ),
    ),
  )
}

/**
 * Checks every option; throws core's `InvalidRequest` naming the first bad one.
 */
export const resolveOptions = (options: unknown): Resolved => {
  if (options === undefined) options = {}
  if (!isRecord(options)) throw invalid("options", "createSoracomAuth takes an options object.")
  for (const key of Object.keys(options))
    if (!(known as ReadonlyArray<string>).includes(key))
      throw invalid(key, `Unknown option ${key} (options: ${known.join(", ")}).`)
  const o = options as Options

  const endpointOption: unknown = o.endpoint
  let endpoint: Endpoint.Endpoint = Endpoint.defaultEndpoint
  if (typeof endpointOption === "string") endpoint = check(Endpoint.validate(Endpoint.url(endpointOption)))
  else if (isRecord(endpointOption)) {
    if (endpointOption.coverage !== "jp" && endpointOption.coverage !== "g")
      throw invalid("endpoint", 'endpoint.coverage must be "jp" or "g".')
    endpoint = Endpoint.coverage(endpointOption.coverage)
  } else if (endpointOption !== undefined)
    throw invalid(
      "endpoint",
      'endpoint must be a base URL such as "http://127.0.0.1:8080", or { coverage: "jp" | "g" }.',
    )

  const language: unknown = o.language
  if (language !== undefined && language !== "en" && language !== "ja")
    throw invalid("language", 'language must be "en" or "ja".')

  const mfaCode: unknown = o.mfaCode
  if (mfaCode !== undefined && typeof mfaCode !== "function")
    throw invalid("mfaCode", "mfaCode must be a function returning the current code (or a Promise of it).")

  const store: unknown = o.store
  if (
    store !== undefined &&
    !(
      isRecord(store) &&
      typeof store.load === "function" &&
      typeof store.save === "function" &&
      (store.clear === undefined || typeof store.clear === "function") &&
      (store.singleFlight === undefined || typeof store.singleFlight === "function")
    )
  )
    throw invalid(
      "store",
      "store must be an object with load() and save(session) functions (and optionally clear() and singleFlight()).",
    )

  const timeout: unknown = o.tokenTimeoutSeconds
  if (timeout !== undefined) {
    const problem =
      typeof timeout === "number"
        ? Option.getOrUndefined(Fields.check("tokenTimeoutSeconds", String(timeout)))
        : "tokenTimeoutSeconds must be a number of seconds."
    if (problem !== undefined) throw invalid("tokenTimeoutSeconds", problem)
  }

  const credentials =
    o.credentials === undefined
      ? fromEnvironment()
      : check(Credentials.fromInput(credentialsInput(o.credentials)))

  return {
    credentials,
    endpoint,
    tokenTimeoutSeconds: timeout as number | undefined,
    language: language as SoracomAuth.Language | undefined,
    mfaCode: mfaCode as Resolved["mfaCode"],
    store: store as SessionStore | undefined,
  }
}
