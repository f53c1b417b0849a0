/**
 * One input field: its label, the input (masked with `*` for secrets, never prefilled), an optional hint, and the
 * validation message under it. Exactly one field is mounted at a time. Editing keys are readline's
 * (`line-editor.ts`): Ctrl+U clears a prefilled value in one press, and no control key ever becomes text.
 */
import { Box, Text, useInput } from "ink"
import { useRef, useState } from "react"
import { lineWindow, truncateWidth, width } from "../../presentation/width.ts"
import { theme } from "../theme/theme.ts"
import { editLine, initialLine, type LineState } from "./line-editor.ts"
import { useLayout } from "./viewport.tsx"

/** The value with its cursor, in `columns` display columns (a long value scrolls sideways, never wraps). */
const Cursor = ({
  state,
  secret,
  placeholder,
  columns,
}: {
  readonly state: LineState
  readonly secret: boolean
  readonly placeholder?: string | undefined
  readonly columns: number
}) => {
  const shown = secret ? "*".repeat(state.value.length) : state.value
  if (shown.length === 0) {
    return (
      <Text>
        <Text inverse> </Text>
        {placeholder === undefined ? null : (
          <Text color={theme.color.muted}>{truncateWidth(placeholder, columns - 1)}</Text>
        )}
      </Text>
    )
  }
  const { before, under, after } = lineWindow(shown, state.cursor, columns)
  return (
    <Text>
      {before}
      <Text inverse>{under === "" ? " " : under}</Text>
      {after}
    </Text>
  )
}

/** @category components */
export const Field = ({
  label,
  secret = false,
  defaultValue,
  placeholder,
  hint,
  error,
  onSubmit,
}: {
  readonly label: string
  readonly secret?: boolean
  readonly defaultValue?: string | undefined
  readonly placeholder?: string | undefined
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly onSubmit: (value: string) => void
}) => {
  const initial = secret ? "" : (defaultValue ?? "")
  // Kept in a ref too: keys arriving in one chunk act on the latest value, not on the one of the last render.
  const current = useRef<LineState>(initialLine(initial))
  const [state, setState] = useState(current.current)
  // The message stays until the value differs from the one it was about, then gives way to the hint.
  const [checked, setChecked] = useState(initial)
  useInput((input, key) => {
    if (key.return) {
      setChecked(current.current.value)
      onSubmit(current.current.value)
      return
    }
    const next = editLine(current.current, input, key)
    if (next !== current.current) {
      current.current = next
      setState(next)
    }
  })
  const showError = error !== undefined && state.value === checked
  const { columns } = useLayout()
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{label}: </Text>
        <Cursor
          state={state}
          secret={secret}
          placeholder={placeholder}
          columns={Math.max(1, columns - width(`${label}: `))}
        />
      </Box>
      {showError ? (
        <Text color={theme.color.error}>
          {theme.symbol.error} {error}
        </Text>
      ) : hint === undefined ? null : (
        <Text color={theme.color.muted}>{hint}</Text>
      )}
    </Box>
  )
}
