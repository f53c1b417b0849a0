/**
 * The sign-in methods, in core's own vocabulary: a method is the `kind` of core's `CredentialsInput`, the app's
 * only credentials type (flags, environment, profiles and the sign-in form all produce one). Their labels are in
 * the message catalog (`messages.method`).
 */
import type { Credentials } from "@soracom-auth/core"

/** @category models */
export type Method = Credentials.Input["kind"]

/** @category constants */
export const methods = ["authKey", "root", "samUser"] as const satisfies ReadonlyArray<Method>

/** Whether a method can use an MFA code (AuthKeys cannot). @category guards */
export const takesMfa = (method: Method): boolean => method !== "authKey"

/**
 * A non-secret description of who signs in: the AuthKey ID, the email, or `OP…/user`; after a switch,
 * `OP…/user ← …` (language-neutral: it is stored, and shown in both languages).
 *
 * @category getters
 */
export const identityOf = (
  credentials: Credentials.Input,
  switchTo?: { readonly operatorId: string; readonly userName: string } | undefined,
): string => {
  const who = signerOf(credentials)
  return switchTo === undefined ? who : `${switchTo.operatorId}/${switchTo.userName} ← ${who}`
}

const signerOf = (credentials: Credentials.Input): string => {
  switch (credentials.kind) {
    case "authKey":
      return credentials.authKeyId
    case "root":
      return credentials.email
    case "samUser":
      return `${credentials.operatorId}/${credentials.userName}`
  }
}
