/** How messages name an operation ("sign-in"…), shared by the error messages and the retry warning. */
import type { Operation } from "../Errors.ts"

export const operationLabels: Record<Operation, string> = {
  auth: "sign-in",
  issuePasswordResetToken: "password reset request",
  verifyPasswordResetToken: "password reset",
  logout: "sign-out",
  switchUser: "user switch",
  generateAuthToken: "token renewal",
}
