/**
 * `status`, `logout` and `profiles`: what the profile folder holds and what the server thinks of it.
 *
 * - `status` shows the profile's session and asks the server whether it still accepts it (like `gh auth
 *   status`; `--offline` skips that); exit 4 when not signed in, expired or refused.
 * - `logout` revokes the session on the server (when still valid) and forgets it; `--local-only` only forgets.
 * - `profiles` lists profiles with method, endpoint and session; `profiles remove NAME` deletes one.
 */
import type { Endpoint } from "@soracom-auth/core"
import { DateTime, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import * as Environment from "../../environment.ts"
import { describe } from "../../presentation/errors.ts"
import { formatDuration, mask } from "../../presentation/format.ts"
import { type Messages, messagesFor } from "../../presentation/messages.ts"
import { padEndWidth, width } from "../../presentation/width.ts"
import { credentialsOf } from "../../profiles/ProfileFile.ts"
import { ProfileStore, type ProfileStoreShape } from "../../profiles/ProfileStore.ts"
import { NotSignedIn } from "../../session/errors.ts"
import { identityOf, type Method } from "../../session/method.ts"
import { SessionCache } from "../../session/SessionCache.ts"
import { type ProfileSession, type SessionState, Sessions } from "../../session/Sessions.ts"
import { opt, withSessions, withSharedSessions } from "../context.ts"
import { profileFlag, switchFlag } from "./shared.ts"
import { statusRows } from "./show.ts"

export const status = (m: Messages) =>
  Command.make(
    "status",
    {
      profile: profileFlag(m),
      offline: switchFlag("offline", m.cli.status.flag.offline),
    },
    (flags) =>
      withSessions((g, cli) =>
        Effect.gen(function* () {
          const sessions = yield* Sessions
          const name = Environment.profileName(opt(flags.profile), cli.env)
          const state = yield* sessions.current(name)
          if (state._tag === "None") return yield* new NotSignedIn({ profile: name })
          if (state._tag === "Expired") {
            return yield* new NotSignedIn({
              profile: name,
              expiredAt: DateTime.toEpochMillis(state.cached.session.expiresAt),
            })
          }
          const verdict = flags.offline ? undefined : yield* sessions.verify(state.cached)
          if (verdict?._tag === "Rejected") return yield* new NotSignedIn({ profile: name, revoked: true })
          const now = Date.now()
          const s = state.cached
          const verdictText =
            verdict === undefined
              ? undefined
              : verdict._tag === "Accepted"
                ? m.cli.statusRow.accepted
                : m.cli.statusRow.unknown(
                    verdict.status === undefined ? m.cli.statusRow.unreachable : `HTTP ${verdict.status}`,
                  )
          if (g.json) {
            return g.out.dataJson({
              profile: name,
              signedIn: true,
              method: s.method,
              identity: s.identity,
              operatorId: s.session.operatorId,
              ...(s.session.userName === undefined ? {} : { userName: s.session.userName }),
              apiKey: mask(s.session.apiKey),
              endpoint: s.endpoint,
              expiresAt: DateTime.formatIso(s.session.expiresAt),
              remainingSeconds: Math.max(
                0,
                Math.floor((DateTime.toEpochMillis(s.session.expiresAt) - now) / 1000),
              ),
              checked:
                verdict === undefined ? "offline" : verdict._tag === "Accepted" ? "accepted" : "unknown",
            })
          }
          const rows = statusRows(m, name, s, now, { stale: state._tag === "Stale", verdict: verdictText })
          // labels in one column, by display width (Japanese is double-width)
          const column = Math.max(10, ...rows.map(([label]) => width(label) + 1))
          for (const [label, value] of rows) g.out.data(`${g.out.bold(padEndWidth(label, column))} ${value}`)
        }),
      ),
  ).pipe(
    Command.withDescription(m.cli.status.description),
    Command.withExamples([
      { command: "soracom-auth status", description: m.cli.status.example.default },
      {
        command: "soracom-auth status --profile work --offline --json",
        description: m.cli.status.example.offline,
      },
    ]),
  )

export const logout = (m: Messages) =>
  Command.make(
    "logout",
    {
      profile: profileFlag(m),
      localOnly: switchFlag("local-only", m.cli.logout.flag.localOnly),
    },
    (flags) =>
      withSharedSessions((g, cli) =>
        Effect.gen(function* () {
          const sessions = yield* Sessions
          const name = Environment.profileName(opt(flags.profile), cli.env)
          const result = yield* sessions.signOut(name, { localOnly: flags.localOnly })
          if (g.json) {
            const revoked = result._tag === "RevokedAndRemoved"
            return g.out.dataJson({
              profile: name,
              revoked,
              removed: result._tag !== "NothingCached",
              result: result._tag,
            })
          }
          switch (result._tag) {
            case "NothingCached":
              return g.out.status(m.cli.logoutOut.nothing(name))
            case "RevokedAndRemoved":
              return g.out.success(m.cli.logoutOut.revoked(name))
            case "ExpiredRemoved":
              return g.out.success(m.cli.logoutOut.expired(name))
            case "ServerRejectedRemoved":
              return g.out.success(m.cli.logoutOut.rejected(name))
            case "LocalRemoved":
              return g.out.success(m.cli.logoutOut.local(name))
          }
        }),
      ),
  ).pipe(
    Command.withDescription(m.cli.logout.description),
    Command.withExamples([
      { command: "soracom-auth logout", description: m.cli.logout.example.default },
      {
        command: "soracom-auth logout --profile work --local-only",
        description: m.cli.logout.example.localOnly,
      },
    ]),
  )

const sessionWords = (m: Messages, state: SessionState, now: number): string => {
  switch (state._tag) {
    case "None":
      return m.cli.profilesOut.sessionNone
    case "Expired":
      return m.cli.profilesOut.sessionExpired
    case "Stale":
    case "Fresh":
      return m.cli.profilesOut.sessionLive(
        formatDuration(DateTime.toEpochMillis(state.cached.session.expiresAt) - now),
      )
  }
}

/** A row of `profiles`: `endpoint` and `problem` as `--json` shows them (English), `words` for people. */
interface ProfileRow {
  readonly name: string
  readonly method?: Method | undefined
  readonly identity?: string | undefined
  readonly endpoint: string
  readonly state: SessionState
  readonly problem?: string | undefined
  readonly words?: {
    readonly endpoint?: (m: Messages) => string
    readonly problem?: (m: Messages) => string
  }
}

const endpointText = (endpoint: Endpoint.Endpoint, m: Messages): string =>
  endpoint._tag === "Url"
    ? endpoint.url
    : endpoint.sandbox
      ? m.cli.profilesOut.sandbox(endpoint.coverage)
      : endpoint.coverage

/** A profile's method, identity and endpoint (from its file, else from its cached session). */
const profileRow = (store: ProfileStoreShape, p: ProfileSession): Effect.Effect<ProfileRow> => {
  const fromSession: ProfileRow =
    p.state._tag === "None"
      ? { name: p.name, endpoint: "", state: p.state }
      : {
          name: p.name,
          method: p.state.cached.method,
          identity: p.state.cached.identity,
          endpoint: p.state.cached.endpoint,
          state: p.state,
        }
  if (!p.hasProfile)
    return Effect.succeed({
      ...fromSession,
      problem: messagesFor("en").cli.profilesOut.noProfileFile,
      words: { problem: (m) => m.cli.profilesOut.noProfileFile },
    })
  return store.read(p.name).pipe(
    Effect.map((doc): ProfileRow => {
      const credentials = credentialsOf(doc.fields)
      const { endpoint } = Environment.endpoint({ env: {}, profile: doc.fields })
      return {
        name: p.name,
        method: credentials?.kind,
        identity: credentials === undefined ? undefined : identityOf(credentials),
        endpoint: endpointText(endpoint, messagesFor("en")),
        state: p.state,
        words: { endpoint: (m) => endpointText(endpoint, m) },
      }
    }),
    Effect.catch((e) =>
      Effect.succeed<ProfileRow>({
        ...fromSession,
        problem: e.message.split("\n")[0],
        words: { problem: (m) => describe(e, { surface: "cli", now: Date.now() }, m).title },
      }),
    ),
  )
}

const listProfiles = (m: Messages) => () =>
  withSessions((g, _cli) =>
    Effect.gen(function* () {
      const sessions = yield* Sessions
      const store = yield* ProfileStore
      const all = yield* sessions.list
      const now = Date.now()
      const rows = yield* Effect.forEach(all, (p) => profileRow(store, p))
      if (g.json) {
        return g.out.dataJson(
          rows.map((r) => ({
            name: r.name,
            ...(r.method === undefined ? {} : { method: r.method, identity: r.identity }),
            endpoint: r.endpoint,
            session: r.state._tag === "None" ? "none" : r.state._tag === "Expired" ? "expired" : "live",
            ...(r.state._tag === "None" || r.state._tag === "Expired"
              ? {}
              : { expiresAt: DateTime.formatIso(r.state.cached.session.expiresAt) }),
            ...(r.problem === undefined ? {} : { problem: r.problem }),
          })),
        )
      }
      if (rows.length === 0) return g.out.status(m.cli.profilesOut.none(store.dir))
      for (const r of rows) {
        const method =
          r.method === undefined ? m.cli.profilesOut.noCredentials : `${m.method[r.method]} ${r.identity}`
        const parts = [
          r.name.padEnd(16),
          method,
          r.words?.endpoint?.(m) ?? r.endpoint,
          sessionWords(m, r.state, now),
          ...(r.problem === undefined ? [] : [r.words?.problem?.(m) ?? r.problem]),
        ]
        g.out.data(parts.filter((p) => p !== "").join("  ·  "))
      }
    }),
  )

const list = (m: Messages) =>
  Command.make("list", {}, listProfiles(m)).pipe(Command.withDescription(m.cli.profiles.list))

const remove = (m: Messages) =>
  Command.make(
    "remove",
    { name: Argument.String("name").pipe(Argument.withDescription(m.cli.profiles.name)) },
    ({ name }) =>
      withSessions((g, _cli) =>
        Effect.gen(function* () {
          const sessions = yield* Sessions
          const store = yield* ProfileStore
          const cache = yield* SessionCache
          const signedOut = yield* sessions
            .signOut(name)
            .pipe(Effect.map((r) => r._tag === "RevokedAndRemoved"))
          const removed = yield* store.remove(name)
          yield* cache.remove(name)
          if (g.json) return g.out.dataJson({ profile: name, removed, signedOut })
          if (!removed && !signedOut) return g.out.status(m.cli.profilesOut.notFound(name, store.dir))
          g.out.success(
            signedOut ? m.cli.profilesOut.removedSignedOut(name) : m.cli.profilesOut.removed(name),
          )
        }),
      ),
  ).pipe(Command.withDescription(m.cli.profiles.remove))

export const profiles = (m: Messages) =>
  Command.make("profiles", {}, listProfiles(m)).pipe(
    Command.withDescription(m.cli.profiles.description),
    Command.withSubcommands([list(m), remove(m)]),
    Command.withExamples([
      { command: "soracom-auth profiles list", description: m.cli.profiles.example.list },
      {
        command: "soracom-auth profiles remove old-work",
        description: m.cli.profiles.example.remove,
      },
    ]),
  )
