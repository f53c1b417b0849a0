/**
 * `startSandbox`: a local SORACOM Auth API server on `node:http` — the SORACOM routes under `/v1`, and the
 * sandbox's own admin API under `/_sandbox` (outbox, faults, exchanges), which cannot collide with SORACOM's.
 *
 * @since 0.1.0
 */
import { once } from "node:events"
import { createServer } from "node:http"
import { type AddressInfo, BlockList, isIP } from "node:net"
import { type CorsOptions, corsFor, defaultCors } from "./cors.ts"
import { type FaultControl, Faults } from "./faults.ts"
import { handleAdmin } from "./internal/admin.ts"
import { handleApi, type Parts } from "./internal/api.ts"
import { answerClientError, answerConnect, HttpExchange } from "./internal/http.ts"
import { type OutboxMail, State } from "./internal/state.ts"
import { type RateLimitConfig, RateLimiter } from "./rateLimit.ts"
import { defaultRecordLimit, type Exchange, Recorder, type RecordLimit } from "./recording.ts"
import { demoSeed, parseSeed, type Seed } from "./seed.ts"

export type { OutboxMail } from "./internal/state.ts"

/**
 * How to start a sandbox. Every option has a default.
 *
 * @category models
 * @since 0.1.0
 */
export interface SandboxOptions {
  /** TCP port; `0` (default) picks a free ephemeral port. */
  readonly port?: number
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string
  /** Accounts to start with (validated). Default {@link demoSeed}. */
  readonly seed?: Seed
  /** Lifetime of password reset tokens. Default 1800 (30 min). */
  readonly resetTokenTtlSeconds?: number
  /** Per-IP limits on `/auth` and the reset endpoints, or `false` for none. Default 60 per 60 s per IP and route. */
  readonly rateLimit?: RateLimitConfig | false
  /** scrypt cost as log2(N), 1…20. Default 14 (N = 16384). Use 1 in tests and benchmarks. */
  readonly hashCost?: number
  /** The time in epoch ms. Default `Date.now`. Drives token expiry, reset-token expiry, rate windows and TOTP. */
  readonly clock?: () => number
  /** Where log lines go (reset mails, start-up). Default: stderr. `false` silences. */
  readonly log?: ((line: string) => void) | false
  /** Record every `/v1` exchange from the start (see `exchanges()`). Default false. */
  readonly record?: boolean
  /** How much the recording keeps (newest first, oldest dropped). Default 1000 exchanges, 32 MiB of bodies. */
  readonly recordLimit?: RecordLimit
  /**
   * Refuse a TOTP code once it has been accepted, and any older one (RFC 6238 §5.2). Default true; `false` for
   * tests that sign in twice with one code.
   */
  readonly rejectTotpReuse?: boolean
  /** Largest accepted request body. Default 65536 bytes; larger → 413. */
  readonly maxBodyBytes?: number
  /**
   * Cross-origin access to `/v1` from browsers (preflights answered, `Access-Control-Allow-*` headers).
   * Default `{ origins: "*" }`; a list of origins to restrict it; `false` for none. Never on `/_sandbox`.
   */
  readonly cors?: CorsOptions | false
}

/**
 * A running sandbox.
 *
 * @category models
 * @since 0.1.0
 */
export interface Sandbox {
  /** The API base including `/v1`, e.g. `http://127.0.0.1:43123/v1`. */
  readonly url: string
  /** The base without `/v1` (what soracom-cli's `SORACOM_ENDPOINT` wants), e.g. `http://127.0.0.1:43123`. */
  readonly endpoint: string
  /** The admin API base, e.g. `http://127.0.0.1:43123/_sandbox`. */
  readonly adminUrl: string
  readonly host: string
  readonly port: number
  /** The seed it started with (secrets in clear, as given). */
  readonly seed: Seed
  /** Mails "sent" so far (password reset tokens), oldest first. */
  outbox(): ReadonlyArray<OutboxMail>
  clearOutbox(): void
  /** Fault injection per route. */
  readonly faults: FaultControl
  /** Recorded exchanges, in arrival order (empty unless recording). */
  exchanges(): ReadonlyArray<Exchange>
  clearExchanges(): void
  /** Turns recording on or off. */
  setRecording(on: boolean): void
  /** Forgets rate-limit counters. */
  resetRateLimits(): void
  /**
   * Revokes, server-side, the session of one API key, or every session: its token then answers 401 as a
   * revoked or expired SORACOM token does. Returns how many live sessions were revoked.
   */
  revokeSessions(apiKey?: string): number
  /** Stops listening, closes open connections, resolves when done. Idempotent. */
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

/**
 * Options for tests and benchmarks: the cheapest hash cost, no rate limit, a silent log. Spread your own after.
 *
 * @category constants
 * @since 0.1.0
 */
export const testSandboxOptions = {
  hashCost: 1,
  rateLimit: false,
  log: false,
} as const satisfies SandboxOptions

const stderrLog = (line: string) => {
  process.stderr.write(`${line}\n`)
}

const checkRange = (name: string, value: number, min: number, max: number) => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`startSandbox: ${name} must be an integer ${min}…${max}, got ${value}`)
  }
}

