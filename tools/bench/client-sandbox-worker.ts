/**
 * Runs the benchmark's sandbox in a child process (its own CPU accounting and event loop), so the client under
 * test does not share a thread with the server: cheapest hash cost, rate limit off, silent. Sends `{ url }`
 * once listening; closes on any message or when the parent goes away.
 */
import { startSandbox } from "@soracom-auth/sandbox"

const sandbox = await startSandbox({ port: 0, hashCost: 1, rateLimit: false, log: false })
process.send?.({ url: sandbox.url })
const stop = () => void sandbox.close().then(() => process.exit(0))
process.once("message", stop)
process.once("disconnect", stop)
