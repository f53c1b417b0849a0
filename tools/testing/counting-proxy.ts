/**
 * A loopback HTTP proxy for tests that counts every request it carries. It speaks both forms a client may use:
 * `CONNECT host:port` tunnels (Node's built-in env proxy and undici tunnel even plain-HTTP targets) and
 * absolute-form forward requests (`GET http://host/…`). Inside a tunnel it reads the HTTP requests itself (the
 * targets in tests are plain HTTP), so it counts requests, not connections.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"

export interface ProxiedRequest {
  readonly method: string
  /** `host:port` the request went to. */
  readonly target: string
  /** The path (with query) on the target. */
  readonly path: string
}

export interface CountingProxy {
  /** `http://127.0.0.1:<port>`, for `HTTP_PROXY` / `HTTPS_PROXY`. */
  readonly url: string
  /** Every request carried so far, in order. */
  readonly requests: () => ReadonlyArray<ProxiedRequest>
  /** CONNECT tunnels opened so far. */
  readonly tunnels: () => number
  readonly close: () => Promise<void>
}

export const startCountingProxy = async (): Promise<CountingProxy> => {
  const seen: Array<ProxiedRequest> = []
  let tunnels = 0
  const sockets = new Set<Socket>()

  const forward = (req: IncomingMessage, res: ServerResponse, host: string, port: number, path: string) => {
    seen.push({ method: req.method ?? "", target: `${host}:${port}`, path })
    // Its own agent: the global one may itself be proxied (setGlobalProxyFromEnv), which would loop back here.
    const upstream = request(
      { host, port, path, method: req.method, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  }

  // Requests read out of CONNECT tunnels: the tunnel's authority is the target.
  const inner = createServer((req, res) => {
    const authority = (req.socket as Socket & { proxyTarget?: string }).proxyTarget ?? ""
    const [host, port] = splitAuthority(authority)
    forward(req, res, host, port, req.url ?? "/")
  })

  const outer = createServer((req, res) => {
    let url: URL
    try {
      url = new URL(req.url ?? "")
    } catch {
      res.writeHead(400).end()
      return
    }
    forward(req, res, url.hostname, Number(url.port || 80), url.pathname + url.search)
  })
  outer.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels++
    Object.assign(socket, { proxyTarget: req.url ?? "" })
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n")
    if (head.length > 0) socket.unshift(head)
    inner.emit("connection", socket)
  })
  outer.on("connection", (socket: Socket) => {
    sockets.add(socket)
    socket.once("close", () => sockets.delete(socket))
  })

  await new Promise<void>((resolve) => outer.listen(0, "127.0.0.1", resolve))
  const { port } = outer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...seen],
    tunnels: () => tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        inner.close()
        outer.close(() => resolve())
      }),
  }
}

const splitAuthority = (authority: string): [string, number] => {
  const i = authority.lastIndexOf(":")
  return i === -1
    ? [authority, 80]
    : [authority.slice(0, i).replace(/^\[|\]$/g, ""), Number(authority.slice(i + 1))]
}
