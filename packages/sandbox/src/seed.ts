/**
 * The seed: the operators, SAM users, AuthKeys and MFA secrets a sandbox starts with — its JSON format,
 * validation with clear messages, loading from a file, and the deterministic demo seed used when none is given.
 *
 * ```json
 * { "operators": [ { "operatorId": "OP0000000001", "email": "…", "password": "…", "mfaSecret"?: "BASE32",
 *   "authKeys"?: [{ "authKeyId": "keyId-…", "authKey": "secret-…" }],
 *   "users"?: [{ "userName": "…", "password": "…", "mfaSecret"?: "…", "authKeys"?: [ … ],
 *                "trustPolicy"?: [{ "operatorId": "OP…", "userName"?: "…" | "*" }] }] } ] }
 * ```
 *
 * `trustPolicy` (SORACOM's "trust policy" of a SAM user, reduced to its principals) lists who may
 * `POST /auth/switch_user` to that user: an entry without `userName` trusts that operator's root account (and
 * its root AuthKeys), `"userName": "x"` that SAM user (and its AuthKeys), `"*"` every identity of the operator.
 *
 * @since 0.1.0
 */
import { readFile } from "node:fs/promises"

/**
 * An AuthKey pair as SORACOM issues them.
 *
 * @category models
 * @since 0.1.0
 */
export interface SeedAuthKey {
  readonly authKeyId: string
  readonly authKey: string
}

/**
 * A SAM user of an operator.
 *
 * @category models
 * @since 0.1.0
 */
export interface SeedUser {
  readonly userName: string
  readonly password: string
  readonly mfaSecret?: string
  readonly authKeys?: ReadonlyArray<SeedAuthKey>
  /** Who may switch to this user (`POST /auth/switch_user`); none when absent. */
  readonly trustPolicy?: ReadonlyArray<SeedTrustedPrincipal>
}

/**
 * One principal of a user's trust policy: an operator's root account (no `userName`), one of its SAM users, or
 * (`"*"`) any identity of that operator.
 *
 * @category models
 * @since 0.1.0
 */
export interface SeedTrustedPrincipal {
  readonly operatorId: string
  readonly userName?: string
}

/**
 * An operator: its root account (email + password, optional MFA), its root AuthKeys and its SAM users.
 *
 * @category models
 * @since 0.1.0
 */
export interface SeedOperator {
  readonly operatorId: string
  readonly email: string
  readonly password: string
  readonly mfaSecret?: string
  readonly authKeys?: ReadonlyArray<SeedAuthKey>
  readonly users?: ReadonlyArray<SeedUser>
}

/**
 * What a sandbox starts with.
 *
 * @category models
 * @since 0.1.0
 */
export interface Seed {
  readonly operators: ReadonlyArray<SeedOperator>
}

/**
 * A seed that is not valid; `issues` lists every problem as `path: what is wrong`.
 *
 * @category errors
 * @since 0.1.0
 */
export class SeedError extends Error {
  override readonly name = "SeedError"
  readonly issues: ReadonlyArray<string>
  constructor(issues: ReadonlyArray<string>, source?: string) {
    super(
      `Invalid sandbox seed${source === undefined ? "" : ` (${source})`}:\n` +
        issues.map((issue) => `  - ${issue}`).join("\n"),
    )
    this.issues = issues
  }
}

/**
 * The deterministic demo seed, used when a sandbox starts without one: one operator with a root account, a root
 * AuthKey, a SAM user with a password and its own AuthKey (the root account and the MFA user may switch to it),
 * and a second SAM user with TOTP MFA.
 *
 * @category constants
 * @since 0.1.0
 */
export const demoSeed: Seed = {
  operators: [
    {
      operatorId: "OP0000000001",
      email: "demo@example.com",
      password: "demo-root-password",
      authKeys: [
        {
          authKeyId: "keyId-demo0000000000000000000000000001",
          authKey: "secret-demo0000000000000000000000000000000000000000000000000000000000000001",
        },
      ],
      users: [
        {
          userName: "demo-user",
          password: "demo-user-password",
          trustPolicy: [
            { operatorId: "OP0000000001" },
            { operatorId: "OP0000000001", userName: "demo-mfa-user" },
          ],
          authKeys: [
            {
              authKeyId: "keyId-demo0000000000000000000000000002",
              authKey: "secret-demo0000000000000000000000000000000000000000000000000000000000000002",
            },
          ],
        },
        {
          userName: "demo-mfa-user",
          password: "demo-mfa-password",
          mfaSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        },
      ],
    },
  ],
}

/** Loose email check in the spirit of SORACOM's "not a well-formed email address". */
export const isWellFormedEmail = (value: string): boolean =>
  value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

