/**
 * `soracom-auth status` — profile, method, operator/user, masked API key, endpoint, expiry and remaining time.
 * Exit 4 when there is no valid session.
 */
import { Effect } from "effect"
import { Command } from "effect/cli"
import { mask, methodLabel, profileName } from "../../runtime/resolve.ts"
import { sessionState } from "../../runtime/session.ts"
import { CliEnv, globals, opt } from "../context.ts"
import { NotSignedIn } from "../errors.ts"
import { formatDuration, formatLocalTime } from "../output.ts"
import { profileFlag } from "./shared.ts"

export const status = Command.make("status", { profile: profileFlag }, (flags) =>
  Effect.gen(function* () {
    const g = yield* globals
    const cli = yield* CliEnv
    const name = profileName(opt(flags.profile), cli.env)
    const state = yield* sessionState(name)
    if (state._tag === "None") return yield* new NotSignedIn({ profile: name })
    if (state._tag === "Expired") {
      return yield* new NotSignedIn({ profile: name, expiredAt: state.session.expiresAt })
    }
    const s = state.session
    const now = Date.now()
    if (g.json) {
      g.out.dataJson({
        profile: name,
        signedIn: true,
        method: s.method,
        identity: s.identity,
        operatorId: s.operatorId,
        ...(s.userName === undefined ? {} : { userName: s.userName }),
        apiKey: mask(s.apiKey),
        endpoint: s.endpoint,
        expiresAt: new Date(s.expiresAt).toISOString(),
        remainingSeconds: Math.max(0, Math.floor((s.expiresAt - now) / 1000)),
      })
      return
    }
    const rows: Array<[string, string]> = [
      ["Profile", name],
      ["Signed in", `yes, as ${methodLabel(s.method)} ${s.identity}`],
      ["Operator", s.operatorId],
      ...(s.userName === undefined ? [] : [["User", s.userName] as [string, string]]),
      ["API key", mask(s.apiKey)],
      ["Endpoint", s.endpoint],
      [
        "Expires",
        `${formatLocalTime(s.expiresAt)} (in ${formatDuration(s.expiresAt - now)}${state._tag === "Stale" ? "; `token` will sign in again" : ""})`,
      ],
    ]
    for (const [label, value] of rows) g.out.data(`${g.out.bold(label.padEnd(10))} ${value}`)
  }),
).pipe(Command.withDescription("Show the cached session of a profile (exit 4 when not signed in)"))
