/**
 * `soracom-auth logout` — `POST /auth/logout` when the cached session is still valid, then removes it; says
 * which of the two happened.
 */
import { Endpoint } from "@soracom-auth/core"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { SessionCache } from "../../profiles/SessionCache.ts"
import { profileName } from "../../runtime/resolve.ts"
import { signOut } from "../../runtime/session.ts"
import { CliEnv, globals, opt, withAuth } from "../context.ts"
import { profileFlag } from "./shared.ts"

export const logout = Command.make("logout", { profile: profileFlag }, (flags) =>
  Effect.gen(function* () {
    const g = yield* globals
    const cli = yield* CliEnv
    const cache = yield* SessionCache
    const name = profileName(opt(flags.profile), cli.env)
    const cached = yield* cache.read(name)
    const endpoint = cached._tag === "Some" ? Endpoint.url(cached.value.endpoint) : Endpoint.coverage("jp")
    const result = yield* signOut(name).pipe(withAuth({ endpoint, globals: g, io: cli.io }))
    const revoked = result._tag === "RevokedAndRemoved"
    const removed = result._tag !== "NothingCached"
    if (g.json) {
      g.out.dataJson({ profile: name, revoked, removed, result: result._tag })
      return
    }
    switch (result._tag) {
      case "NothingCached":
        g.out.status(`No session cached for profile "${name}"; nothing to do.`)
        return
      case "RevokedAndRemoved":
        g.out.success(
          `Signed out: SORACOM revoked the API key and token, and the cached session of "${name}" was removed.`,
        )
        return
      case "ExpiredRemoved":
        g.out.success(
          `The session had already expired; removed the cached session of "${name}" (nothing to revoke).`,
        )
        return
      case "ServerRejectedRemoved":
        g.out.success(
          `SORACOM no longer accepted the session (already revoked); removed the cached session of "${name}".`,
        )
        return
    }
  }),
).pipe(
  Command.withDescription(
    "Revoke the session on the server (when still valid) and remove the cached session",
  ),
)
