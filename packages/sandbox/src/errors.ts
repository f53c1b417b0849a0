/**
 * The one table of every error the sandbox answers with: HTTP status, SORACOM-style code, and the message in
 * English and Japanese (chosen by the `X-Soracom-Lang` request header; anything but `ja` → English).
 *
 * Codes `AUM…` / `COM…` are the ones SORACOM's real API is known to return (see `shared/docs/soracom.md`).
 * Codes `SBX…` are the sandbox's own, for cases where SORACOM's code is unknown or the case is the sandbox's.
 *
 * @since 0.1.0
 */

/**
 * A language of error messages.
 *
 * @category models
 * @since 0.1.0
 */
export type Lang = "en" | "ja"

/**
 * One row of the table. `en` / `ja` may be templates with `{detail}` filled per request.
 *
 * @category models
 * @since 0.1.0
 */
export interface ErrorEntry {
  readonly status: number
  readonly code: string
  readonly en: string
  readonly ja: string
  /** When SORACOM is known to use this code, `"soracom"`; the sandbox's own codes, `"sandbox"`. */
  readonly origin: "soracom" | "sandbox"
}

/**
 * Every error the sandbox can answer with, by name.
 *
 * @category constants
 * @since 0.1.0
 */
export const errors = {
  /** 401 — an authenticated route (`/auth/logout`, `/auth/switch_user`, `/operators/{id}`, `/operators/{id}/token`) without, or with unknown/expired/revoked, `X-Soracom-API-Key` + `X-Soracom-Token`. */
  tokenRequired: {
    status: 401,
    code: "AUM0001",
    en: "Token is required in the request header",
    ja: "リクエストヘッダーにトークンが必要です。",
    origin: "soracom",
  },
  /** 401 — `/auth` with wrong credentials, an unknown identity, or a wrong/missing MFA code (SORACOM does not tell them apart). */
  invalidCredentials: {
    status: 401,
    code: "AUM0002",
    en: "Invalid username/password supplied.",
    ja: "ユーザー名またはパスワードが正しくありません。",
    origin: "soracom",
  },
  /** 400 — password reset requested for an email no operator has. */
  unknownEmail: {
    status: 400,
    code: "AUM0015",
    en: "Invalid email address.",
    ja: "メールアドレスが正しくありません。",
    origin: "soracom",
  },
  /** 400 — malformed email address (on `/auth`, `/auth/password_reset_token/issue`, `/sandbox/init`). */
  malformedEmail: {
    status: 400,
    code: "COM0008",
    en: "Constraint violation of input value. message:not a well-formed email address:email",
    ja: "入力値の制約違反です。message:not a well-formed email address:email",
    origin: "soracom",
  },
  /** 400 — any other field constraint: wrong type, missing required field, `tokenTimeoutSeconds` out of 180…172800. */
  constraintViolation: {
    status: 400,
    code: "COM0008",
    en: "Constraint violation of input value. message:{detail}",
    ja: "入力値の制約違反です。message:{detail}",
    origin: "soracom",
  },
  /** 400 — `/auth/password_reset_token/verify` with an unknown or already used token. */
  invalidResetToken: {
    status: 400,
    code: "SBX0010",
    en: "Invalid token.",
    ja: "不正なトークンが指定されました。",
    origin: "sandbox",
  },
  /** 404 — `/auth/password_reset_token/verify` with an expired token. */
  expiredResetToken: {
    status: 404,
    code: "SBX0011",
    en: "Token expired.",
    ja: "トークンの有効期限が切れています。",
    origin: "sandbox",
  },
  /** 400 — `/sandbox/init` with an email already in use or a bad AuthKey pair. */
  sandboxInitRejected: {
    status: 400,
    code: "SBX0012",
    en: "Email address, AuthKeyId, or AuthKey is not correct.",
    ja: "メールアドレス、認証キー ID、または認証キーシークレットが正しくありません。",
    origin: "sandbox",
  },
  /** 400 — `POST /operators/{id}/token` with a key + token that were valid but whose token has expired (spec: "authenticate again"). */
  apiTokenExpired: {
    status: 400,
    code: "SBX0013",
    en: "The API token has expired. Authenticate again with /auth.",
    ja: "API トークンの有効期限が切れています。/auth で認証し直してください。",
    origin: "sandbox",
  },
  /** 400 — `POST /operators/{id}/token` for an operator other than the API key's. */
  operatorMismatch: {
    status: 400,
    code: "SBX0014",
    en: "The operator ID does not match the API key.",
    ja: "オペレーター ID が API キーと一致しません。",
    origin: "sandbox",
  },
  /** 400 — `POST /auth/switch_user` to a user whose trust policy does not list the caller (or no such user). */
  switchUserNotAllowed: {
    status: 400,
    code: "SBX0015",
    en: "Switch user not allowed.",
    ja: "ユーザーの切り替えは許可されていません。",
    origin: "sandbox",
  },
  /** 400 — `GET /operators/{operator_id}` for an operator that is not the caller's (the spec's "Invalid Operator Id."). */
  invalidOperatorId: {
    status: 400,
    code: "SBX0016",
    en: "Invalid Operator Id.",
    ja: "オペレーター ID が正しくありません。",
    origin: "sandbox",
  },
  /** 400 — the body is not valid JSON, not a JSON object, or missing where required. */
  malformedBody: {
    status: 400,
    code: "SBX0001",
    en: "Malformed request body: {detail}",
    ja: "リクエストボディが不正です: {detail}",
    origin: "sandbox",
  },
  /** 404 — no such path. */
  notFound: {
    status: 404,
    code: "SBX0002",
    en: "No such resource: {detail}",
    ja: "指定されたリソースは存在しません: {detail}",
    origin: "sandbox",
  },
  /** 405 — the path exists but not with this method (the `Allow` header lists the methods). */
  methodNotAllowed: {
    status: 405,
    code: "SBX0003",
    en: "Method not allowed: {detail}",
    ja: "このメソッドは許可されていません: {detail}",
    origin: "sandbox",
  },
  /** 413 — the body exceeds the sandbox's cap (64 KiB by default). */
  payloadTooLarge: {
    status: 413,
    code: "SBX0004",
    en: "Request body too large (limit {detail} bytes).",
    ja: "リクエストボディが大きすぎます (上限 {detail} バイト)。",
    origin: "sandbox",
  },
  /** 431 — request headers over Node's limit (16 KiB). */
  headersTooLarge: {
    status: 431,
    code: "SBX0006",
    en: "Request headers too large.",
    ja: "リクエストヘッダーが大きすぎます。",
    origin: "sandbox",
  },
  /** 403 — an admin API request with a non-loopback `Host` or a foreign `Origin` (DNS rebinding, CSRF). */
  adminForbidden: {
    status: 403,
    code: "SBX0007",
    en: "The admin API answers only loopback requests: {detail}",
    ja: "管理 API はループバックからのリクエストにのみ応答します: {detail}",
    origin: "sandbox",
  },
  /** 415 — an admin API `POST`/`PUT` whose `Content-Type` is not `application/json`. */
  unsupportedMediaType: {
    status: 415,
    code: "SBX0008",
    en: "Content-Type must be application/json, got {detail}",
    ja: "Content-Type は application/json でなければなりません: {detail}",
    origin: "sandbox",
  },
  /** 429 — per-IP rate limit on `/auth` and the two reset endpoints (see the `X-Soracom-Ratelimit-*` headers). */
  rateLimited: {
    status: 429,
    code: "SBX0005",
    en: "Too many requests. Please retry after {detail} seconds.",
    ja: "リクエストが多すぎます。{detail} 秒後に再試行してください。",
    origin: "sandbox",
  },
  /** Any status — a fault injected through the fault API without an explicit body. */
  injectedFault: {
    status: 500,
    code: "SBX0099",
    en: "Fault injected by the sandbox.",
    ja: "サンドボックスが注入した障害です。",
    origin: "sandbox",
  },
  /** 500 — a bug in the sandbox (it answers rather than crashing). */
  internal: {
    status: 500,
    code: "SBX0500",
    en: "Internal error",
    ja: "内部エラー",
    origin: "sandbox",
  },
} as const satisfies Record<string, ErrorEntry>

/**
 * The name of a row of {@link errors}.
 *
 * @category models
 * @since 0.1.0
 */
export type ErrorName = keyof typeof errors

/**
 * SORACOM's error body.
 *
 * @category models
 * @since 0.1.0
 */
export interface ErrorBody {
  readonly code: string
  readonly message: string
}

/**
 * The language asked for by an `X-Soracom-Lang` header value (`ja`, `ja-JP`… → `ja`; anything else → `en`).
 *
 * @category getters
 * @since 0.1.0
 */
export const langOf = (header: string | ReadonlyArray<string> | undefined): Lang => {
  const value = Array.isArray(header) ? header[0] : header
  return typeof value === "string" && value.trim().toLowerCase().startsWith("ja") ? "ja" : "en"
}

/**
 * The body of an error in a language, with `{detail}` filled in.
 *
 * @category constructors
 * @since 0.1.0
 */
export const errorBody = (name: ErrorName, lang: Lang, detail = ""): ErrorBody => {
  const entry: ErrorEntry = errors[name]
  return { code: entry.code, message: entry[lang].replaceAll("{detail}", detail) }
}
