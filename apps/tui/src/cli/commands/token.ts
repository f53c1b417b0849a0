/**
 * `soracom-auth token` and `soracom-auth env` — a usable session for scripts: the cached one while fresh, renewed
 * while due but not expired (no credentials needed), else a new sign-in when credentials are at hand (`SORACOM_AUTH_KEY_ID`/`SORACOM_AUTH_KEY`, or the profile's), else
 * exit 4. `--check` asks the server first and signs in again when it no longer accepts the session.
 *
 * `token` prints the bare token, or `--format header` (both headers SORACOM wants, for `curl -H @file`),
 * `--format json`, `--format env`; `env` prints shell exports (`--shell sh|fish|pwsh`).
 */
import { Endpoint } from "@soracom-auth/core"
import { DateTime, Effect, type Option, Redacted } from "effect"
import { Command, Flag } from "effect/cli"
import * as Environment from "../../environment.ts"
import { headerLines, shellExports, shells } from "../../presentation/exports.ts"
import type { Messages } from "../../presentation/messages.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import { NotSignedIn } from "../../session/errors.ts"
import type { CachedSession } from "../../session/SessionCache.ts"
import { Sessions } from "../../session/Sessions.ts"
import { type CliEnvShape, type Globals, opt, withSharedSessions } from "../context.ts"
import {
  endpointFlag,
  profileCommandFlag,
  profileFlag,
  profileSignIn,
  readProfileIfPresent,
  switchFlag,
} from "./shared.ts"
import { sessionJson } from "./show.ts"

const checkFlag = (m: Messages) => switchFlag("check", m.cli.check)

/** The session a script asked for (see the module doc). */
const usableSession = (
  m: Messages,
  flags: {
    readonly profile: Option.Option<string>
    readonly endpoint: Option.Option<string>
    readonly check: boolean
    readonly profileCommand: Option.Option<string>
  },
  g: Globals,
  cli: CliEnvShape,
) =>
  Effect.gen(function* () {
    const sessions = yield* Sessions
    const name = Environment.profileName(opt(flags.profile), cli.env)
    const explicit = Environment.endpoint({ flag: opt(flags.endpoint), env: cli.env })
    // An endpoint with a password in it is refused before anything is read, printed or sent.
    yield* Endpoint.validate(explicit.endpoint)
    const explicitUrl = Environment.isExplicit(explicit) ? Endpoint.resolve(explicit.endpoint) : undefined
    const state = yield* sessions.current(name, { endpointUrl: explicitUrl })

    let rejected = false
    if (state._tag === "Fresh") {
      if (!flags.check) return state.cached
      const verdict = yield* sessions.verify(state.cached)
      if (verdict._tag !== "Rejected") return state.cached
      rejected = true
      yield* sessions.signOut(name, { localOnly: true })
    }
    // Due for renewal but still valid: renew it — no credentials needed, so no MFA code either. Only when SORACOM
    // refuses (the token expired meanwhile, the key was revoked) does a sign-in follow.
    if (state._tag === "Stale") {
      g.out.status(m.cli.session.renewing)
      const renewed = yield* sessions.renew(name, state.cached).pipe(
        Effect.map((cached): CachedSession | undefined => cached),
        // SORACOM's refusal (not the network's failure): sign in instead
        Effect.catchIf(
          (e) => e._tag === "RenewalRefused" || e._tag === "AuthFailed",
          () => Effect.succeed(undefined),
        ),
      )
      if (renewed !== undefined) return renewed
    }
    const store = yield* ProfileStore
    const profile = yield* readProfileIfPresent(store, name, false)
    // --profile-command > SORACOM_AUTH_KEY_ID/SORACOM_AUTH_KEY > the profile (its own precedence)
    const command = opt(flags.profileCommand)
    const envKey = command === undefined ? Environment.authKeyFromEnv(cli.env) : undefined
    const fromProfile = envKey === undefined ? yield* profileSignIn(store, name, profile, command) : undefined
    const credentials = envKey ?? fromProfile?.credentials
    if (credentials === undefined) {
      return yield* new NotSignedIn({
        profile: name,
        ...(rejected ? { revoked: true } : {}),
        ...(state._tag === "Stale" || state._tag === "Expired"
          ? { expiredAt: DateTime.toEpochMillis(state.cached.session.expiresAt) }
          : {}),
      })
    }
    const endpoint =
      explicitUrl !== undefined
        ? explicit.endpoint
        : state._tag !== "None"
          ? Endpoint.url(state.cached.endpoint)
          : Environment.endpoint({ env: cli.env, profile: profile?.fields }).endpoint
    const because = m.cli.session.signingInBecause
    const why = rejected ? because.rejected : state._tag === "None" ? because.none : because.expiring
    g.out.status(why(m.method[credentials.kind]))
    cli.note({ method: credentials.kind })
    const cached: CachedSession = yield* sessions.renewing({
      profile: name,
      credentials,
      endpoint,
      mfaOtpCode: fromProfile?.mfaOtpCode,
      tokenTimeoutSeconds: profile?.fields.tokenTimeoutSeconds,
      switchTo: fromProfile?.switchTo,
    })
    return cached
  })

export const token = (m: Messages) =>
  Command.make(
    "token",
    {
      profile: profileFlag(m),
      endpoint: endpointFlag(m),
      check: checkFlag(m),
      profileCommand: profileCommandFlag(m),
      format: Flag.Literals("format", ["token", "header", "json", "env"]).pipe(
        Flag.withDefault("token" as const),
        Flag.withDescription(m.cli.token.flag.format),
      ),
    },
    (flags) =>
      withSharedSessions((g, cli) =>
        Effect.gen(function* () {
          const cached = yield* usableSession(m, flags, g, cli)
          const format = g.json ? "json" : flags.format
          switch (format) {
            case "token":
              return g.out.data(Redacted.value(cached.session.token))
            case "header":
              return g.out.data(headerLines(cached.session))
            case "json":
              return g.out.dataJson(sessionJson(cached))
            case "env":
              return g.out.data(shellExports(cached.session))
          }
        }),
      ),
  ).pipe(
    Command.withDescription(m.cli.token.description),
    Command.withExamples([
      {
        command:
          'curl -H @<(soracom-auth token --format header) "https://api.soracom.io/v1/operators/$OPERATOR_ID"',
        description: m.cli.token.example.curl,
      },
      {
        command: "soracom-auth token --check --profile work",
        description: m.cli.token.example.check,
      },
    ]),
  )

export const env = (m: Messages) =>
  Command.make(
    "env",
    {
      profile: profileFlag(m),
      endpoint: endpointFlag(m),
      check: checkFlag(m),
      profileCommand: profileCommandFlag(m),
      shell: Flag.Literals("shell", shells).pipe(
        Flag.withDefault("sh" as const),
        Flag.withDescription(m.cli.env.flag.shell),
      ),
    },
    (flags) =>
      withSharedSessions((g, cli) =>
        usableSession(m, flags, g, cli).pipe(
          Effect.map((cached) => g.out.data(shellExports(cached.session, flags.shell))),
        ),
      ),
  ).pipe(
    Command.withDescription(m.cli.env.description),
    Command.withExamples([
      { command: 'eval "$(soracom-auth env)"', description: m.cli.env.example.eval },
      { command: "soracom-auth env --shell fish | source", description: m.cli.env.example.fish },
    ]),
  )
