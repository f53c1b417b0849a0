/**
 * A failed step: what happened (in the error colour, behind the error symbol), what to do next, then the screen's
 * own menu of next steps (the children).
 */
import { Box, Text } from "ink"
import type { ReactNode } from "react"
import type { Described as ErrorText } from "../../presentation/errors.ts"
import { theme } from "../theme/theme.ts"

/** @category components */
export const Failure = ({
  text,
  lead,
  children,
}: {
  readonly text: ErrorText
  /** Words before the title, e.g. "Could not sign out." */
  readonly lead?: string
  readonly children: ReactNode
}) => (
  <Box flexDirection="column">
    <Text color={theme.color.error}>
      {theme.symbol.error} {lead === undefined ? "" : `${lead} `}
      {text.title}
    </Text>
    <Box marginBottom={1}>
      <Text>{text.next}</Text>
    </Box>
    {children}
  </Box>
)
