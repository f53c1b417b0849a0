/**
 * `soracom-auth login` — signs in without prompting, caches the session for the profile, prints a summary
 * (or `{apiKey, token, operatorId, userName?, expiresAt}` with `--json`). Secrets come from stdin, a file or the
 * environment, never from a flag value. Without credentials: the interactive app on a terminal, else exit 2
 * naming the flags and variables to use.
 */
import { Endpoint } from "@soracom-auth/core"
import { Effect, Redacted } from "effect"
import { Command, Flag } from "effect/cli"
import { validateName } from "../../profiles/files.ts"
import type { ProfileFields } from "../../profiles/ProfileFile.ts"
import { credentialsOf, fieldsWithCredentials } from "../../profiles/ProfileFile.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import {
  credentialsFromEnv,
  credentialsFromFlags,
  methodLabel,
  profileName,
  type ResolvedCredentials,
  resolveEndpoint,
} from "../../runtime/resolve.ts"
import { signIn } from "../../runtime/session.ts"
import { CliEnv, globals, opt, withAuth } from "../context.ts"
import { UsageError } from "../errors.ts"
import { formatDuration, formatLocalTime } from "../output.ts"
import { readSecret } from "../secrets.ts"
import { openApp } from "./app.ts"
import {
  coverageFlag,
  endpointFlag,
  optionalStringFlag,
  profileFlag,
  readProfileIfPresent,
  switchFlag,
} from "./shared.ts"

const missingCredentialsMessage = `No credentials to sign in with, and no terminal to ask for them.
Give them as flags (secrets from stdin, a file or the environment — never as a flag value):
  soracom-auth login --auth-key-id ID --auth-key-stdin            (or --auth-key-file FILE, or SORACOM_AUTH_KEY)
  soracom-auth login --email E --password-stdin                   (or --password-file FILE, or SORACOM_PASSWORD)
  soracom-auth login --operator-id OP… --user-name U --password-stdin
or set SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY, or store credentials in a profile (--profile, SORACOM_PROFILE).`

