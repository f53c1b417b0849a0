/**
 * soracom-cli's profile format, key by key, as its Go struct reads and writes it: what a file's values become
 * (wrong types ignored, empty strings absent, an empty coverage type meaning "jp"), the text written (key order,
 * `omitempty` on every key but `sandbox`, `coverageType` and `registerPaymentMethod`), the credentials a profile
 * holds (AuthKey > email/password > SAM user, each only when complete) and a rewrite with other credentials.
 */
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import {
  credentialsOf,
  fieldsWithCredentials,
  type ProfileFields,
  parseProfile,
  serializeProfile,
} from "../../src/profiles/index.ts"

const secret = (r: Redacted.Redacted<string> | undefined) => (r === undefined ? undefined : Redacted.value(r))

describe("parseProfile", () => {
  it.each(["null", "[]", '[{"authKeyId":"k"}]', "3", '"text"', "true"])(
    "%s is not a profile: a TypeError saying it must be an object",
    (text) => {
      expect(() => parseProfile(text)).toThrow(TypeError)
      expect(() => parseProfile(text)).toThrow("a profile must be a JSON object")
    },
  )

  it("every managed key is read into its field, the rest kept aside untouched", () => {
    const doc = parseProfile(
      JSON.stringify({
        sandbox: true,
        coverageType: "g",
        endpoint: "https://api.example.com",
        email: "a@example.com",
        password: "pw-1",
        authKeyId: "keyId-1",
        authKey: "secret-1",
        operatorId: "OP0000000001",
        username: "ada",
        tokenTimeoutSeconds: 3600,
        registerPaymentMethod: true,
        profileCommand: "pass show x",
        headers: ["X-A: 1"],
      }),
    )
    expect({
      ...doc.fields,
      password: secret(doc.fields.password),
      authKey: secret(doc.fields.authKey),
    }).toEqual({
      sandbox: true,
      coverageType: "g",
      endpoint: "https://api.example.com",
      email: "a@example.com",
      password: "pw-1",
      authKeyId: "keyId-1",
      authKey: "secret-1",
      operatorId: "OP0000000001",
      username: "ada",
      tokenTimeoutSeconds: 3600,
    })
    expect(Redacted.value(doc.extra)).toEqual({
      registerPaymentMethod: true,
      profileCommand: "pass show x",
      headers: ["X-A: 1"],
    })
  })

  it("an empty object: coverage jp, not sandbox, nothing else, nothing extra", () => {
    const doc = parseProfile("{}")
    expect(doc.fields).toEqual({
      coverageType: "jp",
      sandbox: false,
      endpoint: undefined,
      email: undefined,
      password: undefined,
      authKeyId: undefined,
      authKey: undefined,
      operatorId: undefined,
      username: undefined,
      tokenTimeoutSeconds: undefined,
    })
    expect(Redacted.value(doc.extra)).toEqual({})
  })

  it.each([
    ["", "jp"],
    ["jp", "jp"],
    ["g", "g"],
    ["G", "jp"],
    [1, "jp"],
  ] as const)("coverageType %j reads as %s", (coverageType, expected) => {
    expect(parseProfile(JSON.stringify({ coverageType })).fields.coverageType).toBe(expected)
  })

  it.each([true, "true", 1, null])("sandbox %j is sandbox only when it is the boolean true", (sandbox) => {
    expect(parseProfile(JSON.stringify({ sandbox })).fields.sandbox).toBe(sandbox === true)
  })

  it.each(["endpoint", "email", "password", "authKeyId", "authKey", "operatorId", "username"] as const)(
    "%s: an empty string, a number or null reads as absent (and is not kept aside either)",
    (key) => {
      for (const value of ["", 42, null, ["x"]]) {
        const doc = parseProfile(JSON.stringify({ [key]: value }))
        expect(doc.fields[key], `${key}: ${JSON.stringify(value)}`).toBeUndefined()
        expect(Redacted.value(doc.extra)).toEqual({})
      }
    },
  )

  it.each([
    [3600, 3600],
    [0, 0],
    [1.5, undefined],
    ["3600", undefined],
    [null, undefined],
  ] as const)("tokenTimeoutSeconds %j reads as %j", (value, expected) => {
    expect(parseProfile(JSON.stringify({ tokenTimeoutSeconds: value })).fields.tokenTimeoutSeconds).toBe(
      expected,
    )
  })

  it("secrets are Redacted: the document shows neither password nor AuthKey secret", () => {
    const doc = parseProfile('{"password":"pw-CANARY","authKey":"ak-CANARY","authKeyId":"k","email":"e"}')
    expect(Redacted.isRedacted(doc.fields.password)).toBe(true)
    expect(Redacted.isRedacted(doc.fields.authKey)).toBe(true)
    expect(
      `${JSON.stringify(doc)} ${String(doc.fields.password)} ${String(doc.fields.authKey)}`,
    ).not.toContain("CANARY")
  })
})

