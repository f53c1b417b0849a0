/**
 * The sandbox's accounts and sessions, and the operations of the Auth API on them, free of HTTP.
 * Every secret is kept hashed: passwords and AuthKey secrets with scrypt, tokens with SHA-256.
 */
import { createHmac, createSecretKey, randomBytes, randomUUID } from "node:crypto"
import * as OTPAuth from "otpauth"
import type { ErrorName } from "../errors.ts"
import type { Seed, SeedAuthKey, SeedTrustedPrincipal } from "../seed.ts"
import {
  dummyHash,
  hashSecret,
  randomToken,
  type SecretHash,
  sameBytes,
  sha256,
  sha256Hex,
  verifySecret,
} from "./secrets.ts"

/** A mail the sandbox "sent": what a reader of the inbox would see. */
export interface OutboxMail {
  readonly to: string
  readonly operatorId: string
  readonly kind: "password-reset"
  /** The password reset token, in clear, as the mail carries it. */
  readonly token: string
  readonly subject: string
  readonly text: string
  /** Epoch milliseconds. */
  readonly sentAt: number
  readonly expiresAt: number
}

interface Identity {
  readonly operatorId: string
  readonly userName: string | undefined
  password: SecretHash
  readonly totp: OTPAuth.TOTP | undefined
  /** Who may switch to this identity (SAM users only). */
  readonly trustPolicy?: ReadonlyArray<SeedTrustedPrincipal> | undefined
  /** The TOTP time step of the last accepted code: that code and older ones are refused (RFC 6238 §5.2). */
  lastTotpStep: number
}

interface Operator {
  readonly operatorId: string
  readonly email: string
  readonly root: Identity
  readonly users: Map<string, Identity>
  /** Epoch ms (sandbox clock) when the operator was created or seeded. */
  readonly createdAt: number
}

/** Who made an authenticated request: the live session its API key and token name. */
export interface Caller {
  readonly apiKey: string
  readonly operatorId: string
  readonly userName: string | undefined
  readonly expiresAt: number
}

/** `GET /operators/{operator_id}`: SORACOM's `GetOperatorResponse`. */
export interface OperatorRecord {
  readonly operatorId: string
  readonly rootOperatorId: string
  readonly email: string
  readonly description: string
  readonly createDate: string
  readonly updateDate: string
}

interface Session {
  /** SHA-256 of the newest token, hex (a string is far cheaper to keep per session than a Buffer). */
  tokenHash: string
  expiresAt: number
  readonly operatorId: string
  readonly userName: string | undefined
  /** Earlier tokens of this API key: renewal (`POST /operators/{id}/token`) revokes nothing. */
  older?: Array<{ readonly tokenHash: string; readonly expiresAt: number }>
  /** The longest lifetime a token of this key may get: 3600 s for a switched user, else the API's maximum. */
  readonly maxTimeoutSeconds: number
}

/** The longest lifetime of a token issued by `/auth/switch_user` (and of its renewals), seconds. */
export const switchedTokenMaxSeconds = 3600

interface ResetToken {
  readonly operatorId: string
  readonly expiresAt: number
  used: boolean
}

export type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: ErrorName; readonly detail?: string }

export interface AuthResult {
  readonly apiKey: string
  readonly operatorId: string
  readonly token: string
  readonly userName?: string
}

export interface StateOptions {
  readonly hashCost: number
  readonly resetTokenTtlSeconds: number
  readonly clock: () => number
  readonly log: (line: string) => void
  /** Refuse a TOTP code (or an older one) once it has been accepted. */
  readonly rejectTotpReuse: boolean
}

const ok = <A>(value: A): Outcome<A> => ({ ok: true, value })
const fail = <A>(error: ErrorName, detail?: string): Outcome<A> =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail }

const totpOf = (secret: string | undefined, label: string): OTPAuth.TOTP | undefined =>
  secret === undefined
    ? undefined
    : new OTPAuth.TOTP({ issuer: "SORACOM sandbox", label, secret: OTPAuth.Secret.fromBase32(secret) })

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

const jwtHeader = b64url({ alg: "HS256", typ: "JWT" })

export class State {
  private readonly operators = new Map<string, Operator>()
  private readonly byEmail = new Map<string, Operator>()
  private readonly authKeys = new Map<string, { readonly secret: SecretHash; readonly owner: Identity }>()
  private readonly sessions = new Map<string, Session>()
  private readonly resetTokens = new Map<string, ResetToken>()
  private readonly mails: Array<OutboxMail> = []
  private readonly signingKey = createSecretKey(randomBytes(32))
  private nextOperatorNumber = 1
  private issued = 0
  private dummy: SecretHash | undefined

