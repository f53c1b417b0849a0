/**
 * Test fixture: a real HTTP server on 127.0.0.1 (ephemeral port) with a per-test handler, counting requests
 * and recording when each socket closed, so tests can assert what the server actually saw.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { Effect } from "effect"

export interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void

export interface TestServer {
  readonly url: string
  readonly port: number
  /** Requests received (fully read bodies), in order. */
  readonly requests: Array<Seen>
  /** `performance.now()` of every socket close. */
  readonly socketClosedAt: Array<number>
  /** Resolves at the next socket close. */
  readonly nextSocketClose: () => Promise<number>
  /** Resolves when the next request has arrived (body read). */
  readonly nextRequest: () => Promise<Seen>
  readonly close: () => Promise<void>
}

export const startServer = (handler: Handler): Promise<TestServer> =>
  new Promise((resolve) => {
    const requests: Array<Seen> = []
    const socketClosedAt: Array<number> = []
    const sockets = new Set<Socket>()
    let closeWaiters: Array<(at: number) => void> = []
    let requestWaiters: Array<(seen: Seen) => void> = []
    const server = createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const seen: Seen = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }
        requests.push(seen)
        const waiters = requestWaiters
        requestWaiters = []
        for (const w of waiters) w(seen)
        handler(req, res, seen)
      })
    })
    server.on("connection", (socket) => {
      sockets.add(socket)
      socket.on("close", () => {
        sockets.delete(socket)
        const at = performance.now()
        socketClosedAt.push(at)
        const waiters = closeWaiters
        closeWaiters = []
        for (const w of waiters) w(at)
      })
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        socketClosedAt,
        nextSocketClose: () => new Promise((r) => closeWaiters.push(r)),
        nextRequest: () => new Promise((r) => requestWaiters.push(r)),
        close: () =>
          new Promise<void>((r) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => r())
          }),
      })
    })
  })

/** A server for the duration of the enclosing scope. */
export const testServer = (handler: Handler) =>
  Effect.acquireRelease(
    Effect.promise(() => startServer(handler)),
    (server) => Effect.promise(() => server.close()),
  )

/** A port nobody listens on (bound, then released). */
export const refusedUrl = (): Promise<string> =>
  new Promise((resolve) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(`http://127.0.0.1:${port}`))
    })
  })

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}
