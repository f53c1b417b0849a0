/**
 * A recording proxy on loopback: every byte a client sends to the sandbox, and every byte the sandbox answers,
 * as seen on the wire. It is independent of the client (core, ky, fetch, curl) and of the sandbox's own
 * recording, so "zero requests recorded" means nothing reached the network at all.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib"
import type { WireRequest, WireResponse } from "./validators.ts"

export interface Exchange {
  readonly request: WireRequest & { readonly url: string }
  /** Absent when the upstream dropped the connection without answering. */
  readonly response?: WireResponse
  readonly dropped?: string
}

export interface RecordingProxy {
  /** The proxy's base URL, with the upstream's base path (e.g. `http://127.0.0.1:PORT/v1`). */
  readonly url: string
  readonly exchanges: () => ReadonlyArray<Exchange>
  readonly clear: () => void
  readonly close: () => Promise<void>
}

const decode = (body: Buffer, encoding: string | undefined): string => {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return gunzipSync(body).toString("utf8")
    case "deflate":
      return inflateSync(body).toString("utf8")
    case "br":
      return brotliDecompressSync(body).toString("utf8")
    default:
      return body.toString("utf8")
  }
}

const flatHeaders = (h: IncomingHttpHeaders): Record<string, string | ReadonlyArray<string> | undefined> => ({
  ...h,
})

/** Starts a proxy in front of `upstream` (a base URL such as the sandbox's `http://127.0.0.1:P/v1`). */
export const startRecordingProxy = async (upstream: string): Promise<RecordingProxy> => {
  const target = new URL(upstream)
  const basePath = target.pathname.replace(/\/+$/, "")
  const log: Array<Exchange> = []

  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const raw = Buffer.concat(chunks)
      const url = req.url ?? "/"
      const pathOnly = url.split("?")[0] ?? "/"
      const path = pathOnly.startsWith(basePath) ? pathOnly.slice(basePath.length) || "/" : pathOnly
      const recorded: Exchange["request"] = {
        method: req.method ?? "GET",
        url,
        path,
        headers: flatHeaders(req.headers),
        body: decode(raw, req.headers["content-encoding"]),
      }
      const headers = { ...req.headers, host: target.host }
      const up = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: url,
          headers,
          agent: false,
        },
        (upRes) => {
          const out: Array<Buffer> = []
          upRes.on("data", (c: Buffer) => out.push(c))
          upRes.on("error", (e) => {
            log.push({ request: recorded, dropped: `response aborted: ${e.message}` })
            res.destroy()
          })
          upRes.on("end", () => {
            const body = Buffer.concat(out)
            if (!upRes.complete) {
              log.push({ request: recorded, dropped: "response incomplete" })
              res.destroy()
              return
            }
            log.push({
              request: recorded,
              response: {
                status: upRes.statusCode ?? 0,
                headers: flatHeaders(upRes.headers),
                body: decode(body, upRes.headers["content-encoding"] as string | undefined),
              },
            })
            res.writeHead(upRes.statusCode ?? 502, upRes.headers)
            res.end(body)
          })
        },
      )
      up.on("error", (e) => {
        log.push({ request: recorded, dropped: e.message })
        res.destroy()
      })
      up.end(raw)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    exchanges: () => [...log],
    clear: () => {
      log.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
