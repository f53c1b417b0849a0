/**
 * `soracom-auth token` — the bare token on stdout, for `$(…)`. Reuses the cached session until its margin;
 * then signs in again when credentials are at hand (SORACOM_AUTH_KEY_ID/SORACOM_AUTH_KEY, or the profile's),
 * else exit 4 "not signed in / expired".
 */
import { Endpoint } from "@soracom-auth/core"
import { Effect, Redacted } from "effect"
import { Command } from "effect/cli"
import { credentialsOf } from "../../profiles/ProfileFile.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import type { CachedSession } from "../../profiles/SessionCache.ts"
import { credentialsFromEnv, methodLabel, profileName, resolveEndpoint } from "../../runtime/resolve.ts"
import { sessionState, signIn } from "../../runtime/session.ts"
import { CliEnv, globals, opt, withAuth } from "../context.ts"
import { NotSignedIn } from "../errors.ts"
import { endpointFlag, profileFlag, readProfileIfPresent } from "./shared.ts"

export const sessionJson = (session: CachedSession) => ({
  apiKey: Redacted.value(session.apiKey),
  token: Redacted.value(session.token),
  operatorId: session.operatorId,
  ...(session.userName === undefined ? {} : { userName: session.userName }),
  expiresAt: new Date(session.expiresAt).toISOString(),
})

export const token = Command.make("token", { profile: profileFlag, endpoint: endpointFlag }, (flags) =>
  Effect.gen(function* () {
    const g = yield* globals
    const cli = yield* CliEnv
    const name = profileName(opt(flags.profile), cli.env)
    const explicit = resolveEndpoint({ flag: opt(flags.endpoint), env: cli.env })
    // An endpoint with a password in it is refused before anything is read, printed or sent.
    yield* Endpoint.validate(explicit.endpoint)
    const explicitUrl = explicit.source === "default" ? undefined : explicit.url
    const state = yield* sessionState(name, { endpointUrl: explicitUrl })

    let session: CachedSession
    if (state._tag === "Usable") {
      session = state.session
    } else {
      const store = yield* ProfileStore
      const profile = yield* readProfileIfPresent(store, name, false)
      const credentials =
        credentialsFromEnv(cli.env) ?? (profile === undefined ? undefined : credentialsOf(profile.fields))
      if (credentials === undefined) {
        return yield* new NotSignedIn({
          profile: name,
          expiredAt: state._tag === "None" ? undefined : state.session.expiresAt,
        })
      }
      const endpoint =
        explicitUrl !== undefined
          ? explicit.endpoint
          : state._tag !== "None"
            ? Endpoint.url(state.session.endpoint)
            : resolveEndpoint({ env: cli.env, profile: profile?.fields }).endpoint
      g.out.status(
        `${state._tag === "None" ? "No session cached" : "The cached session is expiring"}; signing in with ${methodLabel(credentials.kind)}…`,
      )
      session = yield* signIn({
        profile: name,
        credentials,
        tokenTimeoutSeconds: profile?.fields.tokenTimeoutSeconds,
      }).pipe(withAuth({ endpoint, globals: g, io: cli.io }))
    }
    if (g.json) g.out.dataJson(sessionJson(session))
    else g.out.data(Redacted.value(session.token))
  }),
).pipe(Command.withDescription("Print the API token of the cached session (signs in again when it can)"))