describe("serializeProfile", () => {
  it("nothing set: sandbox false, coverage jp, registerPaymentMethod false — soracom-cli's three non-omitempty keys", () => {
    const text = serializeProfile({})
    expect(text).toBe(
      '{\n  "sandbox": false,\n  "coverageType": "jp",\n  "registerPaymentMethod": false\n}\n',
    )
  })

  it("every field set: soracom-cli's key order, secrets in clear (the file is private), then extra keys", () => {
    const fields: ProfileFields = {
      tokenTimeoutSeconds: 900,
      endpoint: "https://api.example.com",
      username: "ada",
      operatorId: "OP0000000001",
      authKey: Redacted.make("secret-1"),
      authKeyId: "keyId-1",
      password: Redacted.make("pw-1"),
      email: "a@example.com",
      coverageType: "g",
      sandbox: true,
    }
    const json = JSON.parse(serializeProfile(fields, { profileCommand: "c" }))
    expect(Object.entries(json)).toEqual([
      ["sandbox", true],
      ["coverageType", "g"],
      ["email", "a@example.com"],
      ["password", "pw-1"],
      ["authKeyId", "keyId-1"],
      ["authKey", "secret-1"],
      ["username", "ada"],
      ["operatorId", "OP0000000001"],
      ["endpoint", "https://api.example.com"],
      ["tokenTimeoutSeconds", 900],
      ["registerPaymentMethod", false],
      ["profileCommand", "c"],
    ])
  })

  it("empty strings are left out like absent ones (omitempty)", () => {
    const json = JSON.parse(serializeProfile({ email: "", authKeyId: "", password: Redacted.make("") }))
    expect(Object.keys(json)).toEqual(["sandbox", "coverageType", "registerPaymentMethod"])
  })

  it("a registerPaymentMethod kept from the file is written as it was, once", () => {
    const text = serializeProfile({}, { registerPaymentMethod: true })
    expect(JSON.parse(text)).toEqual({ sandbox: false, coverageType: "jp", registerPaymentMethod: true })
    expect(text.match(/registerPaymentMethod/g)).toHaveLength(1)
  })

  it("an extra key never overrides a managed one", () => {
    const json = JSON.parse(
      serializeProfile(
        { email: "mine@example.com", sandbox: false },
        { email: "theirs@example.com", sandbox: true, coverageType: "g", headers: [] },
      ),
    )
    expect(json).toEqual({
      sandbox: false,
      coverageType: "jp",
      email: "mine@example.com",
      registerPaymentMethod: false,
      headers: [],
    })
  })

  it("an extra key never fills in a managed one the fields leave unset (a stray password is not written)", () => {
    const json = JSON.parse(
      serializeProfile(
        { authKeyId: "keyId-1", authKey: Redacted.make("key-1") },
        { email: "stray@example.com", password: "stray-pw", operatorId: "OP0000000009", profileCommand: "c" },
      ),
    )
    expect(json).toEqual({
      sandbox: false,
      coverageType: "jp",
      authKeyId: "keyId-1",
      authKey: "key-1",
      registerPaymentMethod: false,
      profileCommand: "c",
    })
  })

  it("what it writes reads back as the same fields", () => {
    const fields: ProfileFields = {
      coverageType: "g",
      sandbox: true,
      endpoint: "https://e.example.com",
      email: "a@example.com",
      password: Redacted.make("pw"),
      operatorId: "OP0000000002",
      username: "bob",
      tokenTimeoutSeconds: 180,
    }
    const back = parseProfile(serializeProfile(fields)).fields
    expect({ ...back, password: secret(back.password) }).toEqual({
      ...fields,
      password: "pw",
      authKeyId: undefined,
      authKey: undefined,
    })
  })
})

