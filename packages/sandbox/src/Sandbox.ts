/**
 * `startSandbox`: a local SORACOM Auth API server on `node:http` — the SORACOM routes under `/v1`, and the
 * sandbox's own admin API under `/_sandbox` (outbox, faults, exchanges), which cannot collide with SORACOM's.
 *
 * @since 0.1.0
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { type ErrorName, errorBody, errors, type Lang, langOf } from "./errors.ts"
import { type Fault, type FaultControl, Faults } from "./faults.ts"
import { type AnswerHeaders, adminRoutes } from "./internal/admin.ts"
import { type Route, routes } from "./internal/routes.ts"
import { type OutboxMail, State } from "./internal/state.ts"
import { type RateLimitConfig, RateLimiter, rateLimitedRoutes } from "./rateLimit.ts"
import { bodyValue, type Exchange, type RecordedRequest, type RecordedResponse } from "./recording.ts"
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
  /** Largest accepted request body. Default 65536 bytes; larger → 413. */
  readonly maxBodyBytes?: number
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

/** Resolved options, as the server uses them. */
interface Config {
  readonly clock: () => number
  readonly maxBodyBytes: number
}

const jsonType = "application/json;charset=UTF-8"

const stderrLog = (line: string) => {
  process.stderr.write(`${line}\n`)
}

const checkRange = (name: string, value: number, min: number, max: number) => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`startSandbox: ${name} must be an integer ${min}…${max}, got ${value}`)
  }
}

/** Per-request context: how to answer and record. */
class Exchanging {
  recorded:
    | { request: RecordedRequest; response: RecordedResponse | null; seq: number; at: number }
    | undefined
  extraHeaders: Record<string, string> | undefined
  /** Whether to keep what was sent (recording on). */
  capture = false
  sent: RecordedResponse | undefined

  readonly req: IncomingMessage
  readonly res: ServerResponse

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.req = req
    this.res = res
  }

  /** Only errors need it: read from the request on demand. */
  get lang(): Lang {
    return langOf(this.req.headers["x-soracom-lang"])
  }

  sendRaw(status: number, headers: AnswerHeaders, raw: string) {
    const res = this.res
    if (res.headersSent || res.destroyed) return
    // `headers` is always a fresh object from the callers below: completed in place, no copy.
    const all: AnswerHeaders =
      this.extraHeaders === undefined ? headers : { ...this.extraHeaders, ...headers }
    all["Content-Length"] = String(Buffer.byteLength(raw))
    res.writeHead(status, all)
    res.end(raw)
    if (this.capture) {
      const recordedHeaders: Record<string, string> = {}
      for (const [k, v] of Object.entries(all)) recordedHeaders[k.toLowerCase()] = v
      this.sent = { status, headers: recordedHeaders, body: bodyValue(raw), rawBody: raw }
      if (this.recorded !== undefined) this.recorded.response = this.sent
    }
  }

  json(status: number, value: unknown, headers?: AnswerHeaders) {
    this.sendRaw(
      status,
      headers === undefined ? { "Content-Type": jsonType } : { "Content-Type": jsonType, ...headers },
      JSON.stringify(value),
    )
  }

  empty(status: number) {
    this.sendRaw(status, {}, "")
  }

  error(name: ErrorName, detail?: string, headers?: AnswerHeaders, status?: number) {
    this.json(status ?? errorStatus(name), errorBody(name, this.lang, detail), headers)
  }
}

const errorStatus = (name: ErrorName): number => errors[name].status

