/**
 * No rejection of the client shows a secret: not the credentials given (right or wrong), not the session's API
 * key or token — in `String(e)`, `JSON.stringify(e)` or `util.inspect(e)` (hidden properties and the cause chain
 * included).
 */
import { inspect } from "node:util"
import type { Sandbox } from "@soracom-auth/sandbox"
import { afterAll, beforeAll, expect, it } from "vitest"
import { createSoracomAuth, isSoracomAuthError, type Options } from "../src/index.ts"
import { demo, startTestSandbox } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

const wrongKey = `${demo.authKey.slice(0, -6)}WRONG1`
const shortPassword = "hunter2-secret-password-that-is-very-much-too-long-".repeat(30)

const reject = async (f: () => unknown): Promise<unknown> => {
  try {
    await f()
  } catch (error) {
    return error
  }
  throw new Error("expected a rejection")
}

const views = (error: unknown): ReadonlyArray<string> => [
  String(error),
  JSON.stringify(error) ?? "",
  inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
]

it("no secret in any rejection's String, JSON.stringify or util.inspect", async () => {
  const good = { authKeyId: demo.authKeyId, authKey: demo.authKey }
  const client = (options: Partial<Options>) =>
    createSoracomAuth({ credentials: good, endpoint: sandbox.endpoint, ...options })

  await using signedIn = client({})
  const session = await signedIn.session()
  const secrets = [demo.authKey, wrongKey, demo.password, shortPassword, session.apiKey, session.token]

  const errors: Array<[string, unknown]> = []
  const add = async (name: string, f: () => unknown) => errors.push([name, await reject(f)])

  await add("AuthFailed (wrong key)", () =>
    client({ credentials: { authKeyId: demo.authKeyId, authKey: wrongKey } }).session(),
  )
  await add("AuthFailed (wrong root password)", () =>
    client({ credentials: { email: demo.email, password: shortPassword.slice(0, 40) } }).headers(),
  )
  await add("InvalidRequest (password too long)", () =>
    createSoracomAuth({ credentials: { email: demo.email, password: shortPassword } }),
  )
  await add("InvalidRequest (bad option)", () =>
    createSoracomAuth({ credentials: good, tokenTimeoutSeconds: 5 }),
  )
  await add("TransportError (nothing listens)", () =>
    client({ endpoint: "http://127.0.0.1:9" }).fetch("/operators/OP0000000001"),
  )
  // The session is signed in; the API call itself meets a dropped connection, then one with headers in flight.
  sandbox.faults.set("/operators/{operator_id}", { drop: true, times: 1 })
  await add("TransportError (dropped after sign-in)", () => signedIn.fetch(`/operators/${demo.operatorId}`))
  await add("InvalidRequest (URL outside the endpoint)", () => signedIn.fetch("https://example.com/v1/x"))
  sandbox.faults.set("/operators/{operator_id}", { status: 401, times: 2 })
  await add("ky HTTPError (second 401)", () => signedIn.ky.get(`operators/${demo.operatorId}`))
  const current = await signedIn.headers()
  secrets.push(current["X-Soracom-API-Key"], current["X-Soracom-Token"])
  sandbox.faults.set("/operators/{operator_id}", {
    status: 500,
    body: { code: "X", message: `token ${current["X-Soracom-Token"]} key ${current["X-Soracom-API-Key"]}` },
  })
  await add("ky HTTPError (a server echoing the token)", () =>
    signedIn.ky.get(`operators/${demo.operatorId}`),
  )
  sandbox.faults.clear()
  const closed = client({})
  await closed.session()
  await closed.close()
  await add("InvalidRequest (closed)", () => closed.fetch(`/operators/${demo.operatorId}`))

  expect(errors.map(([name]) => name)).toHaveLength(10)
  for (const [name, error] of errors) {
    for (const view of views(error)) {
      for (const secret of secrets) expect(view.includes(secret), `${name} shows a secret`).toBe(false)
    }
  }
  // core's own errors, except ky's HTTPError (ky's contract for its instance).
  for (const [name, error] of errors.filter(([n]) => !n.startsWith("ky")))
    expect(isSoracomAuthError(error), name).toBe(true)
})
