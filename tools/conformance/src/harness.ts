/**
 * What the conformance suite runs against: a sandbox with known accounts and a controllable clock, a TOTP
 * generator for its MFA secrets, and a raw HTTP sender that reports dropped connections instead of throwing.
 */
import { request as httpRequest } from "node:http"
import { type Sandbox, type SandboxOptions, type Seed, startSandbox } from "@soracom-auth/sandbox"
import * as OTPAuth from "otpauth"
import type { WireResponse } from "./validators.ts"

export const accounts = {
  root: { operatorId: "OP0000000042", email: "conformance@example.com", password: "root pass 1" },
  rootMfa: {
    operatorId: "OP0000000043",
    email: "conformance-mfa@example.com",
    password: "root pass 2",
    mfaSecret: "JBSWY3DPEHPK3PXP",
  },
  rootKey: {
    authKeyId: "keyId-conformanceRootAAAAAAAAAAAAAAAA",
    authKey: "secret-conformanceRootBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
  },
  sam: { operatorId: "OP0000000042", userName: "conformance-user", password: "sam pass 1" },
  samMfa: {
    operatorId: "OP0000000042",
    userName: "conformance-mfa-user",
    password: "sam pass 2",
    mfaSecret: "KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF",
  },
  samKey: {
    authKeyId: "keyId-conformanceUserAAAAAAAAAAAAAAAA",
    authKey: "secret-conformanceUserBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
  },
} as const

export const seed: Seed = {
  operators: [
    {
      operatorId: accounts.root.operatorId,
      email: accounts.root.email,
      password: accounts.root.password,
      authKeys: [accounts.rootKey],
      users: [
        {
          userName: accounts.sam.userName,
          password: accounts.sam.password,
          authKeys: [accounts.samKey],
          // The root account may switch to this user (POST /auth/switch_user); nobody else may.
          trustPolicy: [{ operatorId: accounts.root.operatorId }],
        },
        {
          userName: accounts.samMfa.userName,
          password: accounts.samMfa.password,
          mfaSecret: accounts.samMfa.mfaSecret,
        },
      ],
    },
    {
      operatorId: accounts.rootMfa.operatorId,
      email: accounts.rootMfa.email,
      password: accounts.rootMfa.password,
      mfaSecret: accounts.rootMfa.mfaSecret,
    },
  ],
}

/** A settable clock (epoch ms) for the sandbox: reset-token expiry without waiting. */
export class ManualClock {
  now = Date.UTC(2026, 10, 30, 6, 0, 0)
  readonly read = (): number => this.now
  advance(seconds: number): void {
    this.now += seconds * 1000
  }
}

export const startConformanceSandbox = (clock: ManualClock, options: SandboxOptions = {}): Promise<Sandbox> =>
  startSandbox({
    seed,
    hashCost: 1,
    rateLimit: false,
    log: false,
    record: true,
    clock: clock.read,
    ...options,
  })

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) at a given time. */
export const totp = (secret: string, atMs: number): string =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: atMs })

export type RawResult =
  | { readonly kind: "response"; readonly response: WireResponse }
  | { readonly kind: "dropped"; readonly reason: string }

/** POSTs bytes as they are (no client-side checks at all) and reports what came back, or that nothing did. */
export const rawPost = (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>> = { "content-type": "application/json" },
): Promise<RawResult> => rawRequest("POST", url, body, headers)

/** Sends one request as given (method, bytes, exactly these headers) and reports what came back, or that nothing did. */
export const rawRequest = (
  method: string,
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
): Promise<RawResult> =>
  new Promise((resolve) => {
    const payload = Buffer.from(body, "utf8")
    const target = new URL(url)
    // Keep the request target verbatim: `new URL` drops an empty query, and soracom-cli sends `/v1/auth?`.
    const q = url.indexOf("?")
    const path = target.pathname + (q === -1 ? "" : url.slice(q))
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method,
        agent: false,
        headers: payload.length === 0 ? headers : { ...headers, "content-length": String(payload.length) },
      },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("error", (e) => resolve({ kind: "dropped", reason: `response aborted: ${e.message}` }))
        res.on("end", () =>
          resolve(
            res.complete
              ? {
                  kind: "response",
                  response: {
                    status: res.statusCode ?? 0,
                    headers: { ...res.headers },
                    body: Buffer.concat(chunks).toString("utf8"),
                  },
                }
              : { kind: "dropped", reason: "response incomplete" },
          ),
        )
      },
    )
    // A promise settles once: an error after a complete response (e.g. EPIPE once a 413 closed the socket)
    // does not turn the answer into a drop.
    req.on("error", (e) => resolve({ kind: "dropped", reason: e.message }))
    req.end(payload)
  })
