#!/usr/bin/env node
/**
 * `soracom-sandbox [--port N] [--host H] [--seed FILE] [--json] [--hash-cost N] [--no-rate-limit]
 * [--reset-ttl SECONDS] [--record] [--cors-origin ORIGIN]... [--no-cors]` — runs a sandbox until SIGINT/SIGTERM.
 * (The app's `soracom-auth sandbox` is the user-facing command; this is the package's own.)
 *
 * @since 0.1.0
 */
import { parseArgs } from "node:util"
import { describeSandbox, sandboxInfo } from "./describe.ts"
import { startSandbox } from "./Sandbox.ts"
import { loadSeedFile, SeedError } from "./seed.ts"

const usage = `usage: soracom-sandbox [--port N] [--host H] [--seed FILE] [--json] [--hash-cost N] [--no-rate-limit]
                       [--reset-ttl SECONDS] [--record] [--cors-origin ORIGIN]... [--no-cors]
  CORS: browsers on any origin may call /v1 by default; --cors-origin (repeatable) allows only those, --no-cors none.`

const main = async (): Promise<number> => {
  let values: ReturnType<typeof parse>["values"]
  const parse = () =>
    parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
        "hash-cost": { type: "string" },
        "no-rate-limit": { type: "boolean" },
        "reset-ttl": { type: "string" },
        record: { type: "boolean" },
        "cors-origin": { type: "string", multiple: true },
        "no-cors": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    })
  try {
    values = parse().values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`)
    return 2
  }
  if (values.help === true) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const int = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isInteger(n)) throw new RangeError(`--${name} must be an integer, got ${value}`)
    return n
  }
  try {
    const port = int("port", values.port)
    const hashCost = int("hash-cost", values["hash-cost"])
    const resetTokenTtlSeconds = int("reset-ttl", values["reset-ttl"])
    const sandbox = await startSandbox({
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.seed === undefined ? {} : { seed: await loadSeedFile(values.seed) }),
      ...(hashCost === undefined ? {} : { hashCost }),
      ...(resetTokenTtlSeconds === undefined ? {} : { resetTokenTtlSeconds }),
      ...(values["no-rate-limit"] === true ? { rateLimit: false as const } : {}),
      ...(values.record === true ? { record: true } : {}),
      ...(values["no-cors"] === true
        ? { cors: false as const }
        : values["cors-origin"] === undefined
          ? {}
          : { cors: { origins: values["cors-origin"] } }),
    })
    process.stdout.write(
      values.json === true
        ? `${JSON.stringify(sandboxInfo(sandbox), null, 2)}\n`
        : `${describeSandbox(sandbox)}\n`,
    )
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once("SIGINT", stop)
      process.once("SIGTERM", stop)
    })
    await sandbox.close()
    return 0
  } catch (error) {
    process.stderr.write(
      `${error instanceof SeedError || error instanceof RangeError ? error.message : String(error)}\n`,
    )
    return error instanceof SeedError || error instanceof RangeError ? 2 : 1
  }
}

process.exitCode = await main()
