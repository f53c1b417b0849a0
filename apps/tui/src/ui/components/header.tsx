/**
 * The first line of every screen: the app name, the screen title and — when not talking to SORACOM's production
 * API — a "sandbox" badge.
 */
import { Box, Text } from "ink"
import { messages } from "../../presentation/messages.ts"
import { theme } from "../theme/theme.ts"
import { useGap } from "./viewport.tsx"

/** @category components */
export const Header = ({ title, sandbox }: { readonly title?: string; readonly sandbox: boolean }) => (
  <Box marginBottom={useGap()}>
    <Text bold>soracom-auth</Text>
    {title === undefined ? null : (
      <Text>
        {" "}
        {theme.symbol.pointer} {title}
      </Text>
    )}
    {sandbox ? (
      <Text>
        {" "}
        <Text color={theme.color.badge} inverse>
          {` ${messages.ui.sandboxBadge} `}
        </Text>
      </Text>
    ) : null}
  </Box>
)
