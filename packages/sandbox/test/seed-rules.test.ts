/**
 * The seed's documented rules (README § Seed) at their edges: each value just inside a rule is accepted and each
 * value just outside it is refused with that rule's issue, and a SeedError's message is the issues, one a line.
 */
import { describe, expect, it } from "vitest"
import { isWellFormedEmail, parseSeed, SeedError } from "../src/seed.ts"

const op = { operatorId: "OP0000000007", email: "seven@example.com", password: "pw" }

/** The issues of a seed: none when it is accepted. */
const issuesOf = (value: unknown): ReadonlyArray<string> => {
  try {
    parseSeed(value)
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError)
    return (error as SeedError).issues
  }
}
const withOp = (extra: Record<string, unknown>) => ({ operators: [{ ...op, ...extra }] })
const withUser = (user: Record<string, unknown>) =>
  withOp({ users: [{ userName: "u", password: "p", ...user }] })
const withPrincipal = (principal: Record<string, unknown>) => withUser({ trustPolicy: [principal] })

describe("seed: operator IDs are OP + exactly 10 digits", () => {
  it.each(["OP0000000001", "OP9999999999"])("accepts %s", (operatorId) => {
    expect(issuesOf(withOp({ operatorId }))).toEqual([])
    expect(issuesOf(withPrincipal({ operatorId }))).toEqual([])
  })
  it.each([
    "OP000000001",
    "OP00000000011",
    "xOP0000000001",
    "OP0000000001x",
    "op0000000001",
    "OPOOOOOOOOOO",
    "OP000000000a",
  ])("refuses %s (operator and trust principal)", (operatorId) => {
    expect(issuesOf(withOp({ operatorId }))).toEqual([
      "operators[0].operatorId: must look like OP0000000001 (OP + 10 digits)",
    ])
    expect(issuesOf(withPrincipal({ operatorId }))).toEqual([
      "operators[0].users[0].trustPolicy[0].operatorId: must look like OP0000000001 (OP + 10 digits)",
    ])
  })
})

describe("seed: emails", () => {
  it.each([
    "a@b.c",
    "first.last+tag@sub.example.co.jp",
    `${"a".repeat(64)}@${"b".repeat(185)}.com`, // 254 characters, the longest accepted
  ])("accepts %s", (email) => {
    expect(isWellFormedEmail(email)).toBe(true)
    expect(issuesOf(withOp({ email }))).toEqual([])
  })
  it.each([
    `${"a".repeat(64)}@${"b".repeat(186)}.com`, // 255 characters
    "a@b",
    "@b.c",
    "a@.c",
    "a@b.",
    "a@@b.c",
    "a b@c.d",
    " a@b.c",
    "a@b.c ",
    "a@b c.d",
    "a@b.c d",
    "a@b.c@d.e",
    "a@b\n.c",
    "ab.c",
  ])("refuses %j", (email) => {
    expect(isWellFormedEmail(email)).toBe(false)
    expect(issuesOf(withOp({ email }))).toEqual(["operators[0].email: not a well-formed email address"])
  })
  it("an email used twice, in any case, is named as a duplicate of the first", () => {
    const second = { ...op, operatorId: "OP0000000008", email: "Seven@Example.COM" }
    expect(issuesOf({ operators: [op, second] })).toEqual([
      "operators[1].email: duplicate of operators[0].email",
    ])
    expect(issuesOf({ operators: [op, { ...second, email: "eight@example.com" }] })).toEqual([])
  })
})