  private readonly options: StateOptions

  private constructor(options: StateOptions) {
    this.options = options
  }

  static async make(seed: Seed, options: StateOptions): Promise<State> {
    const state = new State(options)
    state.dummy = await dummyHash(options.hashCost)
    await Promise.all(seed.operators.map((op) => state.addOperatorFromSeed(op)))
    return state
  }

  private async identity(operatorId: string, userName: string | undefined, password: string, mfa?: string) {
    const label = userName === undefined ? operatorId : `${operatorId}/${userName}`
    const identity: Identity = {
      operatorId,
      userName,
      password: await hashSecret(password, this.options.hashCost),
      totp: totpOf(mfa, label),
      lastTotpStep: -1,
    }
    return identity
  }

  private async addKeys(keys: ReadonlyArray<SeedAuthKey> | undefined, owner: Identity) {
    for (const key of keys ?? []) {
      this.authKeys.set(key.authKeyId, {
        secret: await hashSecret(key.authKey, this.options.hashCost),
        owner,
      })
    }
  }

  private async addOperatorFromSeed(op: Seed["operators"][number]) {
    const root = await this.identity(op.operatorId, undefined, op.password, op.mfaSecret)
    const operator: Operator = {
      operatorId: op.operatorId,
      email: op.email,
      root,
      users: new Map(),
      createdAt: this.options.clock(),
    }
    this.register(operator)
    await this.addKeys(op.authKeys, root)
    for (const user of op.users ?? []) {
      const identity = {
        ...(await this.identity(op.operatorId, user.userName, user.password, user.mfaSecret)),
        trustPolicy: user.trustPolicy,
      }
      operator.users.set(user.userName, identity)
      await this.addKeys(user.authKeys, identity)
    }
  }

  private register(operator: Operator) {
    this.operators.set(operator.operatorId, operator)
    this.byEmail.set(operator.email.toLowerCase(), operator)
    const n = Number(operator.operatorId.slice(2))
    if (n >= this.nextOperatorNumber) this.nextOperatorNumber = n + 1
  }

  /** Burns one scrypt verification, so an unknown identity takes as long as a wrong password. */
  private async burn(secret: string) {
    if (this.dummy !== undefined) await verifySecret(secret, this.dummy)
  }

  /**
   * Whether the code is valid now (±1 step) and, with reuse rejection on, newer than the last accepted one.
   * Returns the code's time step, to be marked used once the whole sign-in succeeds; `true` without MFA.
   */
  private mfaStep(identity: Identity, code: string | undefined): number | boolean {
    if (identity.totp === undefined) return true
    if (code === undefined) return false
    const timestamp = this.options.clock()
    const delta = identity.totp.validate({ token: code, timestamp, window: 1 })
    if (delta === null) return false
    const step = identity.totp.counter({ timestamp }) + delta
    if (this.options.rejectTotpReuse && step <= identity.lastTotpStep) return false
    return step
  }

  private issueSession(
    operatorId: string,
    userName: string | undefined,
    timeoutSeconds: number,
    maxTimeoutSeconds = 172_800,
  ): AuthResult {
    const now = this.options.clock()
    const expiresAt = now + timeoutSeconds * 1000
    const apiKey = `api-${randomUUID()}`
    const token = this.mintToken(operatorId, userName, now, expiresAt)
    this.sessions.set(apiKey, {
      tokenHash: sha256Hex(token),
      operatorId,
      userName,
      expiresAt,
      maxTimeoutSeconds,
    })
    if (++this.issued % 4096 === 0) this.sweep(now)
    return userName === undefined ? { apiKey, operatorId, token } : { apiKey, operatorId, token, userName }
  }

  private mintToken(
    operatorId: string,
    userName: string | undefined,
    now: number,
    expiresAt: number,
  ): string {
    const claims = {
      iss: "soracom-sandbox",
      sub: userName === undefined ? operatorId : `${operatorId}/${userName}`,
      operatorId,
      ...(userName === undefined ? {} : { userName }),
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
      jti: randomUUID(),
    }
    const unsigned = `${jwtHeader}.${b64url(claims)}`
    return `${unsigned}.${createHmac("sha256", this.signingKey).update(unsigned).digest("base64url")}`
  }

  async authByEmail(email: string, password: string, mfa: string | undefined, timeout: number) {
    const op = this.byEmail.get(email.toLowerCase())
    if (op === undefined) {
      await this.burn(password)
      return fail<AuthResult>("invalidCredentials")
    }
    return this.authIdentity(op.root, password, mfa, timeout)
  }

