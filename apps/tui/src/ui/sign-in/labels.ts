/**
 * Short labels, placeholders and hints for the sign-in fields and methods (words from the catalog).
 */
import type { Fields } from "@soracom-auth/core"
import { messages } from "../../presentation/messages.ts"
import type { Method } from "../model.ts"

/** A field's label in the process's language. @category getters */
export const fieldLabel = (field: Fields.FieldName): string => messages.ui.field[field]

/** @category constants */
export const fieldPlaceholders: Partial<Record<Fields.FieldName, string>> = {
  authKeyId: "keyId-…",
  email: "name@example.com",
  operatorId: "OP0123456789",
  mfaOtpCode: "123456",
}

const methods: ReadonlyArray<Method> = ["authKey", "root", "samUser"]

/** The methods, in the order offered, with their label and hint. @category getters */
export const methodItems = (): ReadonlyArray<{
  readonly value: Method
  readonly label: string
  readonly hint: string
}> => methods.map((value) => ({ value, ...messages.ui.methodItem[value] }))