describe("seed: MFA secrets are upper-case base32 (RFC 4648), at least 16 characters before padding", () => {
  const issue = (path: string) =>
    `${path}.mfaSecret: must be an upper-case RFC 4648 base32 string of at least 16 characters`
  it.each(["ABCDEFGHIJKLMNOP", "QRSTUVWXYZ234567", "JBSWY3DPEHPK3PXPJ=", "JBSWY3DPEHPK3PXP======"])(
    "accepts %s",
    (mfaSecret) => {
      expect(issuesOf(withOp({ mfaSecret }))).toEqual([])
      expect(issuesOf(withUser({ mfaSecret }))).toEqual([])
    },
  )
  it.each([
    "JBSWY3DPEHPK3PX", // 15
    "JBSWY3DPEHPK3PX=", // 15 + padding
    "JBSWY3DPEHPK3PX==", // 15 + more padding: every "=" is left out of the count
    "JBSWY3DPEHPK3PX======",
    "jbswy3dpehpk3pxp",
    "JBSWY3DPEHPK3PX1", // 1 is not in the alphabet
    "JBSWY3DPEHPK3PX8",
    "JBSWY3DPEHPK3PX0",
    "=JBSWY3DPEHPK3PXP",
    "JBSWY3DPEHPK3PXP=A",
    "JBSWY3DPEHPK3PXP ",
    " JBSWY3DPEHPK3PXP",
  ])("refuses %j", (mfaSecret) => {
    expect(issuesOf(withOp({ mfaSecret }))).toEqual([issue("operators[0]")])
    expect(issuesOf(withUser({ mfaSecret }))).toEqual([issue("operators[0].users[0]")])
  })
})

describe("seed: SAM user names are 1–100 of A–Z a–z 0–9 @ + = . _ , -", () => {
  const rule = "1–100 characters of A–Z a–z 0–9 and @ + = . _ , -"
  it.each(["a", "Z", "0", "@", "+", "=", ".", "_", ",", "-", "Az09@+=._,-", "x".repeat(100)])(
    "accepts %j as a user and as a principal",
    (userName) => {
      expect(issuesOf(withUser({ userName }))).toEqual([])
      expect(issuesOf(withPrincipal({ operatorId: "OP0000000001", userName }))).toEqual([])
    },
  )
  it.each(["x".repeat(101), "a b", "a/b", "a*", "ä", "a\n", "\na", "a:b"])("refuses %j", (userName) => {
    expect(issuesOf(withUser({ userName }))).toEqual([`operators[0].users[0].userName: ${rule}`])
    expect(issuesOf(withPrincipal({ operatorId: "OP0000000001", userName }))).toEqual([
      `operators[0].users[0].trustPolicy[0].userName: "*" or ${rule}`,
    ])
  })
  it("an empty user name is a missing string; '*' is a principal, not a user", () => {
    expect(issuesOf(withUser({ userName: "" }))).toEqual([
      "operators[0].users[0].userName: must be a non-empty string",
    ])
    expect(issuesOf(withUser({ userName: "*" }))).toEqual([`operators[0].users[0].userName: ${rule}`])
    expect(issuesOf(withPrincipal({ operatorId: "OP0000000001", userName: "*" }))).toEqual([])
    expect(issuesOf(withPrincipal({ operatorId: "OP0000000001" }))).toEqual([])
  })
  it("the same name twice in one operator is a duplicate; in two operators it is not", () => {
    const users = [
      { userName: "u", password: "p" },
      { userName: "v", password: "p" },
      { userName: "u", password: "q" },
    ]
    expect(issuesOf(withOp({ users }))).toEqual([
      "operators[0].users[2].userName: duplicate of operators[0].users[0].userName",
    ])
    const other = { operatorId: "OP0000000008", email: "e@example.com", password: "p", users: [users[0]] }
    expect(issuesOf({ operators: [{ ...op, users: [users[0]] }, other] })).toEqual([])
  })
})

describe("seed: AuthKeys", () => {
  it("IDs start with keyId-, secrets with secret-, each ID once across the seed", () => {
    expect(issuesOf(withOp({ authKeys: [{ authKeyId: "keyId-", authKey: "secret-" }] }))).toEqual([])
    expect(issuesOf(withOp({ authKeys: [{ authKeyId: "xkeyId-a", authKey: "xsecret-a" }] }))).toEqual([
      'operators[0].authKeys[0].authKeyId: must start with "keyId-"',
      'operators[0].authKeys[0].authKey: must start with "secret-"',
    ])
    const twice = [
      { authKeyId: "keyId-a", authKey: "secret-a" },
      { authKeyId: "keyId-b", authKey: "secret-b" },
      { authKeyId: "keyId-a", authKey: "secret-c" },
    ]
    expect(issuesOf(withOp({ authKeys: twice }))).toEqual([
      "operators[0].authKeys[2].authKeyId: duplicate of operators[0].authKeys[0].authKeyId",
    ])
    expect(issuesOf(withUser({ authKeys: [{ authKeyId: "keyId-u" }] }))).toEqual([
      "operators[0].users[0].authKeys[0].authKey: required",
    ])
  })
})

