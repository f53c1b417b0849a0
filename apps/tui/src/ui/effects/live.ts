/**
 * The live services behind the UI: the session service (the same one the commands use), `UiProfiles` over the
 * app's soracom-cli-compatible `ProfileStore` and the session cache, and `PasswordReset` over core's
 * `SoracomAuth`. A thin adapter: no rules of its own.
 */
import { PasswordReset as CorePasswordReset, type Endpoint, SoracomAuth } from "@soracom-auth/core"
import { Effect, Layer } from "effect"
import type { Language } from "../../environment.ts"
import { credentialsOf, fieldsWithCredentials, type ProfileFields } from "../../profiles/ProfileFile.ts"
import { ProfileStore } from "../../profiles/ProfileStore.ts"
import { Api } from "../../session/Api.ts"
import { identityOf } from "../../session/method.ts"
import { SessionCache } from "../../session/SessionCache.ts"
import { Sessions } from "../../session/Sessions.ts"
import type { EndpointChoice } from "../model.ts"
import { PasswordReset, type ProfileSignIn, type ProfileSummary, UiProfiles } from "./services.ts"

/** @category layers */
export const passwordResetLayer = Layer.effect(
  PasswordReset,
  Effect.gen(function* () {
    const api = yield* Api
    const at = (endpoint: EndpointChoice) => api.auth(endpoint.endpoint)
    return {
      request: (endpoint, email) =>
        Effect.gen(function* () {
          const request = yield* CorePasswordReset.issueFromInput({ email })
          yield* SoracomAuth.SoracomAuth.use((auth) => auth.issuePasswordResetToken(request))
        }).pipe(Effect.provide(at(endpoint))),
      verify: (endpoint, token, password) =>
        Effect.gen(function* () {
          const request = yield* CorePasswordReset.verifyFromInput({ token, password })
          yield* SoracomAuth.SoracomAuth.use((auth) => auth.verifyPasswordResetToken(request))
        }).pipe(Effect.provide(at(endpoint))),
    }
  }),
)

const profileEndpoint = (fields: ProfileFields): Endpoint.Endpoint =>
  fields.endpoint !== undefined
    ? { _tag: "Url", url: fields.endpoint }
    : { _tag: "Coverage", coverage: fields.coverageType ?? "jp", sandbox: fields.sandbox === true }

const endpointFields = (endpoint: EndpointChoice): ProfileFields => {
  const e = endpoint.endpoint
  return e._tag === "Url"
    ? { endpoint: endpoint.baseUrl.replace(/\/v1$/, ""), sandbox: false, coverageType: "jp" }
    : { endpoint: undefined, sandbox: e.sandbox, coverageType: e.coverage }
}

/** @category layers */
export const uiProfilesLayer = Layer.effect(
  UiProfiles,
  Effect.gen(function* () {
    const store = yield* ProfileStore
    const cache = yield* SessionCache
    const sessions = yield* Sessions
    const read = (name: string) =>
      store.read(name).pipe(
        Effect.map((doc): ProfileSignIn => {
          const credentials = credentialsOf(doc.fields)
          const summary: ProfileSummary = {
            name,
            ...(credentials === undefined
              ? {}
              : { method: credentials.kind, identity: identityOf(credentials) }),
            endpoint: profileEndpoint(doc.fields),
            ...(doc.fields.tokenTimeoutSeconds === undefined
              ? {}
              : { tokenTimeoutSeconds: doc.fields.tokenTimeoutSeconds }),
          }
          return credentials === undefined ? { summary } : { summary, credentials }
        }),
      )
    return {
      dir: store.dir,
      list: store.list.pipe(
        Effect.flatMap((names) =>
          Effect.forEach(names, (name) =>
            Effect.all([
              read(name).pipe(
                Effect.map((p) => p.summary),
                Effect.catch((problem) => Effect.succeed<ProfileSummary>({ name, problem })),
              ),
              sessions.current(name).pipe(Effect.orElseSucceed(() => ({ _tag: "None" }) as const)),
            ]).pipe(
              Effect.map(([summary, state]) =>
                state._tag === "Fresh" || state._tag === "Stale"
                  ? { ...summary, liveUntil: state.cached.session.expiresAt.epochMilliseconds }
                  : summary,
              ),
            ),
          ),
        ),
      ),
      read,
      exists: store.exists,
      save: (name, session) =>
        Effect.gen(function* () {
          const existing = yield* store.read(name).pipe(
            Effect.map((doc) => doc.fields),
            Effect.orElseSucceed((): ProfileFields => ({})),
          )
          const base: ProfileFields = {
            ...existing,
            ...endpointFields(session.request.endpoint),
            tokenTimeoutSeconds: session.request.tokenTimeoutSeconds,
          }
          yield* store.write(name, fieldsWithCredentials(base, session.request.credentials))
          if (name !== session.profileName) {
            // the session moves with the sign-in to the profile it is saved as
            yield* cache.write(name, session.cached)
            yield* cache.remove(session.profileName).pipe(Effect.ignore)
          }
        }),
      remove: (name) => store.remove(name).pipe(Effect.tap(() => cache.remove(name).pipe(Effect.ignore))),
    }
  }),
)

/** Everything the screens need, live, over one profile folder. @category layers */
export const uiLayer = (options: {
  readonly profileDir: string
  readonly language?: Language | undefined
}) => {
  const base = Layer.mergeAll(
    Api.layer({ language: options.language }),
    SessionCache.layer({ dir: options.profileDir }),
    ProfileStore.layer({ dir: options.profileDir }),
  )
  return Layer.mergeAll(uiProfilesLayer, passwordResetLayer).pipe(
    Layer.provideMerge(Sessions.layer.pipe(Layer.provideMerge(base))),
  )
}
