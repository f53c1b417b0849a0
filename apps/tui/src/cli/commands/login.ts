/**
 * `soracom-auth login` — signs in with credentials from flags, the environment or the profile, caches the session
 * for the profile (revoking the one it replaces) and prints a summary, or `{apiKey, token, operatorId, userName?,
 * expiresAt}` with `--json`. Secrets come from stdin, a file or the environment, never from a flag value. Without
 * credentials: the interactive app on a terminal, else exit 2 naming the flags and variables to use.
 */
import { Endpoint } from "@soracom-auth/core"
import { Effect } from "effect"
import { Command } from "effect/cli"
import * as Environment from "../../environment.ts"
import type { Messages } from "../../presentation/messages.ts"
import { validateName } from "../../profiles/files.ts"
import type { ProfileFields } from "../../profiles/ProfileFile.ts"
import { fieldsWithCredentials } from "../../profiles/ProfileFile.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import { Sessions } from "../../session/Sessions.ts"
import { opt, withSharedSessions } from "../context.ts"
import { credentialsFromFlags } from "../credentials.ts"
import { UsageError } from "../errors.ts"
import { readSecret } from "../secrets.ts"
import { openApp } from "./app.ts"
import {
  coverageFlag,
  endpointFlag,
  optionalStringFlag,
  profileCommandFlag,
  profileFlag,
  profileSignIn,
  readProfileIfPresent,
  switchFlag,
  tokenTimeoutFlag,
  tokenTimeoutSeconds,
} from "./shared.ts"
import { sessionJson, signedInLines } from "./show.ts"

/** Where a profile saved with `--save` points. */
const endpointFields = (endpoint: Endpoint.Endpoint): ProfileFields =>
  endpoint._tag === "Url"
    ? { endpoint: endpoint.url.replace(/\/+$/, "").replace(/\/v1$/, ""), sandbox: false }
    : { endpoint: undefined, coverageType: endpoint.coverage, sandbox: endpoint.sandbox }

