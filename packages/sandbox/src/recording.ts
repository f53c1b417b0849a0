/**
 * The recording of exchanges (request + response, in order) for conformance checks: turned on with
 * `record: true`, read with `sandbox.exchanges()` or `GET /_sandbox/exchanges`.
 *
 * @since 0.1.0
 */

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

/** JSON if it parses, else the text; null for empty. */
export const bodyValue = (raw: string): unknown => {
  if (raw.length === 0) return null
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}