describe("credentialsOf: AuthKey > email/password > SAM user, each only when complete", () => {
  const authKey = { authKeyId: "keyId-1", authKey: Redacted.make("ak") }
  const root = { email: "a@example.com", password: Redacted.make("pw") }
  const sam = { operatorId: "OP0000000001", username: "ada", password: Redacted.make("pw") }

  it("all three: the AuthKey", () => {
    expect(credentialsOf({ ...sam, ...root, ...authKey })).toEqual({
      kind: "authKey",
      authKeyId: "keyId-1",
      authKey: authKey.authKey,
    })
  })

  it("email/password and a SAM user: the root user", () => {
    expect(credentialsOf({ ...sam, ...root })).toEqual({
      kind: "root",
      email: "a@example.com",
      password: root.password,
    })
  })

  it("a SAM user alone", () => {
    expect(credentialsOf(sam)).toEqual({
      kind: "samUser",
      operatorId: "OP0000000001",
      userName: "ada",
      password: sam.password,
    })
  })

  it.each([
    ["an AuthKey ID without its secret", { authKeyId: "keyId-1" }],
    ["an AuthKey secret without its ID", { authKey: Redacted.make("ak") }],
    ["an email without a password", { email: "a@example.com" }],
    ["a SAM user without a password", { operatorId: "OP0000000001", username: "ada" }],
    ["a SAM user without an operator", { username: "ada", password: Redacted.make("pw") }],
    ["a SAM user without a user name", { operatorId: "OP0000000001", password: Redacted.make("pw") }],
    ["nothing", {}],
  ] as const)("%s: no credentials", (_, fields) => {
    expect(credentialsOf(fields)).toBeUndefined()
  })

  it("an incomplete AuthKey falls through to a complete email/password", () => {
    expect(credentialsOf({ authKeyId: "keyId-1", ...root })?.kind).toBe("root")
    expect(credentialsOf({ authKey: Redacted.make("ak"), ...root })?.kind).toBe("root")
  })

  it("an email without its password falls through to a SAM user (which has no password either: none)", () => {
    expect(
      credentialsOf({ email: "a@example.com", operatorId: "OP0000000001", username: "ada" }),
    ).toBeUndefined()
  })
})

describe("fieldsWithCredentials: exactly these credentials, the rest of the profile kept", () => {
  const base: ProfileFields = {
    coverageType: "g",
    sandbox: true,
    endpoint: "https://e.example.com",
    tokenTimeoutSeconds: 600,
    email: "old@example.com",
    password: Redacted.make("old-pw"),
    authKeyId: "keyId-old",
    authKey: Redacted.make("old-ak"),
    operatorId: "OP0000000009",
    username: "old",
  }
  const kept = {
    coverageType: "g",
    sandbox: true,
    endpoint: "https://e.example.com",
    tokenTimeoutSeconds: 600,
  }
  const plain = (f: ProfileFields) => ({ ...f, password: secret(f.password), authKey: secret(f.authKey) })

  it("an AuthKey (secret given as a string): the other kinds cleared", () => {
    const f = fieldsWithCredentials(base, { kind: "authKey", authKeyId: "keyId-new", authKey: "ak-new" })
    expect(Redacted.isRedacted(f.authKey)).toBe(true)
    expect(plain(f)).toEqual({
      ...kept,
      email: undefined,
      password: undefined,
      authKeyId: "keyId-new",
      authKey: "ak-new",
      operatorId: undefined,
      username: undefined,
    })
  })

  it("a root user (password already Redacted, kept as the same value)", () => {
    const password = Redacted.make("pw-new")
    const f = fieldsWithCredentials(base, { kind: "root", email: "new@example.com", password })
    expect(f.password).toBe(password)
    expect(plain(f)).toEqual({
      ...kept,
      email: "new@example.com",
      password: "pw-new",
      authKeyId: undefined,
      authKey: undefined,
      operatorId: undefined,
      username: undefined,
    })
  })

  it("a SAM user: operatorId, username and password, the rest cleared", () => {
    const f = fieldsWithCredentials(base, {
      kind: "samUser",
      operatorId: "OP0000000003",
      userName: "carol",
      password: "pw-sam",
    })
    expect(plain(f)).toEqual({
      ...kept,
      email: undefined,
      password: "pw-sam",
      authKeyId: undefined,
      authKey: undefined,
      operatorId: "OP0000000003",
      username: "carol",
    })
    expect(credentialsOf(f)?.kind).toBe("samUser")
  })
})