/** The command, its help and words from `m`. @category commands */
export const login = (m: Messages) =>
  Command.make(
    "login",
    {
      profile: profileFlag(m),
      authKeyId: optionalStringFlag("auth-key-id", m.cli.login.flag.authKeyId),
      authKeyStdin: switchFlag("auth-key-stdin", m.cli.login.flag.authKeyStdin),
      authKeyFile: optionalStringFlag("auth-key-file", m.cli.login.flag.authKeyFile),
      email: optionalStringFlag("email", m.cli.login.flag.email),
      operatorId: optionalStringFlag("operator-id", m.cli.login.flag.operatorId),
      userName: optionalStringFlag("user-name", m.cli.login.flag.userName),
      passwordStdin: switchFlag("password-stdin", m.cli.login.flag.passwordStdin),
      passwordFile: optionalStringFlag("password-file", m.cli.login.flag.passwordFile),
      mfaCode: optionalStringFlag("mfa-code", m.cli.login.flag.mfaCode),
      tokenTimeout: tokenTimeoutFlag(m),
      coverage: coverageFlag(m),
      endpoint: endpointFlag(m),
      save: optionalStringFlag("save", m.cli.login.flag.save),
      profileCommand: profileCommandFlag(m),
    },
    (flags) =>
      withSharedSessions((g, cli) =>
        Effect.gen(function* () {
          const store = yield* ProfileStore
          const sessions = yield* Sessions
          const name = Environment.profileName(opt(flags.profile), cli.env)
          // Every profile name is checked before anything is read or sent (`--save ../evil` must not sign in first).
          yield* validateName(name)
          const saveAs = opt(flags.save)
          if (saveAs !== undefined) yield* validateName(saveAs)
          const timeout = yield* tokenTimeoutSeconds(flags.tokenTimeout)

          // 1. credentials: flags > SORACOM_AUTH_KEY_ID/SORACOM_AUTH_KEY > profile
          const authKey = yield* readSecret(
            {
              name: "auth-key",
              stdin: flags.authKeyStdin,
              file: opt(flags.authKeyFile),
              envVar: opt(flags.authKeyId) === undefined ? undefined : "SORACOM_AUTH_KEY",
            },
            cli.env,
          )
          const wantsPassword = opt(flags.email) !== undefined || opt(flags.userName) !== undefined
          const password = yield* readSecret(
            {
              name: "password",
              stdin: flags.passwordStdin,
              file: opt(flags.passwordFile),
              envVar: wantsPassword ? "SORACOM_PASSWORD" : undefined,
            },
            cli.env,
          )
          if (password !== undefined && !wantsPassword) {
            return yield* UsageError.of((m) => m.cli.usage.passwordWithoutUser, { flags: true })
          }
          const fromFlags = credentialsFromFlags({
            authKeyId: opt(flags.authKeyId),
            authKey,
            email: opt(flags.email),
            operatorId: opt(flags.operatorId),
            userName: opt(flags.userName),
            password,
          })
          if (fromFlags instanceof UsageError) return yield* fromFlags
          // With complete credentials from the flags, a profile that cannot be parsed only loses its defaults
          // (endpoint, timeout): it must not block the sign-in — least of all `--save` to that profile, which repairs it.
          const lenient = (profileToRead: string) =>
            readProfileIfPresent(store, profileToRead, false).pipe(
              Effect.catchTag("ProfileFileError", (e) =>
                fromFlags !== undefined && e.unparsable === true
                  ? Effect.sync(() => {
                      g.out.warn(m.cli.session.profileIgnored(profileToRead, e.reason))
                      return undefined
                    })
                  : Effect.fail(e),
              ),
            )
          const profile = yield* lenient(name)
          // flags > --profile-command > SORACOM_AUTH_KEY_ID/SORACOM_AUTH_KEY > the profile (its own precedence)
          const command = opt(flags.profileCommand)
          const fromProfile =
            fromFlags !== undefined
              ? undefined
              : command !== undefined
                ? yield* profileSignIn(store, name, profile, command)
                : Environment.authKeyFromEnv(cli.env) !== undefined
                  ? undefined
                  : yield* profileSignIn(store, name, profile, undefined)
          const credentials = fromFlags ?? fromProfile?.credentials ?? Environment.authKeyFromEnv(cli.env)
          const resolved = Environment.endpoint({
            flag: opt(flags.endpoint),
            coverage: opt(flags.coverage),
            env: cli.env,
            profile: profile?.fields,
          })
          // An endpoint with a password in it is refused before anything is printed or sent.
          yield* Endpoint.validate(resolved.endpoint)

          if (credentials === undefined) {
            if (opt(flags.profile) !== undefined) yield* readProfileIfPresent(store, name, true)
            if (cli.interactive && !g.noInput && !g.json) {
              return yield* openApp({
                initialScreen: "signIn",
                profileName: name,
                lang: g.lang,
                ...(Environment.isExplicit(resolved) ? { endpoint: resolved.endpoint } : {}),
              })
            }
            return yield* UsageError.of((m) => m.cli.usage.missingCredentials)
          }
          const mfaCode = opt(flags.mfaCode) ?? fromProfile?.mfaOtpCode
          if (opt(flags.mfaCode) !== undefined && credentials.kind === "authKey") {
            return yield* UsageError.of((m) => m.cli.usage.mfaWithAuthKey, { flags: true })
          }

          // 2. sign in and cache the session under --save P, else the profile
          const cacheAs = saveAs ?? name
          cli.note({ method: credentials.kind, mfaEntered: mfaCode !== undefined })
          g.out.status(m.cli.session.signingIn(m.method[credentials.kind]))
          const signedIn = yield* sessions.signIn({
            profile: cacheAs,
            credentials,
            endpoint: resolved.endpoint,
            mfaOtpCode: mfaCode,
            tokenTimeoutSeconds: timeout ?? profile?.fields.tokenTimeoutSeconds,
            switchTo: fromProfile?.switchTo,
          })

          // 3. --save: the credentials into a soracom-cli profile (unknown keys of an existing one kept)
          if (saveAs !== undefined) {
            const existing = yield* lenient(saveAs)
            const base: ProfileFields = existing?.fields ?? {}
            yield* store.write(saveAs, {
              ...fieldsWithCredentials({ ...base, ...endpointFields(resolved.endpoint) }, credentials),
              tokenTimeoutSeconds: timeout ?? base.tokenTimeoutSeconds,
            })
          }

          // 4. report
          if (g.json) return g.out.dataJson(sessionJson(signedIn.cached))
          const now = Date.now()
          const [first, ...rest] = signedInLines(m, signedIn.cached, now)
          g.out.success(first ?? "")
          for (const line of rest) g.out.status(`  ${line}`)
          if (signedIn.replaced === "Revoked") g.out.status(`  ${m.cli.session.replaced}`)
          g.out.status(`  ${m.cli.session.cached(cacheAs)}`)
          if (saveAs !== undefined) g.out.status(`  ${m.cli.session.saved(saveAs, store.pathOf(saveAs))}`)
        }),
      ),
  ).pipe(
    Command.withDescription(m.cli.login.description),
    Command.withExamples([
      {
        command: 'printf %s "$KEY" | soracom-auth login --auth-key-id keyId-… --auth-key-stdin',
        description: m.cli.login.example.authKey,
      },
      {
        command:
          "soracom-auth login --email ada@example.com --password-file ~/.pw --mfa-code 123456 --token-timeout 2h",
        description: m.cli.login.example.root,
      },
      {
        command: "soracom-auth login --profile work --json",
        description: m.cli.login.example.profile,
      },
    ]),
  )
