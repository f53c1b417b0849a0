/**
 * `soracom-auth switch-user --operator-id OP --user-name U` — as the profile's signed-in user, get a session of
 * another SAM user whose trust policy lists it (`POST /auth/switch_user`, at most 1 h). Prints it like `login`;
 * `--save-as Q` caches it under profile Q (then `token --profile Q` hands it out).
 */
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Environment from "../../environment.ts"
import type { Messages } from "../../presentation/messages.ts"
import { validateName } from "../../profiles/files.ts"
import { Sessions } from "../../session/Sessions.ts"
import { opt, withSessions } from "../context.ts"
import { optionalStringFlag, profileFlag, tokenTimeoutFlag, tokenTimeoutSeconds } from "./shared.ts"
import { sessionJson, signedInLines } from "./show.ts"

export const switchUser = (m: Messages) =>
  Command.make(
    "switch-user",
    {
      profile: profileFlag(m),
      operatorId: Flag.String("operator-id").pipe(Flag.withDescription(m.cli.switchUser.flag.operatorId)),
      userName: Flag.String("user-name").pipe(Flag.withDescription(m.cli.switchUser.flag.userName)),
      tokenTimeout: tokenTimeoutFlag(m),
      saveAs: optionalStringFlag("save-as", m.cli.switchUser.flag.saveAs),
    },
    (flags) =>
      withSessions((g, cli) =>
        Effect.gen(function* () {
          const sessions = yield* Sessions
          const name = Environment.profileName(opt(flags.profile), cli.env)
          const saveAs = opt(flags.saveAs)
          if (saveAs !== undefined) yield* validateName(saveAs)
          const timeout = yield* tokenTimeoutSeconds(flags.tokenTimeout)
          g.out.status(m.cli.session.switching(flags.operatorId, flags.userName, name))
          const switched = yield* sessions.switchUser({
            profile: name,
            operatorId: flags.operatorId,
            userName: flags.userName,
            tokenTimeoutSeconds: timeout,
            saveAs,
          })
          if (g.json) return g.out.dataJson(sessionJson(switched))
          const [first, ...rest] = signedInLines(m, switched, Date.now())
          g.out.success(first ?? "")
          for (const line of rest) g.out.status(`  ${line}`)
          if (saveAs !== undefined) g.out.status(`  ${m.cli.session.cachedAs(saveAs)}`)
        }),
      ),
  ).pipe(Command.withDescription(m.cli.switchUser.description))