/** Reads the body up to `max` bytes; `undefined` when it was larger (and a 413 has been sent). */
const readBody = (ex: Exchanging, max: number): Promise<string | undefined> =>
  new Promise((resolve) => {
    const { req } = ex
    const declared = Number(req.headers["content-length"])
    const tooLarge = () => {
      ex.error("payloadTooLarge", String(max), { Connection: "close" })
      req.removeAllListeners("data")
      // Drain what is in flight so the client reads the 413, but never for long: an endless body gets cut off.
      req.resume()
      ex.res.once("finish", () => setTimeout(() => req.socket.destroy(), 1000).unref())
      resolve(undefined)
    }
    if (Number.isFinite(declared) && declared > max) return tooLarge()
    const chunks: Array<Buffer> = []
    let size = 0
    let done = false
    req.on("data", (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > max) {
        done = true
        tooLarge()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => {
      if (!done)
        resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"))
      done = true
    })
    // A client that hangs up mid-body: nothing to answer.
    const gone = () => {
      if (!done) resolve(undefined)
      done = true
    }
    req.on("error", gone)
    req.on("close", gone)
  })

const sleep = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t)
      resolve()
    }, ms)
    timers.add(t)
  })

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
  const log = options.log === false ? () => {} : (options.log ?? stderrLog)
  const rateLimit = options.rateLimit ?? {}
  if (rateLimit !== false) {
    checkRange("rateLimit.limit", rateLimit.limit ?? 60, 1, 1_000_000_000)
    checkRange("rateLimit.windowSeconds", rateLimit.windowSeconds ?? 60, 1, 86400)
  }
  const config: Config = { clock, maxBodyBytes }

  const state = await State.make(seed, { hashCost, resetTokenTtlSeconds, clock, log })
  const limiter = rateLimit === false ? undefined : new RateLimiter(rateLimit, clock)
  const faults = new Faults()
  const exchanges: Array<NonNullable<Exchanging["recorded"]>> = []
  let recording = options.record ?? false
  let seq = 0
  const timers = new Set<NodeJS.Timeout>()

  const applyFault = async (ex: Exchanging, fault: Fault): Promise<boolean> => {
    if (fault.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs, timers)
    if (fault.drop === true) {
      ex.req.socket.destroy()
      return true
    }
    if (fault.malformed === true) {
      const raw = typeof fault.body === "string" ? fault.body : '{"apiKey":"api-'
      ex.sendRaw(fault.status ?? 200, { "Content-Type": jsonType, ...fault.headers }, raw)
      return true
    }
    if (fault.status !== undefined) {
      if (fault.body === undefined) ex.error("injectedFault", undefined, fault.headers ?? {}, fault.status)
      else if (typeof fault.body === "string")
        ex.sendRaw(fault.status, { "Content-Type": "text/plain;charset=UTF-8", ...fault.headers }, fault.body)
      else ex.json(fault.status, fault.body, fault.headers ?? {})
      return true
    }
    return false
  }

  const handleApi = async (ex: Exchanging, path: string, route: Route | undefined) => {
    const { req } = ex
    ex.capture = recording
    const raw = await readBody(ex, config.maxBodyBytes)
    if (recording) {
      const url = req.url ?? "/"
      const q = url.indexOf("?")
      const record: NonNullable<Exchanging["recorded"]> = {
        seq: ++seq,
        at: clock(),
        request: {
          method: req.method ?? "",
          url,
          path: q === -1 ? url : url.slice(0, q),
          query: q === -1 ? null : url.slice(q + 1),
          headers: { ...req.headers } as RecordedRequest["headers"],
          body: raw === undefined ? null : bodyValue(raw),
          rawBody: raw ?? "",
        },
        response: null,
      }
      exchanges.push(record)
      ex.recorded = record
      // A 413 is answered before the record exists.
      if (ex.sent !== undefined) record.response = ex.sent
    }
    if (raw === undefined) return
    const apiPath = path.slice(3)
    if (route === undefined) return ex.error("notFound", path)
    if (req.method !== route.method)
      return ex.error("methodNotAllowed", `${req.method} ${path}`, { Allow: route.method })
    const fault = faults.take(apiPath)
    if (fault !== undefined && (await applyFault(ex, fault))) return
    if (limiter !== undefined && rateLimitedRoutes.includes(apiPath)) {
      const ip = req.socket.remoteAddress ?? "unknown"
      const verdict = limiter.take(`${ip} ${apiPath}`)
      ex.extraHeaders = verdict.headers
      if (!verdict.allowed) return ex.error("rateLimited", String(verdict.retryAfterSeconds))
    }
    let body: Record<string, unknown> | undefined
    if (route.needsBody) {
      if (raw.trim().length === 0) return ex.error("malformedBody", "a JSON object is required")
      let parsed: unknown
      try {
        parsed = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw)
      } catch (cause) {
        return ex.error("malformedBody", (cause as Error).message)
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return ex.error("malformedBody", "a JSON object is required")
      }
      body = parsed as Record<string, unknown>
    }
    const answer = await route.handler(body, req.headers, state)
    if ("error" in answer) return ex.error(answer.error, answer.detail)
    if (answer.json === undefined) return ex.empty(answer.status)
    return ex.json(answer.status, answer.json)
  }

  const handleAdmin = async (ex: Exchanging, path: string) => {
    const raw = await readBody(ex, config.maxBodyBytes)
    if (raw === undefined) return
    const url = ex.req.url ?? "/"
    const q = url.indexOf("?")
    const params = new URLSearchParams(q === -1 ? "" : url.slice(q + 1))
    const route = adminRoutes.get(path)
    if (route === undefined) return ex.error("notFound", path)
    const method = ex.req.method ?? ""
    const handler = route[method]
    if (handler === undefined)
      return ex.error("methodNotAllowed", `${method} ${path}`, { Allow: Object.keys(route).join(", ") })
    let body: unknown
    if (raw.trim().length > 0) {
      try {
        body = JSON.parse(raw)
      } catch (cause) {
        return ex.error("malformedBody", (cause as Error).message)
      }
    }
    const answer = handler({ body, params, sandbox: handle })
    if ("error" in answer) return ex.error(answer.error, answer.detail)
    if (answer.json === undefined) return ex.empty(answer.status)
    return ex.json(answer.status, answer.json)
  }

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const ex = new Exchanging(req, res)
    const url = req.url ?? "/"
    const q = url.indexOf("?")
    const path = q === -1 ? url : url.slice(0, q)
    const work =
      path === "/_sandbox" || path.startsWith("/_sandbox/")
        ? handleAdmin(ex, path)
        : handleApi(ex, path, path.startsWith("/v1/") ? routes.get(path.slice(3)) : undefined)
    work.catch((cause: unknown) => {
      log(`[sandbox] internal error on ${req.method} ${url}: ${(cause as Error)?.stack ?? String(cause)}`)
      ex.error("internal")
    })
  })
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy()
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW"
    const body = JSON.stringify(
      tooLarge
        ? errorBody("headersTooLarge", "en")
        : errorBody("malformedBody", "en", "unparsable HTTP request"),
    )
    socket.end(
      `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
        `Content-Type: ${jsonType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })

  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    // A deep accept backlog: test suites open a thousand connections at once.
    server.listen({ port: options.port ?? 0, host, backlog: 4096 }, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(":") ? `[${host}]` : host
  const endpoint = `http://${urlHost}:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
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
    faults,
    exchanges: () => exchanges.map((e) => ({ ...e })),
    clearExchanges: () => {
      exchanges.length = 0
    },
    setRecording: (on) => {
      recording = on
    },
    resetRateLimits: () => limiter?.reset(),
    close,
    [Symbol.asyncDispose]: close,
  }
  return handle
}
