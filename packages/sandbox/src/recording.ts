/**
 * The recording of exchanges (request + response, in order) for conformance checks: turned on with
 * `record: true`, read with `sandbox.exchanges()` or `GET /_sandbox/exchanges`.
 *
 * @since 0.1.0
 */
import { type HttpExchange, parseJson, type Sent } from "./internal/http.ts"

/**
 * A request as the sandbox received it. Header names are lower-case.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordedRequest {
  readonly method: string
  /** The raw request target, e.g. `/v1/auth?`. */
  readonly url: string
  /** The path without the query, e.g. `/v1/auth`. */
  readonly path: string
  /** The text after `?` (`""` for `/v1/auth?`), or `null` when the target has no `?`. */
  readonly query: string | null
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string>>>
  /** Parsed JSON when the body parses, else the raw text; `null` when there was no body. */
  readonly body: unknown
  readonly rawBody: string
}

/**
 * The sandbox's answer. `null` when the connection was dropped (fault) instead.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecordedResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | number | ReadonlyArray<string>>>
  /** Parsed JSON when the body parses, else the raw text; `null` when empty. */
  readonly body: unknown
  readonly rawBody: string
}

/**
 * One request and its response.
 *
 * @category models
 * @since 0.1.0
 */
export interface Exchange {
  /** 1, 2, 3… in the order requests arrived. */
  readonly seq: number
  /** Epoch ms (by the sandbox clock) when the request arrived. */
  readonly at: number
  readonly request: RecordedRequest
  readonly response: RecordedResponse | null
}

/** JSON if it parses (and nests no deeper than the sandbox accepts), else the text; null for empty. */
export const bodyValue = (raw: string): unknown => {
  if (raw.length === 0) return null
  const parsed = parseJson(raw)
  return parsed.ok ? parsed.value : raw
}

/** How much the recording keeps: the newest exchanges, oldest dropped first. */
export interface RecordLimit {
  /** Most exchanges kept. Default 1000. */
  readonly exchanges?: number
  /** Most bytes of request + response bodies kept. Default 32 MiB. */
  readonly bytes?: number
}

export const defaultRecordLimit: Required<RecordLimit> = { exchanges: 1000, bytes: 32 * 1024 * 1024 }

/** One exchange as kept: raw text only (parsed when read, so a body is held once). */
interface Entry {
  readonly seq: number
  readonly at: number
  readonly method: string
  readonly url: string
  readonly path: string
  readonly query: string | null
  readonly headers: RecordedRequest["headers"]
  readonly rawBody: string
  response: Sent | null
  size: number
}

/** The recording: a ring of the newest exchanges within {@link RecordLimit}. */
export class Recorder {
  on: boolean
  private readonly entries: Array<Entry> = []
  private head = 0
  private bytes = 0
  private seq = 0
  private readonly limit: Required<RecordLimit>
  private readonly clock: () => number

  constructor(on: boolean, limit: Required<RecordLimit>, clock: () => number) {
    this.on = on
    this.limit = limit
    this.clock = clock
  }

  /** Starts recording an exchange; the returned function records its response. */
  request(ex: HttpExchange, raw: string | undefined): (sent: Sent) => void {
    const entry: Entry = {
      seq: ++this.seq,
      at: this.clock(),
      // Set on every request an http.Server hands out (Node: "only valid for request obtained from http.Server").
      method: ex.req.method!,
      url: ex.req.url!,
      path: ex.path,
      query: ex.query,
      headers: { ...ex.req.headers } as RecordedRequest["headers"],
      rawBody: raw ?? "",
      response: null,
      size: raw?.length ?? 0,
    }
    this.entries.push(entry)
    this.bytes += entry.size
    this.evict()
    return (sent) => {
      entry.response = sent
      // An exchange dropped or cleared before its answer came is no longer held: its answer counts for nothing.
      if (!this.holds(entry)) return
      entry.size += sent.rawBody.length
      this.bytes += sent.rawBody.length
      this.evict()
    }
  }

  /** Whether the ring still holds this entry (it holds a contiguous run of sequence numbers). */
  private holds(entry: Entry): boolean {
    return this.head < this.entries.length && entry.seq >= this.entries[this.head]!.seq
  }

  // The bytes counted are those of the entries held, so an empty ring (0 entries, 0 bytes) is never over a limit.
  private evict() {
    while (this.entries.length - this.head > this.limit.exchanges || this.bytes > this.limit.bytes) {
      const dropped = this.entries[this.head]!
      this.bytes -= dropped.size
      this.entries[this.head++] = undefined as unknown as Entry
    }
    // Compact now and then rather than shifting on every eviction.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head)
      this.head = 0
    }
  }

  list(): ReadonlyArray<Exchange> {
    const out: Array<Exchange> = []
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i]!
      out.push({
        seq: e.seq,
        at: e.at,
        request: {
          method: e.method,
          url: e.url,
          path: e.path,
          query: e.query,
          headers: e.headers,
          body: bodyValue(e.rawBody),
          rawBody: e.rawBody,
        },
        response:
          e.response === null
            ? null
            : {
                status: e.response.status,
                headers: e.response.headers,
                body: bodyValue(e.response.rawBody),
                rawBody: e.response.rawBody,
              },
      })
    }
    return out
  }

  clear() {
    this.entries.length = 0
    this.head = 0
    this.bytes = 0
  }
}
