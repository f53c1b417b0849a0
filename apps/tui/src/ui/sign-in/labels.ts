/**
 * Short labels, placeholders and hints for the sign-in fields and methods.
 */
import type { Fields } from "@soracom-auth/core"
import type { Method } from "../model.ts"

/** @category constants */
export const fieldLabels: Record<Fields.FieldName, string> = {
  authKeyId: "AuthKey ID",
  authKey: "AuthKey secret",
  email: "Email",
  password: "Password",
  operatorId: "Operator ID",
  userName: "User name",
  mfaOtpCode: "MFA code",
  tokenTimeoutSeconds: "Token lifetime (seconds)",
  token: "Reset token",
}

/** @category constants */
export const fieldPlaceholders: Partial<Record<Fields.FieldName, string>> = {
  authKeyId: "keyId-…",
  email: "name@example.com",
  operatorId: "OP0123456789",
  mfaOtpCode: "123456",
}

/** @category constants */
export const methodItems: ReadonlyArray<{
  readonly value: Method
  readonly label: string
  readonly hint: string
}> = [
  {
    value: "authKey",
    label: "AuthKey (recommended)",
    hint: "An AuthKey ID and secret — scoped, revocable, best for tools and scripts",
  },
  {
    value: "root",
    label: "Root user (email + password)",
    hint: "The account owner's email address and password, with an MFA code if enabled",
  },
  {
    value: "samUser",
    label: "SAM user",
    hint: "The operator ID, a SAM user name and that user's password, with an MFA code if enabled",
  },
]