  async authByUser(
    operatorId: string,
    userName: string,
    password: string,
    mfa: string | undefined,
    timeout: number,
  ) {
    const user = this.operators.get(operatorId)?.users.get(userName)
    if (user === undefined) {
      await this.burn(password)
      return fail<AuthResult>("invalidCredentials")
    }
    return this.authIdentity(user, password, mfa, timeout)
  }

  async authByKey(authKeyId: string, authKey: string, timeout: number) {
    const key = this.authKeys.get(authKeyId)
    if (key === undefined) {
      await this.burn(authKey)
      return fail<AuthResult>("invalidCredentials")
    }
    if (!(await verifySecret(authKey, key.secret))) return fail<AuthResult>("invalidCredentials")
    return ok(this.issueSession(key.owner.operatorId, key.owner.userName, timeout))
  }

  private async authIdentity(identity: Identity, password: string, mfa: string | undefined, timeout: number) {
    const passwordOk = await verifySecret(password, identity.password)
    // Checked after the await, with no await in between: two concurrent uses of one code cannot both pass.
    const step = passwordOk ? this.mfaStep(identity, mfa) : false
    if (step === false) return fail<AuthResult>("invalidCredentials")
    if (typeof step === "number") identity.lastTotpStep = step
    return ok(this.issueSession(identity.operatorId, identity.userName, timeout))
  }

  /** Forgets expired sessions and spent or expired reset tokens, so a long-running sandbox does not grow. */
  private sweep(now: number) {
    for (const [apiKey, session] of this.sessions) {
      if (session.older !== undefined) session.older = session.older.filter((t) => t.expiresAt > now)
      if (session.expiresAt <= now && (session.older?.length ?? 0) === 0) this.sessions.delete(apiKey)
    }
    for (const [key, entry] of this.resetTokens) {
      // Kept until a day past expiry so "expired" (404) stays distinguishable from "unknown" (400) for a while.
      if (entry.expiresAt + 86_400_000 <= now) this.resetTokens.delete(key)
    }
  }

  /** The session of an API key whose token (newest or earlier) matches, with that token's expiry. */
  private find(apiKey: string, token: string): { session: Session; expiresAt: number } | undefined {
    const session = this.sessions.get(apiKey)
    if (session === undefined) return undefined
    const hash = sha256(token)
    if (sameBytes(hash, Buffer.from(session.tokenHash, "hex")))
      return { session, expiresAt: session.expiresAt }
    const older = session.older?.find((t) => sameBytes(hash, Buffer.from(t.tokenHash, "hex")))
    return older === undefined ? undefined : { session, expiresAt: older.expiresAt }
  }

  /** Revokes that API key (every token of it) if the token matches and it has not expired. */
  logout(apiKey: string, token: string): Outcome<void> {
    const found = this.find(apiKey, token)
    if (found === undefined) return fail("tokenRequired")
    this.sessions.delete(apiKey)
    if (found.expiresAt <= this.options.clock()) return fail("tokenRequired")
    return ok(undefined)
  }

  /** The caller an API key + token pair names, if that token is live (not revoked, not expired). */
  caller(apiKey: string, token: string): Caller | undefined {
    const found = this.find(apiKey, token)
    if (found === undefined || found.expiresAt <= this.options.clock()) return undefined
    const { operatorId, userName } = found.session
    return { apiKey, operatorId, userName, expiresAt: found.expiresAt }
  }

  /** Revokes one API key (every token of it), or every session; how many were live. (Admin: tests revoke server-side.) */
  revokeSessions(apiKey?: string): number {
    const now = this.options.clock()
    let live = 0
    for (const [key, session] of this.sessions) {
      if (apiKey !== undefined && key !== apiKey) continue
      if (session.expiresAt > now) live++
      this.sessions.delete(key)
    }
    return live
  }

  operatorRecord(operatorId: string): OperatorRecord | undefined {
    const op = this.operators.get(operatorId)
    if (op === undefined) return undefined
    const created = new Date(op.createdAt).toISOString()
    return {
      operatorId: op.operatorId,
      rootOperatorId: op.operatorId,
      email: op.email,
      description: "",
      createDate: created,
      updateDate: created,
    }
  }