const loopback = new BlockList()
loopback.addSubnet("127.0.0.0", 8, "ipv4")
loopback.addAddress("::1", "ipv6")

/**
 * `localhost`, or an address in 127.0.0.0/8 or ::1, however written (BlockList matches `::ffff:127.0.0.1` too;
 * a name that is no address matches nothing).
 */
const isLoopback = (host: string) =>
  host === "localhost" || loopback.check(host, isIP(host) === 6 ? "ipv6" : "ipv4")

/**
 * Starts a sandbox and resolves once it listens. Rejects on a bad seed ({@link SeedError}), a bad option
 * (`RangeError`) or a port in use.
 *
 * @category constructors
 * @since 0.1.0
 */
export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const seed = parseSeed(options.seed ?? demoSeed)
  const hashCost = options.hashCost ?? 14
  checkRange("hashCost", hashCost, 1, 20)
  const resetTokenTtlSeconds = options.resetTokenTtlSeconds ?? 1800
  checkRange("resetTokenTtlSeconds", resetTokenTtlSeconds, 1, 365 * 86400)
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  checkRange("maxBodyBytes", maxBodyBytes, 1, 64 * 1024 * 1024)
  const clock = options.clock ?? Date.now
  const cors = options.cors ?? defaultCors
  if (cors !== false && cors.origins !== "*" && cors.origins.some((o) => !/^https?:\/\/[^/\s]+$/.test(o)))
    throw new RangeError(`startSandbox: cors.origins must be "*" or origins like http://localhost:5173`)
  const log = options.log === false ? () => {} : (options.log ?? stderrLog)
  const rateLimit = options.rateLimit ?? {}
  if (rateLimit !== false) {
    checkRange("rateLimit.limit", rateLimit.limit ?? 60, 1, 1_000_000_000)
    checkRange("rateLimit.windowSeconds", rateLimit.windowSeconds ?? 60, 1, 86400)
  }
  const recordLimit = { ...defaultRecordLimit, ...options.recordLimit }
  checkRange("recordLimit.exchanges", recordLimit.exchanges, 0, 1_000_000)
  checkRange("recordLimit.bytes", recordLimit.bytes, 0, 1024 * 1024 * 1024)

  const state = await State.make(seed, {
    hashCost,
    resetTokenTtlSeconds,
    clock,
    log,
    rejectTotpReuse: options.rejectTotpReuse ?? true,
  })
  const parts: Parts = {
    state,
    faults: new Faults(),
    limiter: rateLimit === false ? undefined : new RateLimiter(rateLimit, clock),
    recorder: new Recorder(options.record ?? false, recordLimit, clock),
    maxBodyBytes,
    timers: new Set(),
  }

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const ex = new HttpExchange(req, res)
    const admin = ex.path === "/_sandbox" || ex.path.startsWith("/_sandbox/")
    if (!admin) {
      const access = corsFor(cors, req)
      ex.extraHeaders = access.headers
      if (access.preflight) {
        req.resume()
        return ex.sendRaw(204, {}, "")
      }
    }
    const work = admin ? handleAdmin(handle, maxBodyBytes, ex) : handleApi(parts, ex)
    work.catch((cause: unknown) => {
      log(`[sandbox] internal error on ${req.method} ${req.url}: ${(cause as Error)?.stack ?? String(cause)}`)
      ex.error("internal")
    })
  })
  server.on("clientError", answerClientError)
  server.on("connect", answerConnect)

  const host = options.host ?? "127.0.0.1"
  // Before listening: a log that throws then leaves no server behind.
  if (!isLoopback(host))
    log(
      `[sandbox] warning: listening on ${host}, which is not a loopback address: anyone who can reach it can ` +
        "sign in with the seed's credentials (the admin API still answers loopback Host names only)",
    )
  // A deep accept backlog: test suites open a thousand connections at once. `once` rejects on an "error" first.
  const listening = once(server, "listening")
  server.listen({ port: options.port ?? 0, host, backlog: 4096 })
  await listening
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(":") ? `[${host}]` : host
  const endpoint = `http://${urlHost}:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const t of parts.timers) clearTimeout(t)
      parts.timers.clear()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }

  const handle: Sandbox = {
    url: `${endpoint}/v1`,
    endpoint,
    adminUrl: `${endpoint}/_sandbox`,
    host,
    port,
    seed,
    outbox: () => state.outbox(),
    clearOutbox: () => state.clearOutbox(),
    faults: parts.faults,
    exchanges: () => parts.recorder.list(),
    clearExchanges: () => parts.recorder.clear(),
    setRecording: (on) => {
      parts.recorder.on = on
    },
    resetRateLimits: () => parts.limiter?.reset(),
    revokeSessions: (apiKey) => parts.state.revokeSessions(apiKey),
    close,
    [Symbol.asyncDispose]: close,
  }
  return handle
}
