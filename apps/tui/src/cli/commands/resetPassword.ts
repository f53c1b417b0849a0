/**
 * `soracom-auth reset-password request --email E` and
 * `soracom-auth reset-password verify --token-stdin --password-stdin` (token on the first line, new password on
 * the second), or from `--token-file` / `--password-file` / `SORACOM_NEW_PASSWORD`.
 */
import { PasswordReset, SoracomAuth } from "@soracom-auth/core"
import { Effect, type Option } from "effect"
import { Command, Flag } from "effect/cli"
import * as Environment from "../../environment.ts"
import type { Messages } from "../../presentation/messages.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import { Api } from "../../session/Api.ts"
import { CliEnv, opt, withSessions } from "../context.ts"
import { UsageError } from "../errors.ts"
import { readSecret } from "../secrets.ts"
import { endpointFlags, optionalStringFlag, readProfileIfPresent, switchFlag } from "./shared.ts"

const endpointFor = (flags: {
  readonly profile: Option.Option<string>
  readonly endpoint: Option.Option<string>
  readonly coverage: Option.Option<"jp" | "g">
}) =>
  Effect.gen(function* () {
    const cli = yield* CliEnv
    const store = yield* ProfileStore
    const profile = yield* readProfileIfPresent(
      store,
      Environment.profileName(opt(flags.profile), cli.env),
      false,
    )
    const { endpoint } = Environment.endpoint({
      flag: opt(flags.endpoint),
      coverage: opt(flags.coverage),
      env: cli.env,
      profile: profile?.fields,
    })
    return (yield* Api).auth(endpoint)
  })

const request = (m: Messages) =>
  Command.make(
    "request",
    {
      email: Flag.String("email").pipe(Flag.withDescription(m.cli.resetPassword.flag.email)),
      ...endpointFlags(m),
    },
    (flags) =>
      withSessions((g) =>
        Effect.gen(function* () {
          const auth = yield* endpointFor(flags)
          const req = yield* PasswordReset.issueFromInput({ email: flags.email })
          yield* SoracomAuth.SoracomAuth.use((a) => a.issuePasswordResetToken(req)).pipe(Effect.provide(auth))
          if (g.json) {
            g.out.dataJson({ requested: true, email: req.email })
            return
          }
          g.out.success(m.cli.resetPasswordOut.sent(req.email))
          g.out.status(`  ${m.cli.resetPasswordOut.nextStep}`)
        }),
      ),
  ).pipe(Command.withDescription(m.cli.resetPassword.request))

const verify = (m: Messages) =>
  Command.make(
    "verify",
    {
      tokenStdin: switchFlag("token-stdin", m.cli.resetPassword.flag.tokenStdin),
      tokenFile: optionalStringFlag("token-file", m.cli.resetPassword.flag.tokenFile),
      passwordStdin: switchFlag("password-stdin", m.cli.resetPassword.flag.passwordStdin),
      passwordFile: optionalStringFlag("password-file", m.cli.resetPassword.flag.passwordFile),
      ...endpointFlags(m),
    },
    (flags) =>
      withSessions((g, cli) =>
        Effect.gen(function* () {
          const token = yield* readSecret(
            { name: "token", stdin: flags.tokenStdin, file: opt(flags.tokenFile) },
            cli.env,
          )
          const password = yield* readSecret(
            {
              name: "password",
              stdin: flags.passwordStdin,
              file: opt(flags.passwordFile),
              envVar: "SORACOM_NEW_PASSWORD",
              stdinLine: flags.tokenStdin ? 1 : 0,
            },
            cli.env,
          )
          if (token === undefined) {
            return yield* UsageError.of((m) => m.cli.usage.resetToken, { flags: true })
          }
          if (password === undefined) {
            return yield* UsageError.of((m) => m.cli.usage.newPassword, { flags: true })
          }
          const auth = yield* endpointFor(flags)
          const req = yield* PasswordReset.verifyFromInput({ token, password })
          yield* SoracomAuth.SoracomAuth.use((a) => a.verifyPasswordResetToken(req)).pipe(
            Effect.provide(auth),
          )
          if (g.json) {
            g.out.dataJson({ verified: true })
            return
          }
          g.out.success(m.cli.resetPasswordOut.changed)
        }),
      ),
  ).pipe(Command.withDescription(m.cli.resetPassword.verify))

export const resetPassword = (m: Messages) =>
  Command.make("reset-password").pipe(
    Command.withDescription(m.cli.resetPassword.description),
    Command.withSubcommands([request(m), verify(m)]),
    Command.withExamples([
      {
        command: "soracom-auth reset-password request --email ada@example.com",
        description: m.cli.resetPassword.example.request,
      },
      {
        command:
          'printf "%s\\n%s\\n" "$TOKEN" "$NEW_PASSWORD" | soracom-auth reset-password verify --token-stdin --password-stdin',
        description: m.cli.resetPassword.example.verify,
      },
    ]),
  )