  /**
   * `POST /operators/{operatorId}/token`: a new token for the same API key; the old one keeps working until it
   * expires. Unknown key/token → 401; an expired token → 400 (the spec's "authenticate again"); another
   * operator's path → 400; a switched user's key gets at most {@link switchedTokenMaxSeconds}.
   */
  renewToken(apiKey: string, token: string, operatorId: string, timeout: number): Outcome<{ token: string }> {
    const found = this.find(apiKey, token)
    if (found === undefined) return fail("tokenRequired")
    const now = this.options.clock()
    if (found.expiresAt <= now) return fail("apiTokenExpired")
    const { session } = found
    if (session.operatorId !== operatorId) return fail("operatorMismatch")
    if (timeout > session.maxTimeoutSeconds)
      return fail(
        "constraintViolation",
        `must be an integer between 180 and ${session.maxTimeoutSeconds}:tokenTimeoutSeconds`,
      )
    const expiresAt = now + timeout * 1000
    const fresh = this.mintToken(session.operatorId, session.userName, now, expiresAt)
    const previous = { tokenHash: session.tokenHash, expiresAt: session.expiresAt }
    session.older = [...(session.older ?? []).filter((t) => t.expiresAt > now), previous]
    session.tokenHash = sha256Hex(fresh)
    session.expiresAt = expiresAt
    return ok({ token: fresh })
  }

  /**
   * `POST /auth/switch_user`: a new API key + token for `operatorId`/`userName`, lasting at most
   * {@link switchedTokenMaxSeconds}, when that user's trust policy lists the caller. Unknown key/token → 401;
   * not trusted or no such user → 400 (the same answer, so it tells nothing about who exists).
   */
  switchUser(
    apiKey: string,
    token: string,
    operatorId: string,
    userName: string,
    timeout: number,
  ): Outcome<AuthResult> {
    const found = this.find(apiKey, token)
    if (found === undefined || found.expiresAt <= this.options.clock()) return fail("tokenRequired")
    const caller = found.session
    const target = this.operators.get(operatorId)?.users.get(userName)
    const trusted = target?.trustPolicy?.some(
      (p) => p.operatorId === caller.operatorId && (p.userName === "*" || p.userName === caller.userName),
    )
    if (target === undefined || trusted !== true) return fail("switchUserNotAllowed")
    return ok(this.issueSession(operatorId, userName, timeout, switchedTokenMaxSeconds))
  }

  issueResetToken(email: string): Outcome<void> {
    const op = this.byEmail.get(email.toLowerCase())
    if (op === undefined) return fail("unknownEmail")
    const token = randomToken(32)
    const sentAt = this.options.clock()
    const expiresAt = sentAt + this.options.resetTokenTtlSeconds * 1000
    this.resetTokens.set(sha256Hex(token), { operatorId: op.operatorId, expiresAt, used: false })
    const mail: OutboxMail = {
      to: op.email,
      operatorId: op.operatorId,
      kind: "password-reset",
      token,
      subject: "[SORACOM sandbox] Password reset",
      text:
        `A password reset was requested for operator ${op.operatorId}.\n` +
        `Token: ${token}\n` +
        `It expires at ${new Date(expiresAt).toISOString()} and works once.\n`,
      sentAt,
      expiresAt,
    }
    this.mails.push(mail)
    this.options.log(
      `[sandbox] password reset mail to ${op.email} (${op.operatorId}): token ${token} ` +
        `(expires ${new Date(expiresAt).toISOString()})`,
    )
    return ok(undefined)
  }

  async verifyResetToken(token: string, password: string): Promise<Outcome<void>> {
    const entry = this.resetTokens.get(sha256Hex(token))
    if (entry === undefined || entry.used) return fail("invalidResetToken")
    if (entry.expiresAt <= this.options.clock()) return fail("expiredResetToken")
    const op = this.operators.get(entry.operatorId)
    if (op === undefined) return fail("invalidResetToken")
    entry.used = true
    op.root.password = await hashSecret(password, this.options.hashCost)
    // Other outstanding reset tokens of this operator stop working, and so do its API tokens.
    for (const other of this.resetTokens.values()) if (other.operatorId === op.operatorId) other.used = true
    for (const [apiKey, session] of this.sessions)
      if (session.operatorId === op.operatorId) this.sessions.delete(apiKey)
    return ok(undefined)
  }

  /** `POST /sandbox/init`: a new operator with that root email and password, signed in at once. */
  async initOperator(email: string, password: string): Promise<Outcome<AuthResult>> {
    if (this.byEmail.has(email.toLowerCase())) return fail("sandboxInitRejected")
    const operatorId = `OP${String(this.nextOperatorNumber++).padStart(10, "0")}`
    const root = await this.identity(operatorId, undefined, password)
    if (this.byEmail.has(email.toLowerCase())) return fail("sandboxInitRejected")
    this.register({ operatorId, email, root, users: new Map(), createdAt: this.options.clock() })
    return ok(this.issueSession(operatorId, undefined, 86400))
  }

  outbox(): ReadonlyArray<OutboxMail> {
    return [...this.mails]
  }

  clearOutbox(): void {
    this.mails.length = 0
  }
}
