/**
 * The HTTP plumbing of the sandbox, free of routes: answering one exchange (and noting what was sent, for the
 * recording), reading a bounded body, and the answers Node's parser needs (unparsable requests, `CONNECT`).
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import type { Duplex } from "node:stream"
import { type ErrorName, errorBody, errors, type Lang, langOf } from "../errors.ts"
import type { Answer, AnswerHeaders } from "./answer.ts"

export const jsonType = "application/json;charset=UTF-8"

/** What was sent, as the recording keeps it (header names lower-case). */
export interface Sent {
  readonly status: number
  readonly headers: Record<string, string>
  readonly rawBody: string
}

/** One request and the means to answer it once. */
export class HttpExchange {
  /** Headers every answer of this exchange carries (the rate-limit headers). */
  extraHeaders: AnswerHeaders | undefined
  /** Called with what was sent, when set (recording on). */
  onSent: ((sent: Sent) => void) | undefined

  readonly req: IncomingMessage
  readonly res: ServerResponse
  /** The request target's path, without the query. */
  readonly path: string
  /** The text after `?`, or `null` when there is none. */
  readonly query: string | null

  constructor(req: IncomingMessage, res: ServerResponse) {
    this.req = req
    this.res = res
    // A request node:http's server parsed always has its target.
    const url = req.url!
    const q = url.indexOf("?")
    this.path = q === -1 ? url : url.slice(0, q)
    this.query = q === -1 ? null : url.slice(q + 1)
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
    if (this.onSent !== undefined) {
      const recorded: Record<string, string> = {}
      for (const [k, v] of Object.entries(all)) recorded[k.toLowerCase()] = v
      this.onSent({ status, headers: recorded, rawBody: raw })
    }
  }

  json(status: number, value: unknown, headers?: AnswerHeaders) {
    this.sendRaw(
      status,
      headers === undefined ? { "Content-Type": jsonType } : { "Content-Type": jsonType, ...headers },
      JSON.stringify(value),
    )
  }

  error(name: ErrorName, detail?: string, headers?: AnswerHeaders, status?: number) {
    this.json(status ?? errors[name].status, errorBody(name, this.lang, detail), headers)
  }

  /** The one place an {@link Answer} becomes a response. */
  answer(answer: Answer) {
    if ("error" in answer) return this.error(answer.error, answer.detail, answer.headers, answer.status)
    if (answer.json === undefined) return this.sendRaw(answer.status, { ...answer.headers }, "")
    return this.json(answer.status, answer.json, answer.headers)
  }
}

/** Reads the body up to `max` bytes; `undefined` when it was larger (and a 413 has been sent) or cut off. */
export const readBody = (ex: HttpExchange, max: number): Promise<string | undefined> =>
  new Promise((resolve) => {
    const { req } = ex
    const declared = Number(req.headers["content-length"])
    const tooLarge = () => {
      // With `Connection: close` node:http closes the socket once the 413 is sent: an endless body is cut off
      // there (hostile.test.ts). Until then what arrives is drained, so the client can read the 413.
      ex.error("payloadTooLarge", String(max), { Connection: "close" })
      req.removeAllListeners("data")
      req.resume()
      resolve(undefined)
    }
    // No Content-Length (chunked): NaN, never over.
    if (declared > max) return tooLarge()
    // The promise settles once: whichever of 413, end and hang-up comes first decides, the rest change nothing.
    const chunks: Array<Buffer> = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      // tooLarge removes this listener: no chunk after it is counted or kept.
      if (size > max) return tooLarge()
      chunks.push(chunk)
    })
    req.on("end", () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")),
    )
    // A client that hangs up mid-body: nothing to answer.
    const gone = () => resolve(undefined)
    req.on("error", gone)
    req.on("close", gone)
  })

/**
 * How deeply the JSON text nests arrays and objects, stopping early past `limit` (a scan of the text: no parse,
 * so a hostile nesting costs nothing before it is refused).
 */
export const jsonDepthOver = (raw: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** The deepest nesting a JSON body may have, on `/v1` and `/_sandbox` alike. */
export const maxJsonDepth = 32

/** JSON text → value, or the reason it is refused (unparsable, too deeply nested). */
export const parseJson = (raw: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (jsonDepthOver(text, maxJsonDepth)) return { ok: false, reason: `nested deeper than ${maxJsonDepth}` }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (cause) {
    return { ok: false, reason: (cause as Error).message }
  }
}

const rawAnswer = (socket: Duplex, statusLine: string, body: string, extra = "") => {
  socket.end(
    `HTTP/1.1 ${statusLine}\r\nContent-Type: ${jsonType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `${extra}Connection: close\r\n\r\n${body}`,
  )
}

/** Node's parser gave up on the request (garbage, or headers over its limit): a JSON answer, then close. */
export const answerClientError = (error: NodeJS.ErrnoException, socket: Duplex) => {
  if (!socket.writable) return socket.destroy()
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW"
  const body = JSON.stringify(
    tooLarge
      ? errorBody("headersTooLarge", "en")
      : errorBody("malformedBody", "en", "unparsable HTTP request"),
  )
  rawAnswer(socket, tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request", body)
}

/** `CONNECT` (a proxy tunnel request) is no method of this server: 405, instead of Node's silent close. */
export const answerConnect = (req: IncomingMessage, socket: Duplex) => {
  socket.on("error", () => {})
  const body = JSON.stringify(errorBody("methodNotAllowed", langOf(req.headers["x-soracom-lang"]), "CONNECT"))
  rawAnswer(socket, "405 Method Not Allowed", body, "Allow: GET, POST, PUT, DELETE\r\n")
}

export const sleep = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t)
      resolve()
    }, ms)
    timers.add(t)
  })
