/**
 * A hostile "Redis" on a loopback port: it accepts connections and answers every command with an error line that
 * echoes the bytes it received — so the password the client sends comes straight back in the error text.
 */
import { createServer, type Server } from "node:net"

export interface HostileRedis {
  readonly url: string
  [Symbol.asyncDispose](): Promise<void>
}

export const startHostileRedis = async (
  answer: (received: string) => string = (received) => `-ERR you sent ${received.replace(/\r\n/g, " ")}`,
): Promise<HostileRedis> => {
  const server: Server = createServer((socket) => {
    socket.on("data", (chunk) => socket.write(`${answer(chunk.toString("latin1"))}\r\n`))
    socket.on("error", () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    url: `redis://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.unref()
      }),
  }
}
