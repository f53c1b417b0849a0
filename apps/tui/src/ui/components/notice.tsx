/**
 * A one-line status message: a symbol and a word-bearing text, coloured by kind (never colour alone).
 */
import { Box, Text } from "ink"
import type { Notice as NoticeModel } from "../model.ts"
import { theme } from "../theme/theme.ts"
import { useGap } from "./viewport.tsx"

const look = {
  success: { color: theme.color.success, symbol: theme.symbol.success },
  info: { color: theme.color.accent, symbol: theme.symbol.info },
  warning: { color: theme.color.warning, symbol: theme.symbol.warning },
  error: { color: theme.color.error, symbol: theme.symbol.error },
} as const

/** @category components */
export const Notice = ({ notice }: { readonly notice: NoticeModel | undefined }) => {
  const gap = useGap()
  if (notice === undefined) return null
  const { color, symbol } = look[notice.kind]
  return (
    <Box marginBottom={gap}>
      <Text color={color}>
        {symbol} {notice.text}
      </Text>
    </Box>
  )
}