export const login = Command.make(
  "login",
  {
    profile: profileFlag,
    authKeyId: optionalStringFlag("auth-key-id", "AuthKey ID (keyId-…)"),
    authKeyStdin: switchFlag("auth-key-stdin", "Read the AuthKey secret from stdin"),
    authKeyFile: optionalStringFlag("auth-key-file", "Read the AuthKey secret from FILE"),
    email: optionalStringFlag("email", "Root user's email address"),
    operatorId: optionalStringFlag("operator-id", "SAM user's operator ID (OP…)"),
    userName: optionalStringFlag("user-name", "SAM user name"),
    passwordStdin: switchFlag("password-stdin", "Read the password from stdin"),
    passwordFile: optionalStringFlag("password-file", "Read the password from FILE"),
    mfaCode: optionalStringFlag("mfa-code", "6-digit MFA (TOTP) code"),
    tokenTimeout: Flag.Int("token-timeout").pipe(
      Flag.optional,
      Flag.withDescription("Token lifetime in seconds, 180…172800 (default 86400)"),
    ),
    coverage: coverageFlag,
    endpoint: endpointFlag,
    save: optionalStringFlag("save", "Also store the credentials in profile P (soracom-cli format, 0600)"),
  },
  (flags) =>
    Effect.gen(function* () {
      const g = yield* globals
      const cli = yield* CliEnv
      const store = yield* ProfileStore
      const name = profileName(opt(flags.profile), cli.env)
      // Every profile name is checked before anything is read or sent (`--save ../evil` must not sign in first).
      yield* validateName(name)
      const saveAs = opt(flags.save)
      if (saveAs !== undefined) yield* validateName(saveAs)

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
        return yield* new UsageError({ message: "A password was given without --email or --user-name." })
      }
      const fromFlags = credentialsFromFlags({
        authKeyId: opt(flags.authKeyId),
        authKey,
        email: opt(flags.email),
        operatorId: opt(flags.operatorId),
        userName: opt(flags.userName),
        password,
      })
      if (fromFlags !== undefined && "_tag" in fromFlags) {
        return yield* new UsageError({ message: fromFlags.message })
      }
      // With complete credentials from the flags, a profile that cannot be parsed only loses its defaults
      // (endpoint, timeout): it must not block the sign-in — least of all `--save` to that profile, which repairs it.
      const lenient = (profileToRead: string) =>
        readProfileIfPresent(store, profileToRead, false).pipe(
          Effect.catchTag("ProfileFileError", (e) =>
            fromFlags !== undefined && e.unparsable === true
              ? Effect.sync(() => {
                  g.out.warn(`Profile "${profileToRead}" ignored: ${e.reason}.`)
                  return undefined
                })
              : Effect.fail(e),
          ),
        )
      const profile = yield* lenient(name)
      const fromEnv = credentialsFromEnv(cli.env)
      const fromProfile = profile === undefined ? undefined : credentialsOf(profile.fields)
      const resolved: ResolvedCredentials | undefined =
        fromFlags !== undefined
          ? { credentials: fromFlags, source: "flags" }
          : fromEnv !== undefined
            ? { credentials: fromEnv, source: "environment" }
            : fromProfile !== undefined
              ? { credentials: fromProfile, source: "profile" }
              : undefined

      const endpoint = resolveEndpoint({
        flag: opt(flags.endpoint),
        coverage: opt(flags.coverage),
        env: cli.env,
        profile: profile?.fields,
      })
      // An endpoint with a password in it is refused before anything is printed or sent.
      yield* Endpoint.validate(endpoint.endpoint)

      if (resolved === undefined) {
        if (opt(flags.profile) !== undefined) yield* readProfileIfPresent(store, name, true)
        if (cli.interactive && !g.noInput && !g.json) {
          const explicit = endpoint.source !== "profile" && endpoint.source !== "default"
          return yield* openApp({
            initialScreen: "signIn",
            profileName: name,
            lang: g.lang,
            ...(explicit ? { endpoint: endpoint.endpoint } : {}),
          })
        }
        return yield* new UsageError({ message: missingCredentialsMessage })
      }

      // 2. sign in and cache the session under --save P, else the profile
      const cacheAs = opt(flags.save) ?? name
      const tokenTimeoutSeconds = opt(flags.tokenTimeout) ?? profile?.fields.tokenTimeoutSeconds
      g.out.status(`Signing in to ${endpoint.url} with ${methodLabel(resolved.credentials.kind)}…`)
      const session = yield* signIn({
        profile: cacheAs,
        credentials: resolved.credentials,
        mfaOtpCode: opt(flags.mfaCode),
        tokenTimeoutSeconds,
      }).pipe(withAuth({ endpoint: endpoint.endpoint, globals: g, io: cli.io }))

      // 3. --save: the credentials into a soracom-cli profile (unknown keys of an existing one kept)
      if (saveAs !== undefined) {
        const existing = yield* lenient(saveAs)
        const base: ProfileFields = existing?.fields ?? {}
        const where: ProfileFields =
          endpoint.endpoint._tag === "Url"
            ? { endpoint: endpoint.url.replace(/\/v1$/, ""), sandbox: false }
            : {
                endpoint: undefined,
                coverageType: endpoint.endpoint.coverage,
                sandbox: endpoint.endpoint.sandbox,
              }
        yield* store.write(saveAs, {
          ...fieldsWithCredentials({ ...base, ...where }, resolved.credentials),
          tokenTimeoutSeconds: opt(flags.tokenTimeout) ?? base.tokenTimeoutSeconds,
        })
      }

      // 4. report
      const now = Date.now()
      if (g.json) {
        g.out.dataJson({
          apiKey: Redacted.value(session.apiKey),
          token: Redacted.value(session.token),
          operatorId: session.operatorId,
          ...(session.userName === undefined ? {} : { userName: session.userName }),
          expiresAt: new Date(session.expiresAt).toISOString(),
        })
        return
      }
      const who =
        session.userName === undefined ? session.operatorId : `${session.operatorId} / ${session.userName}`
      g.out.success(`Signed in as ${who} (${methodLabel(session.method)}, ${session.identity}).`)
      g.out.status(
        `  Token expires ${formatLocalTime(session.expiresAt)} (in ${formatDuration(session.expiresAt - now)}).`,
      )
      g.out.status(`  Session cached for profile "${cacheAs}". Print the token with \`soracom-auth token\`.`)
      if (saveAs !== undefined)
        g.out.status(`  Credentials saved to profile "${saveAs}" (${store.pathOf(saveAs)}).`)
    }),
).pipe(Command.withDescription("Sign in without prompting and cache the session (never prompts)"))
