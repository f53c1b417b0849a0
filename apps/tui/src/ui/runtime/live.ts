/**
 * The live services behind the UI: `UiAuth` over core's `SoracomAuth` (a layer per chosen endpoint, built by the
 * app's `runtime/layers.ts`), and `UiProfiles` over the app's soracom-cli-compatible `ProfileStore` and session
 * cache. A thin adapter: no rules of its own beyond turning UI values into core requests.
 */
import { AuthRequest, PasswordReset, SoracomAuth } from "@soracom-auth/core"
import { DateTime, Effect, Layer, ManagedRuntime } from "effect"
import {
  credentialsOf,
  fieldsWithCredentials,
  type ProfileCredentials,
  type ProfileFields,
  ProfileStore,
  SessionCache,
} from "../../profiles/index.ts"
import { authLayer, identityOf, profilesLayer, toAuthResponse } from "../../runtime/index.ts"
import type { ProfileErrorLike } from "../errors/describe-error.ts"
import type { Endpoint, SignInRequest } from "../model.ts"
import type { UiRuntime } from "./runtime-context.tsx"
import { type ProfileSignIn, type ProfileSummary, UiAuth, UiProfiles } from "./services.ts"

/** The request's credentials in the profile store's form. @category conversions */
export const credentialsOfRequest = (request: SignInRequest): ProfileCredentials | undefined => {
  switch (request.method) {
    case "authKey":
      return request.authKeyId === undefined || request.authKey === undefined
        ? undefined
        : { kind: "authKey", authKeyId: request.authKeyId, authKey: request.authKey }
    case "root":
      return request.email === undefined || request.password === undefined
        ? undefined
        : { kind: "root", email: request.email, password: request.password }
    case "samUser":
      return request.operatorId === undefined ||
        request.userName === undefined ||
        request.password === undefined
        ? undefined
        : {
            kind: "samUser",
            operatorId: request.operatorId,
            userName: request.userName,
            password: request.password,
          }
  }
}

const toAuthRequest = (request: SignInRequest) => {
  const credentials =
    request.method === "authKey"
      ? { kind: "authKey" as const, authKeyId: request.authKeyId ?? "", authKey: request.authKey ?? "" }
      : request.method === "root"
        ? { kind: "root" as const, email: request.email ?? "", password: request.password ?? "" }
        : {
            kind: "samUser" as const,
            operatorId: request.operatorId ?? "",
            userName: request.userName ?? "",
            password: request.password ?? "",
          }
  return AuthRequest.fromInput({
    credentials,
    mfaOtpCode: request.mfaOtpCode,
    tokenTimeoutSeconds: request.tokenTimeoutSeconds,
  })
}

/** @category layers */
export const uiAuthLayer = (options: { readonly language?: "en" | "ja" | undefined } = {}) =>
  Layer.succeed(UiAuth, {
    signIn: (request) =>
      Effect.gen(function* () {
        const auth = yield* SoracomAuth.SoracomAuth
        const response = yield* auth.auth(yield* toAuthRequest(request))
        return {
          apiKey: response.apiKey,
          token: response.token,
          operatorId: response.operatorId,
          ...(response.userName === undefined ? {} : { userName: response.userName }),
          expiresAt: DateTime.toEpochMillis(response.expiresAt),
        }
      }).pipe(Effect.provide(authLayer({ endpoint: request.endpoint.endpoint, language: options.language }))),
    signOut: (session) =>
      SoracomAuth.SoracomAuth.use((auth) => auth.logout(toAuthResponse(session))).pipe(
        Effect.provide(authLayer({ endpoint: session.endpoint.endpoint, language: options.language })),
      ),
    requestPasswordReset: (endpoint: Endpoint, email: string) =>
      Effect.gen(function* () {
        const auth = yield* SoracomAuth.SoracomAuth
        yield* auth.issuePasswordResetToken(yield* PasswordReset.issueFromInput({ email }))
      }).pipe(Effect.provide(authLayer({ endpoint: endpoint.endpoint, language: options.language }))),
    verifyPasswordReset: (endpoint, token, password) =>
      Effect.gen(function* () {
        const auth = yield* SoracomAuth.SoracomAuth
        const request = yield* PasswordReset.verifyFromInput({
          token,
          password,
        })
        yield* auth.verifyPasswordResetToken(request)
      }).pipe(Effect.provide(authLayer({ endpoint: endpoint.endpoint, language: options.language }))),
  })

