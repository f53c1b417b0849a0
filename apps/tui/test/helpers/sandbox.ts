/** A sandbox per test file: the sandbox package's test options (fast hashing, no rate limits, quiet). */
import { type Sandbox, type SandboxOptions, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"

export const startTestSandbox = (options: SandboxOptions = {}): Promise<Sandbox> =>
  startSandbox({ port: 0, ...testSandboxOptions, ...options })

/** The demo seed's credentials, by kind. */
export const demo = {
  operatorId: "OP0000000001",
  email: "demo@example.com",
  password: "demo-root-password",
  authKeyId: "keyId-demo0000000000000000000000000001",
  authKey: "secret-demo0000000000000000000000000000000000000000000000000000000000000001",
  userName: "demo-user",
  userPassword: "demo-user-password",
  mfaUserName: "demo-mfa-user",
  mfaUserPassword: "demo-mfa-password",
  mfaSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
} as const
