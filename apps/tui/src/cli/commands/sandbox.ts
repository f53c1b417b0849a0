/**
 * `soracom-auth sandbox` — the embedded SORACOM Auth API sandbox until SIGINT/SIGTERM, and `soracom-auth demo`
 * — the sandbox on a free port with the interactive app pointed at it (shut down when the app exits).
 */
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { SandboxCredential, SandboxInfo } from "@soracom-auth/sandbox"
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import type { Messages } from "../../presentation/messages.ts"
import { globals, opt } from "../context.ts"
import { InputFileError, UsageError } from "../errors.ts"
import { openApp } from "./app.ts"
import { optionalStringFlag, switchFlag } from "./shared.ts"

const loadSandbox = Effect.promise(() => import("@soracom-auth/sandbox"))

type SandboxModule = Effect.Success<typeof loadSandbox>

const credentialLine = (m: Messages, c: SandboxCredential): string => {
  const t = m.cli.banner
  switch (c.kind) {
    case "root":
      return (
        t.root(c.operatorId, c.email, c.password) + (c.mfaSecret === undefined ? "" : t.rootMfa(c.mfaSecret))
      )
    case "authKey":
      return t.authKey(c.operatorId, c.userName ?? t.rootOwner, c.authKeyId, c.authKey)
    case "samUser":
      return (
        t.samUser(c.operatorId, c.userName, c.password) +
        (c.mfaSecret === undefined ? "" : t.samMfa(c.mfaSecret))
      )
  }
}

/** The sandbox's banner in the process language, from its structured description (the `--json` form). */
const banner = (m: Messages, info: SandboxInfo): string =>
  [
    m.cli.banner.listening(info.url),
    m.cli.banner.soracomCli(info.endpoint),
    m.cli.banner.admin(info.adminUrl),
    m.cli.banner.credentials,
    ...info.credentials.map((c) => credentialLine(m, c)),
  ].join("\n")

const loadSeed = (mod: SandboxModule, path: string | undefined) =>
  path === undefined
    ? Effect.succeed(undefined)
    : Effect.tryPromise({
        try: () => mod.loadSeedFile(path),
        catch: (cause) =>
          cause instanceof mod.SeedError
            ? UsageError.of((m) => m.cli.usage.seed(cause.message))
            : new InputFileError({ path, reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }),
      })

export const sandbox = (m: Messages) =>
  Command.make(
    "sandbox",
    {
      port: Flag.Int("port").pipe(Flag.withDefault(0), Flag.withDescription(m.cli.sandbox.flag.port)),
      host: Flag.String("host").pipe(
        Flag.withDefault("127.0.0.1"),
        Flag.withDescription(m.cli.sandbox.flag.host),
      ),
      seed: optionalStringFlag("seed", m.cli.sandbox.flag.seed),
      hashCost: Flag.Int("hash-cost").pipe(Flag.optional, Flag.withDescription(m.cli.sandbox.flag.hashCost)),
      noRateLimit: switchFlag("no-rate-limit", m.cli.sandbox.flag.noRateLimit),
    },
    (flags) =>
      Effect.gen(function* () {
        const g = yield* globals
        const mod = yield* loadSandbox
        const seed = yield* loadSeed(mod, opt(flags.seed))
        const hashCost = opt(flags.hashCost)
        if (flags.port < 0 || flags.port > 65535) {
          return yield* UsageError.of((m) => m.cli.usage.port(flags.port))
        }
        yield* Effect.acquireRelease(
          Effect.tryPromise({
            try: () =>
              mod.startSandbox({
                port: flags.port,
                host: flags.host,
                ...(seed === undefined ? {} : { seed }),
                ...(hashCost === undefined ? {} : { hashCost }),
                ...(flags.noRateLimit ? { rateLimit: false as const } : {}),
              }),
            catch: (cause) => UsageError.of((m) => m.cli.usage.sandboxStart(String(cause))),
          }),
          (running) => Effect.promise(() => running.close()),
        ).pipe(
          Effect.tap((running) =>
            Effect.sync(() => {
              if (g.json) g.out.dataJson(mod.sandboxInfo(running))
              else {
                g.out.data(banner(m, mod.sandboxInfo(running)))
                g.out.status(m.ui.sandbox.stop)
              }
            }),
          ),
          Effect.andThen(Effect.never),
          Effect.scoped,
        )
      }),
  ).pipe(Command.withDescription(m.cli.sandbox.description))

export const demo = (m: Messages) =>
  Command.make("demo", {}, () =>
    Effect.gen(function* () {
      const g = yield* globals
      const mod = yield* loadSandbox
      // The demo's profiles (demo passwords, a port that dies with it) never go near ~/.soracom.
      const profileDir = yield* Effect.acquireRelease(
        Effect.promise(() => mkdtemp(join(tmpdir(), "soracom-auth-demo-"))),
        (dir) => Effect.promise(() => rm(dir, { recursive: true, force: true })),
      )
      const [running, { Secret, TOTP }] = yield* Effect.all([
        Effect.acquireRelease(
          Effect.promise(() => mod.startSandbox({ port: 0, log: false })),
          (running) => Effect.promise(() => running.close()),
        ),
        // the sandbox's own TOTP library (bundled with it): the box shows the code the sandbox accepts now
        Effect.promise(() => import("otpauth")),
      ])
      const mfaCode = (secret: string, now: number) =>
        new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: now })
      yield* openApp({
        demo: { url: running.url, credentials: mod.seedCredentials(running.seed), mfaCode, profileDir },
        endpoint: { _tag: "Url", url: running.url },
        profileDir,
        lang: g.lang,
      })
    }).pipe(Effect.scoped),
  ).pipe(Command.withDescription(m.cli.demo.description))