describe("seed: shapes and keys", () => {
  it("names the allowed keys of each object with an unknown one", () => {
    expect(issuesOf({ operators: [], x: 1 })).toEqual(["(root).x: unknown key (allowed: operators)"])
    expect(issuesOf(withOp({ x: 1 }))).toEqual([
      "operators[0].x: unknown key (allowed: operatorId, email, password, mfaSecret, authKeys, users)",
    ])
    expect(issuesOf(withUser({ x: 1 }))).toEqual([
      "operators[0].users[0].x: unknown key (allowed: userName, password, mfaSecret, authKeys, trustPolicy)",
    ])
    expect(issuesOf(withOp({ authKeys: [{ authKeyId: "keyId-a", authKey: "secret-a", x: 1 }] }))).toEqual([
      "operators[0].authKeys[0].x: unknown key (allowed: authKeyId, authKey)",
    ])
    expect(issuesOf(withPrincipal({ operatorId: "OP0000000001", x: 1 }))).toEqual([
      "operators[0].users[0].trustPolicy[0].x: unknown key (allowed: operatorId, userName)",
    ])
  })

  it("a missing list is fine except `operators`; a list that is not an array is named, `required` only for operators", () => {
    expect(issuesOf({})).toEqual(["operators: required, must be an array"])
    expect(issuesOf({ operators: null })).toEqual(["operators: required, must be an array"])
    expect(issuesOf(withOp({ users: {} }))).toEqual(["operators[0].users: must be an array"])
    expect(issuesOf(withUser({ trustPolicy: "all" }))).toEqual([
      "operators[0].users[0].trustPolicy: must be an array",
    ])
    expect(issuesOf(withOp({ authKeys: [], users: [] }))).toEqual([])
    expect(issuesOf(withUser({ trustPolicy: [], authKeys: [] }))).toEqual([])
  })

  it("every element of every list that is not an object (null, array, string) is named by its index", () => {
    expect(issuesOf({ operators: [op, null, [], "x"] })).toEqual([
      "operators[1]: must be an object",
      "operators[2]: must be an object",
      "operators[3]: must be an object",
    ])
    expect(issuesOf([op])).toEqual(["(root): must be an object with an `operators` array"])
    expect(issuesOf("seed")).toEqual(["(root): must be an object with an `operators` array"])
  })

  it("required strings: absent → required, not a string or empty → must be a non-empty string", () => {
    expect(issuesOf({ operators: [{}] })).toEqual([
      "operators[0].operatorId: required",
      "operators[0].email: required",
      "operators[0].password: required",
    ])
    expect(issuesOf(withOp({ password: 7, email: "", mfaSecret: "" }))).toEqual([
      "operators[0].email: must be a non-empty string",
      "operators[0].password: must be a non-empty string",
      "operators[0].mfaSecret: must be a non-empty string",
    ])
    expect(issuesOf(withUser({ password: undefined }))).toEqual(["operators[0].users[0].password: required"])
    expect(issuesOf(withPrincipal({ userName: 1 }))).toEqual([
      "operators[0].users[0].trustPolicy[0].operatorId: required",
      "operators[0].users[0].trustPolicy[0].userName: must be a non-empty string",
    ])
  })
})

describe("SeedError", () => {
  it("its message is a heading, with the source when given, then each issue on its own line", () => {
    const value = { operators: [{ operatorId: "x", email: "y", password: 3 }] }
    const lines = [
      "  - operators[0].operatorId: must look like OP0000000001 (OP + 10 digits)",
      "  - operators[0].email: not a well-formed email address",
      "  - operators[0].password: must be a non-empty string",
    ]
    expect(() => parseSeed(value)).toThrow(SeedError)
    try {
      parseSeed(value)
    } catch (error) {
      expect((error as SeedError).message).toBe(["Invalid sandbox seed:", ...lines].join("\n"))
      expect((error as SeedError).name).toBe("SeedError")
    }
    try {
      parseSeed(value, "my-seed.json")
    } catch (error) {
      expect((error as SeedError).message).toBe(["Invalid sandbox seed (my-seed.json):", ...lines].join("\n"))
    }
    expect.assertions(4)
  })
})