const summaryOf = (name: string, fields: ProfileFields): ProfileSummary => {
  const credentials = credentialsOf(fields)
  const url = fields.endpoint
  return {
    name,
    ...(credentials === undefined ? {} : { method: credentials.kind, identity: identityOf(credentials) }),
    endpoint:
      url !== undefined
        ? { _tag: "Url", url }
        : { _tag: "Coverage", coverage: fields.coverageType ?? "jp", sandbox: fields.sandbox === true },
    ...(fields.tokenTimeoutSeconds === undefined ? {} : { tokenTimeoutSeconds: fields.tokenTimeoutSeconds }),
  }
}

const endpointFields = (endpoint: Endpoint): ProfileFields => {
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
    const asUiError = <A, E extends ProfileErrorLike>(effect: Effect.Effect<A, E>) =>
      effect as Effect.Effect<A, ProfileErrorLike>
    const read = (name: string) =>
      asUiError(store.read(name)).pipe(
        Effect.map((doc): ProfileSignIn => {
          const summary = summaryOf(name, doc.fields)
          const c = credentialsOf(doc.fields)
          if (c === undefined) return { summary }
          if (c.kind === "authKey")
            return { summary, method: "authKey", authKeyId: c.authKeyId, authKey: c.authKey }
          if (c.kind === "root") return { summary, method: "root", email: c.email, password: c.password }
          return {
            summary,
            method: "samUser",
            operatorId: c.operatorId,
            userName: c.userName,
            password: c.password,
          }
        }),
      )
    return {
      dir: store.dir,
      list: asUiError(store.list).pipe(
        Effect.flatMap((names) =>
          Effect.forEach(names, (name) =>
            read(name).pipe(
              Effect.map((p) => p.summary),
              Effect.catch((problem: ProfileErrorLike) => Effect.succeed<ProfileSummary>({ name, problem })),
            ),
          ),
        ),
      ),
      read,
      exists: (name) => asUiError(store.exists(name)),
      save: (name, request) =>
        Effect.gen(function* () {
          const credentials = credentialsOfRequest(request)
          const existing = yield* store.read(name).pipe(
            Effect.map((doc) => doc.fields),
            Effect.catch(() => Effect.succeed<ProfileFields>({})),
          )
          const base: ProfileFields = {
            ...existing,
            ...endpointFields(request.endpoint),
            tokenTimeoutSeconds: request.tokenTimeoutSeconds,
          }
          yield* asUiError(
            store.write(name, credentials === undefined ? base : fieldsWithCredentials(base, credentials)),
          )
        }),
      cacheSession: (name, session) =>
        session === undefined
          ? asUiError(cache.remove(name)).pipe(Effect.asVoid)
          : Effect.gen(function* () {
              const credentials = credentialsOfRequest(session.request)
              yield* asUiError(
                cache.write(name, {
                  endpoint: session.endpoint.baseUrl,
                  method: session.method,
                  identity: credentials === undefined ? session.operatorId : identityOf(credentials),
                  operatorId: session.operatorId,
                  userName: session.userName,
                  apiKey: session.apiKey,
                  token: session.token,
                  issuedAt: session.expiresAt - session.request.tokenTimeoutSeconds * 1000,
                  expiresAt: session.expiresAt,
                }),
              )
            }),
      remove: (name) =>
        asUiError(store.remove(name)).pipe(Effect.tap(() => cache.remove(name).pipe(Effect.ignore))),
    }
  }),
)

/** Everything the screens need, live. @category layers */
export const uiLayer = (options: {
  readonly profileDir?: string | undefined
  readonly language?: "en" | "ja" | undefined
}) =>
  Layer.mergeAll(uiAuthLayer(options), uiProfilesLayer.pipe(Layer.provide(profilesLayer(options.profileDir))))

/** The one runtime the app runs its effects on. @category constructors */
export const makeLiveRuntime = (options: {
  readonly profileDir?: string | undefined
  readonly language?: "en" | "ja" | undefined
}): UiRuntime & { readonly dispose: () => Promise<void> } => {
  const runtime = ManagedRuntime.make(uiLayer(options))
  return {
    runFork: (effect) => runtime.runFork(effect),
    now: () => Date.now(),
    dispose: () => runtime.dispose(),
  }
}
