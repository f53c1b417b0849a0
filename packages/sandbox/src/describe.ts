/**
 * What to tell a person (or a script) about a running sandbox: its URLs and the credentials of its seed.
 * Used by the app's `soracom-auth sandbox` command and by this package's `soracom-sandbox` bin.
 *
 * @since 0.1.0
 */
import type { Sandbox } from "./Sandbox.ts"
import type { Seed } from "./seed.ts"

/**
 * One way to sign in to the sandbox, with its secrets in clear (they come from the seed).
 *
 * @category models
 * @since 0.1.0
 */
export type SandboxCredential =
  | {
      readonly kind: "root"
      readonly operatorId: string
      readonly email: string
      readonly password: string
      readonly mfaSecret?: string
    }
  | {
      readonly kind: "authKey"
      readonly operatorId: string
      /** Set when the key belongs to a SAM user. */
      readonly userName?: string
      readonly authKeyId: string
      readonly authKey: string
    }
  | {
      readonly kind: "samUser"
      readonly operatorId: string
      readonly userName: string
      readonly password: string
      readonly mfaSecret?: string
    }

/**
 * The JSON form (`--json`): URLs and credentials.
 *
 * @category models
 * @since 0.1.0
 */
export interface SandboxInfo {
  /** API base including `/v1`. */
  readonly url: string
  /** Base without `/v1`, for soracom-cli's `SORACOM_ENDPOINT`. */
  readonly endpoint: string
  readonly adminUrl: string
  readonly credentials: ReadonlyArray<SandboxCredential>
}

/**
 * Every credential of a seed, operator by operator: root, root AuthKeys, then each SAM user and its AuthKeys.
 *
 * @category getters
 * @since 0.1.0
 */
export const seedCredentials = (seed: Seed): ReadonlyArray<SandboxCredential> => {
  const out: Array<SandboxCredential> = []
  for (const op of seed.operators) {
    const { operatorId } = op
    out.push({
      kind: "root",
      operatorId,
      email: op.email,
      password: op.password,
      ...(op.mfaSecret === undefined ? {} : { mfaSecret: op.mfaSecret }),
    })
    for (const k of op.authKeys ?? [])
      out.push({ kind: "authKey", operatorId, authKeyId: k.authKeyId, authKey: k.authKey })
    for (const u of op.users ?? []) {
      out.push({
        kind: "samUser",
        operatorId,
        userName: u.userName,
        password: u.password,
        ...(u.mfaSecret === undefined ? {} : { mfaSecret: u.mfaSecret }),
      })
      for (const k of u.authKeys ?? []) {
        out.push({
          kind: "authKey",
          operatorId,
          userName: u.userName,
          authKeyId: k.authKeyId,
          authKey: k.authKey,
        })
      }
    }
  }
  return out
}

/**
 * The JSON form of a running sandbox.
 *
 * @category getters
 * @since 0.1.0
 */
export const sandboxInfo = (
  sandbox: Pick<Sandbox, "url" | "endpoint" | "adminUrl" | "seed">,
): SandboxInfo => ({
  url: sandbox.url,
  endpoint: sandbox.endpoint,
  adminUrl: sandbox.adminUrl,
  credentials: seedCredentials(sandbox.seed),
})

const describeCredential = (c: SandboxCredential): string => {
  switch (c.kind) {
    case "root":
      return (
        `  root      ${c.operatorId}  email ${c.email}  password ${c.password}` +
        (c.mfaSecret === undefined ? "" : `  MFA (TOTP) secret ${c.mfaSecret}`)
      )
    case "authKey":
      return (
        `  AuthKey   ${c.operatorId}${c.userName === undefined ? " (root)" : ` (${c.userName})`}\n` +
        `            authKeyId ${c.authKeyId}\n            authKey   ${c.authKey}`
      )
    case "samUser":
      return (
        `  SAM user  ${c.operatorId}  userName ${c.userName}  password ${c.password}` +
        (c.mfaSecret === undefined ? "" : `\n            MFA (TOTP) secret ${c.mfaSecret}`)
      )
  }
}

/**
 * A human banner: URL, how to point soracom-cli at it, the admin API, and every credential.
 *
 * @category getters
 * @since 0.1.0
 */
export const describeSandbox = (sandbox: Pick<Sandbox, "url" | "endpoint" | "adminUrl" | "seed">): string =>
  [
    `SORACOM Auth API sandbox listening on ${sandbox.url}`,
    `  soracom-cli: SORACOM_ENDPOINT=${sandbox.endpoint}`,
    `  admin API:   ${sandbox.adminUrl} (outbox, faults, exchanges)`,
    "Credentials (local test data only):",
    ...seedCredentials(sandbox.seed).map(describeCredential),
  ].join("\n")