const operatorIdPattern = /^OP\d{10}$/
const base32Pattern = /^[A-Z2-7]+=*$/
const userNamePattern = /^[A-Za-z0-9@+=._,-]{1,100}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Checks an unknown value (e.g. parsed JSON) against the seed format; returns it typed, or throws a
 * {@link SeedError} listing every problem (unknown keys, wrong types, bad IDs, duplicates).
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseSeed = (value: unknown, source?: string): Seed => {
  const issues: Array<string> = []
  const emails = new Map<string, string>()
  const operatorIds = new Map<string, string>()
  const authKeyIds = new Map<string, string>()

  const onlyKeys = (obj: Record<string, unknown>, path: string, allowed: ReadonlyArray<string>) => {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) issues.push(`${path}.${key}: unknown key (allowed: ${allowed.join(", ")})`)
    }
  }
  const string = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
    optional = false,
  ): string | undefined => {
    const v = obj[key]
    if (v === undefined) {
      if (!optional) issues.push(`${path}.${key}: required`)
      return undefined
    }
    if (typeof v !== "string" || v.length === 0) {
      issues.push(`${path}.${key}: must be a non-empty string`)
      return undefined
    }
    return v
  }
  const mfa = (obj: Record<string, unknown>, path: string) => {
    const secret = string(obj, "mfaSecret", path, true)
    if (secret !== undefined && (!base32Pattern.test(secret) || secret.replace(/=+$/, "").length < 16)) {
      issues.push(`${path}.mfaSecret: must be an upper-case RFC 4648 base32 string of at least 16 characters`)
    }
  }
  // The one rule for every list in the seed: an array (absent unless `required`) of objects, each checked by `each`.
  const records = (
    obj: Record<string, unknown>,
    key: string,
    path: string | undefined,
    each: (record: Record<string, unknown>, path: string) => void,
    required = false,
  ) => {
    const list = obj[key]
    const at = path === undefined ? key : `${path}.${key}`
    if (list === undefined && !required) return
    if (!Array.isArray(list)) {
      issues.push(`${at}: ${required ? "required, " : ""}must be an array`)
      return
    }
    list.forEach((item, i) => {
      const p = `${at}[${i}]`
      if (isRecord(item)) each(item, p)
      else issues.push(`${p}: must be an object`)
    })
  }
  const authKeys = (obj: Record<string, unknown>, path: string) =>
    records(obj, "authKeys", path, (key, p) => {
      onlyKeys(key, p, ["authKeyId", "authKey"])
      const id = string(key, "authKeyId", p)
      if (id !== undefined) {
        if (!id.startsWith("keyId-")) issues.push(`${p}.authKeyId: must start with "keyId-"`)
        const seen = authKeyIds.get(id)
        if (seen !== undefined) issues.push(`${p}.authKeyId: duplicate of ${seen}.authKeyId`)
        else authKeyIds.set(id, p)
      }
      const secret = string(key, "authKey", p)
      if (secret !== undefined && !secret.startsWith("secret-"))
        issues.push(`${p}.authKey: must start with "secret-"`)
    })

  const trustPolicy = (obj: Record<string, unknown>, path: string) =>
    records(obj, "trustPolicy", path, (principal, p) => {
      onlyKeys(principal, p, ["operatorId", "userName"])
      const id = string(principal, "operatorId", p)
      if (id !== undefined && !operatorIdPattern.test(id))
        issues.push(`${p}.operatorId: must look like OP0000000001 (OP + 10 digits)`)
      const name = string(principal, "userName", p, true)
      if (name !== undefined && name !== "*" && !userNamePattern.test(name))
        issues.push(`${p}.userName: "*" or 1–100 characters of A–Z a–z 0–9 and @ + = . _ , -`)
    })

  if (!isRecord(value)) {
    issues.push("(root): must be an object with an `operators` array")
  } else {
    onlyKeys(value, "(root)", ["operators"])
    records(
      value,
      "operators",
      undefined,
      (op, p) => {
        onlyKeys(op, p, ["operatorId", "email", "password", "mfaSecret", "authKeys", "users"])
        const id = string(op, "operatorId", p)
        if (id !== undefined) {
          if (!operatorIdPattern.test(id))
            issues.push(`${p}.operatorId: must look like OP0000000001 (OP + 10 digits)`)
          const seen = operatorIds.get(id)
          if (seen !== undefined) issues.push(`${p}.operatorId: duplicate of ${seen}.operatorId`)
          else operatorIds.set(id, p)
        }
        const email = string(op, "email", p)
        if (email !== undefined) {
          if (!isWellFormedEmail(email)) issues.push(`${p}.email: not a well-formed email address`)
          const seen = emails.get(email.toLowerCase())
          if (seen !== undefined) issues.push(`${p}.email: duplicate of ${seen}.email`)
          else emails.set(email.toLowerCase(), p)
        }
        string(op, "password", p)
        mfa(op, p)
        authKeys(op, p)
        const names = new Map<string, string>()
        records(op, "users", p, (user, u) => {
          onlyKeys(user, u, ["userName", "password", "mfaSecret", "authKeys", "trustPolicy"])
          const name = string(user, "userName", u)
          if (name !== undefined) {
            if (!userNamePattern.test(name)) {
              issues.push(`${u}.userName: 1–100 characters of A–Z a–z 0–9 and @ + = . _ , -`)
            }
            const seen = names.get(name)
            if (seen !== undefined) issues.push(`${u}.userName: duplicate of ${seen}.userName`)
            else names.set(name, u)
          }
          string(user, "password", u)
          mfa(user, u)
          authKeys(user, u)
          trustPolicy(user, u)
        })
      },
      true,
    )
  }
  if (issues.length > 0) throw new SeedError(issues, source)
  return value as unknown as Seed
}

/**
 * Reads and validates a seed JSON file; rejects with a {@link SeedError} naming the file.
 *
 * @category constructors
 * @since 0.1.0
 */
export const loadSeedFile = async (path: string): Promise<Seed> => {
  let text: string
  try {
    text = await readFile(path, "utf8")
  } catch (cause) {
    throw new SeedError([`cannot read the file: ${(cause as Error).message}`], path)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new SeedError([`not valid JSON: ${(cause as Error).message}`], path)
  }
  return parseSeed(json, path)
}
