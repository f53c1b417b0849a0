/**
 * The generated part of the bad-input corpus: every string field of every request shape × every bad value,
 * plus each field left out. Deterministic; `generate.ts` writes the result to `generated.json`.
 */
import type { BadInput, Operation } from "./corpus.ts"

/** Well-formed bodies (credentials the sandbox does not know); each case breaks exactly one thing in one. */
export const baseBodies: ReadonlyArray<{
  readonly name: string
  readonly operation: Operation
  readonly body: Readonly<Record<string, unknown>>
}> = [
  { name: "auth.root", operation: "auth", body: { email: "ada@example.com", password: "correct horse" } },
  {
    name: "auth.authKey",
    operation: "auth",
    body: {
      authKeyId: "keyId-conformanceAAAAAAAAAAAAAAAAAAAAAA",
      authKey: "secret-conformanceBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    },
  },
  {
    name: "auth.samUser",
    operation: "auth",
    body: { operatorId: "OP0012345678", userName: "ada", password: "correct horse" },
  },
  { name: "issue", operation: "issuePasswordResetToken", body: { email: "ada@example.com" } },
  {
    name: "verify",
    operation: "verifyPasswordResetToken",
    body: { token: "0123456789abcdef0123456789abcdef", password: "battery staple" },
  },
]

const MiB = 1024 * 1024

/** Values no string field accepts. */
export const badStringValues: ReadonlyArray<{ readonly why: string; readonly value: unknown }> = [
  { why: "empty string", value: "" },
  { why: "one space", value: " " },
  { why: "spaces", value: "     " },
  { why: "tab", value: "\t" },
  { why: "newline", value: "\n" },
  { why: "CRLF", value: "\r\n" },
  { why: "mixed ASCII whitespace", value: " \t\r\n\v\f " },
  { why: "no-break space (U+00A0)", value: "\u00a0" },
  { why: "ideographic space (U+3000)", value: "\u3000\u3000" },
  { why: "em space and line separator (U+2003, U+2028)", value: "\u2003\u2028" },
  { why: "byte order mark (U+FEFF)", value: "\ufeff" },
  { why: "64 KiB of ASCII", value: { $repeat: "a", count: 64 * 1024 } },
  { why: "1 MiB of ASCII", value: { $repeat: "x", count: MiB } },
  { why: "1 MiB of 3-byte UTF-8 (界)", value: { $repeat: "界", count: MiB } },
  { why: "1 MiB of astral emoji (4-byte UTF-8)", value: { $repeat: "😀", count: MiB / 2 } },
  { why: "wrong type: number 0", value: 0 },
  { why: "wrong type: number 42", value: 42 },
  { why: "wrong type: negative float", value: -1.5 },
  { why: "wrong type: true", value: true },
  { why: "wrong type: false", value: false },
  { why: "wrong type: null", value: null },
  { why: "wrong type: empty array", value: [] },
  { why: "wrong type: array of string", value: ["ada@example.com"] },
  { why: "wrong type: empty object", value: {} },
  { why: "wrong type: object", value: { value: "x" } },
]

const slug = (why: string) =>
  why
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

/** Generates the matrix, in a stable order. */
export const generate = (): Array<BadInput> => {
  const out: Array<BadInput> = []
  for (const base of baseBodies) {
    for (const field of Object.keys(base.body)) {
      for (const { why, value } of badStringValues) {
        out.push({
          id: `${base.name}.${field}.${slug(why)}`,
          operation: base.operation,
          fields: [field],
          why: `${field}: ${why}`,
          body: { ...base.body, [field]: value },
        })
      }
      const { [field]: _dropped, ...rest } = base.body
      out.push({
        id: `${base.name}.${field}.missing`,
        operation: base.operation,
        // A credential missing one field is no complete kind: core may name the field or "credentials".
        fields: base.operation === "auth" ? [field, "credentials"] : [field],
        why: `${field}: missing`,
        body: rest,
      })
    }
  }
  return out
}
