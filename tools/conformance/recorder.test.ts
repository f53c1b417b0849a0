/**
 * The recording proxy records what crossed the wire: bodies both ways (decompressed), query strings kept in
 * `url` but not in `path`, and a dropped connection as a drop, passed on to the client as one.
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { gzipSync } from "node:zlib"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rawPost } from "./src/harness.ts"
import { type RecordingProxy, startRecordingProxy } from "./src/recorder.ts"

let upstream: Server
let proxy: RecordingProxy

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      if (req.url?.startsWith("/v1/drop")) return req.socket.destroy()
      if (req.url?.startsWith("/v1/gzip")) {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
        return res.end(gzipSync(Buffer.from('{"ok":true}')))
      }
      res.writeHead(201, { "content-type": "application/json" })
      res.end(JSON.stringify({ echo: Buffer.concat(chunks).toString("utf8") }))
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve))
  proxy = await startRecordingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`)
})

afterAll(async () => {
  await proxy.close()
  upstream.closeAllConnections()
  await new Promise<void>((resolve) => upstream.close(() => resolve()))
})

describe("recording proxy", () => {
  it("records request and response bytes, path without base or query", async () => {
    proxy.clear()
    const r = await rawPost(`${proxy.url}/auth?`, '{"a":1}', {
      "content-type": "application/json",
      "x-k": "v",
    })
    expect(r.kind === "response" && r.response.status).toBe(201)
    const [e] = proxy.exchanges()
    expect(e?.request).toMatchObject({ method: "POST", url: "/v1/auth?", path: "/auth", body: '{"a":1}' })
    expect(e?.request.headers["x-k"]).toBe("v")
    expect(e?.response).toMatchObject({ status: 201, body: JSON.stringify({ echo: '{"a":1}' }) })
  })

  it("decompresses recorded bodies", async () => {
    proxy.clear()
    await rawPost(`${proxy.url}/gzip`, "")
    expect(proxy.exchanges()[0]?.response?.body).toBe('{"ok":true}')
  })

  it("records a dropped connection and drops the client's too", async () => {
    proxy.clear()
    const r = await rawPost(`${proxy.url}/drop`, "{}")
    expect(r.kind).toBe("dropped")
    expect(proxy.exchanges()[0]).toMatchObject({ request: { path: "/drop" } })
    expect(proxy.exchanges()[0]?.response).toBeUndefined()
    expect(proxy.exchanges()[0]?.dropped).toBeDefined()
  })
})
