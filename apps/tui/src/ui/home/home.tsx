/**
 * Home: what the app can do, the current sign-in if any, the profiles holding a live session, and — in demo mode —
 * the sandbox's demo credentials.
 */
import { Box, Text } from "ink"
import { formatDuration } from "../../presentation/format.ts"
import { messages } from "../../presentation/messages.ts"
import { DemoBox } from "../components/demo-box.tsx"
import { Footer, keys } from "../components/footer.tsx"
import { Header } from "../components/header.tsx"
import { Menu } from "../components/menu/menu.tsx"
import { Notice } from "../components/notice.tsx"
import { useGap } from "../components/viewport.tsx"
import type { FlowEvent } from "../flow/use-flow-state.ts"
import { expiresAt, type Notice as NoticeModel, type Session } from "../model.ts"
import type { AppDemo } from "../options.ts"
import { theme } from "../theme/theme.ts"
import { useHome } from "./use-home.ts"
import { homeItems } from "./use-home-state.ts"

/** @category components */
export const Home = ({
  demo,
  session,
  notice,
  now,
  dispatch,
}: {
  readonly demo: AppDemo | undefined
  readonly session: Session | undefined
  readonly notice: NoticeModel | undefined
  readonly now: number
  readonly dispatch: (event: FlowEvent) => void
}) => {
  const { choose, live } = useHome(dispatch)
  const gap = useGap()
  return (
    <Box flexDirection="column">
      <Header sandbox={demo !== undefined || session?.endpoint.sandbox === true} />
      {demo === undefined ? null : <DemoBox demo={demo} />}
      <Notice notice={notice} />
      {session === undefined ? null : (
        <Box marginBottom={gap}>
          <Text>
            <Text color={theme.color.success}>{theme.symbol.success}</Text> {messages.ui.home.signedInAs}{" "}
            <Text bold>
              {session.cached.session.userName === undefined
                ? session.cached.session.operatorId
                : `${session.cached.session.operatorId} / ${session.cached.session.userName}`}
            </Text>
            {" · "}
            {expiresAt(session) > now
              ? messages.ui.home.expiresIn(formatDuration(expiresAt(session) - now))
              : messages.ui.home.expired}
          </Text>
        </Box>
      )}
      {live.profiles.length === 0 ? null : (
        <Box marginBottom={gap}>
          <Text>
            <Text color={theme.color.success}>{theme.symbol.live}</Text>{" "}
            {messages.ui.home.liveProfiles(
              live.profiles
                .map((p) =>
                  messages.ui.home.liveProfile(p.name, formatDuration(p.until - Math.max(now, live.at))),
                )
                .join(", "),
            )}
          </Text>
        </Box>
      )}
      <Menu items={homeItems(session)} onChoose={choose} />
      <Footer hints={[keys.move, keys.choose, keys.quit, keys.ctrlC]} />
    </Box>
  )
}
