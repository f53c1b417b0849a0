/** A sandbox per test file (cheap hashing, recording on) and counts of what reached it. */
import { demoSeed, type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"

const operator = demoSeed.operators[0]!
const rootKey = operator.authKeys![0]!
const samUser = operator.users![0]!
const mfaUser = operator.users!.find((u) => u.mfaSecret !== undefined)!

/** The demo operator's accounts, as the sandbox seeds them. */
export const demo = {
  operatorId: operator.operatorId,
  email: operator.email,
  password: operator.password,
  authKeyId: rootKey.authKeyId,
  authKey: rootKey.authKey,
  userName: samUser.userName,
  userPassword: samUser.password,
  mfaUserName: mfaUser.userName,
  mfaUserPassword: mfaUser.password,
  mfaSecret: mfaUser.mfaSecret!,
} as const

export const startTestSandbox = (): Promise<Sandbox> => startSandbox({ ...testSandboxOptions, record: true })

/** How many requests reached the sandbox with that method, on paths that start with `/v1` + `path`. */
export const count = (sandbox: Sandbox, method: string, path: string): number =>
  sandbox.exchanges().filter((e) => e.request.method === method && e.request.path.startsWith(`/v1${path}`))
    .length

/** `POST /v1/auth` requests so far (sign-ins, successful or not). */
export const signIns = (sandbox: Sandbox): number =>
  sandbox.exchanges().filter((e) => e.request.method === "POST" && e.request.path === "/v1/auth").length

/** Every secret a test used, to look for in errors. */
export const secrets: ReadonlyArray<string> = [
  demo.authKey,
  demo.password,
  demo.userPassword,
  demo.mfaUserPassword,
]
