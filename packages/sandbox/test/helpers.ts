/** Test helpers: a sandbox per test with fast hashing, and a raw HTTP client that sends exactly the given headers. */
import { request } from "node:http"
import { connect } from "node:net"
import { type Sandbox, type SandboxOptions, startSandbox, testSandboxOptions } from "../src/index.ts"

export const start = (options: SandboxOptions = {}): Promise<Sandbox> =>
  startSandbox({ ...testSandboxOptions, ...options })

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | Array<string> | undefined>
  readonly text: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read response JSON freely
  readonly json: any
}

/**
 * Sends one request with node:http — no implicit `Accept` (unlike fetch) — and reads the whole answer.
 * `path` is appended to `base` verbatim (so `"/auth?"` keeps its empty query).
 */
export const send = (
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body)
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        // A base without a path (`sandbox.endpoint`) parses to "/": drop it, or "/v1/auth" would go out as "//v1/auth".
        path: url.pathname.replace(/\/$/, "") + path,
        agent: false,
        headers: {
          ...(payload === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
          ...(payload === undefined ? {} : { "Content-Length": String(Buffer.byteLength(payload)) }),
        },
      },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let json: unknown
          try {
            json = text.length > 0 ? JSON.parse(text) : undefined
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
        res.on("error", reject)
      },
    )
    req.on("error", reject)
    if (payload !== undefined) req.write(payload)
    req.end()
  })

export const post = (sandbox: Sandbox, path: string, body?: unknown, headers?: Record<string, string>) =>
  send(sandbox.url, "POST", path, body, headers)

/** A request to the sandbox's admin API (`/_sandbox…`). */
export const admin = (
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => send(sandbox.adminUrl, method, path, body, headers)

/** Writes raw bytes to the sandbox; everything read until it closes the connection (or 2 s pass). */
export const rawExchange = (sandbox: Sandbox, text: string) =>
  new Promise<string>((resolve) => {
    let data = ""
    const socket = connect(sandbox.port, sandbox.host, () => socket.write(text))
    const timer = setTimeout(() => socket.destroy(), 2000)
    socket.on("data", (d) => {
      data += d
    })
    socket.on("error", () => {})
    socket.on("close", () => {
      clearTimeout(timer)
      resolve(data)
    })
  })

/** A clock the test moves by hand. */
export const manualClock = (start = Date.parse("2026-11-30T00:00:00Z")) => {
  let now = start
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms
    },
    set: (ms: number) => {
      now = ms
    },
  }
}

export const demo = {
  operatorId: "OP0000000001",
  email: "demo@example.com",
  password: "demo-root-password",
  authKeyId: "keyId-demo0000000000000000000000000001",
  authKey: "secret-demo0000000000000000000000000000000000000000000000000000000000000001",
  userName: "demo-user",
  userPassword: "demo-user-password",
  userAuthKeyId: "keyId-demo0000000000000000000000000002",
  userAuthKey: "secret-demo0000000000000000000000000000000000000000000000000000000000000002",
  mfaUserName: "demo-mfa-user",
  mfaUserPassword: "demo-mfa-password",
  mfaSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
} as const
