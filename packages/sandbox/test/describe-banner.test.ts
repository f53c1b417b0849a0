/**
 * The banner and credential list a person reads when the sandbox starts, line by line for a seed with every kind
 * of credential (root with and without MFA, root and SAM user AuthKeys, SAM users with and without MFA).
 */
import { describe, expect, it } from "vitest"
import { describeSandbox, sandboxInfo, seedCredentials } from "../src/describe.ts"
import type { Seed } from "../src/seed.ts"

const seed: Seed = {
  operators: [
    {
      operatorId: "OP0000000001",
      email: "a@example.com",
      password: "pw-a",
      mfaSecret: "JBSWY3DPEHPK3PXP",
      authKeys: [{ authKeyId: "keyId-a", authKey: "secret-a" }],
      users: [
        {
          userName: "mfa-user",
          password: "pw-m",
          mfaSecret: "KRSXG5CTMVRXEZLU",
          authKeys: [{ authKeyId: "keyId-m", authKey: "secret-m" }],
        },
        { userName: "plain", password: "pw-p" },
      ],
    },
    { operatorId: "OP0000000002", email: "b@example.com", password: "pw-b" },
  ],
}

const where = {
  url: "http://127.0.0.1:4000/v1",
  endpoint: "http://127.0.0.1:4000",
  adminUrl: "http://127.0.0.1:4000/_sandbox",
  seed,
}

describe("seedCredentials / sandboxInfo / describeSandbox", () => {
  it("lists every credential, operator by operator: root, root AuthKeys, each SAM user and its AuthKeys", () => {
    const credentials = [
      {
        kind: "root",
        operatorId: "OP0000000001",
        email: "a@example.com",
        password: "pw-a",
        mfaSecret: "JBSWY3DPEHPK3PXP",
      },
      { kind: "authKey", operatorId: "OP0000000001", authKeyId: "keyId-a", authKey: "secret-a" },
      {
        kind: "samUser",
        operatorId: "OP0000000001",
        userName: "mfa-user",
        password: "pw-m",
        mfaSecret: "KRSXG5CTMVRXEZLU",
      },
      {
        kind: "authKey",
        operatorId: "OP0000000001",
        userName: "mfa-user",
        authKeyId: "keyId-m",
        authKey: "secret-m",
      },
      { kind: "samUser", operatorId: "OP0000000001", userName: "plain", password: "pw-p" },
      { kind: "root", operatorId: "OP0000000002", email: "b@example.com", password: "pw-b" },
    ]
    // toStrictEqual: no `mfaSecret: undefined` or `userName: undefined` keys where there is none.
    expect(seedCredentials(seed)).toStrictEqual(credentials)
    expect(sandboxInfo(where)).toStrictEqual({
      url: "http://127.0.0.1:4000/v1",
      endpoint: "http://127.0.0.1:4000",
      adminUrl: "http://127.0.0.1:4000/_sandbox",
      credentials,
    })
  })

  it("prints the banner: where it listens, soracom-cli's SORACOM_ENDPOINT, the admin API, each credential", () => {
    expect(describeSandbox(where).split("\n")).toEqual([
      "SORACOM Auth API sandbox listening on http://127.0.0.1:4000/v1",
      "  soracom-cli: SORACOM_ENDPOINT=http://127.0.0.1:4000",
      "  admin API:   http://127.0.0.1:4000/_sandbox (outbox, faults, exchanges)",
      "Credentials (local test data only):",
      "  root      OP0000000001  email a@example.com  password pw-a  MFA (TOTP) secret JBSWY3DPEHPK3PXP",
      "  AuthKey   OP0000000001 (root)",
      "            authKeyId keyId-a",
      "            authKey   secret-a",
      "  SAM user  OP0000000001  userName mfa-user  password pw-m",
      "            MFA (TOTP) secret KRSXG5CTMVRXEZLU",
      "  AuthKey   OP0000000001 (mfa-user)",
      "            authKeyId keyId-m",
      "            authKey   secret-m",
      "  SAM user  OP0000000001  userName plain  password pw-p",
      "  root      OP0000000002  email b@example.com  password pw-b",
    ])
  })
})
