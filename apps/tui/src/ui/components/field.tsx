/**
 * One input field: its label, the input (masked with `*` for secrets, never prefilled), an optional hint, and the
 * validation message under it. Exactly one field is mounted at a time.
 */
import { PasswordInput, TextInput } from "@inkjs/ui"
import { Box, Text } from "ink"
import { useCallback, useState } from "react"
import { theme } from "../theme/theme.ts"

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
  // The message stays until the value differs from the one it was about, then gives way to the hint. (Compared by
  // value: @inkjs/ui may report the same value again after a re-render.)
  const [current, setCurrent] = useState(defaultValue ?? "")
  const [checked, setChecked] = useState(defaultValue ?? "")
  const showError = error !== undefined && current === checked
  const submit = (value: string) => {
    setChecked(value)
    setCurrent(value)
    onSubmit(value)
  }
  const change = useCallback((value: string) => setCurrent(value), [])
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{label}: </Text>
        {secret ? (
          <PasswordInput
            onChange={change}
            onSubmit={submit}
            {...(placeholder === undefined ? {} : { placeholder })}
          />
        ) : (
          <TextInput
            onChange={change}
            onSubmit={submit}
            {...(defaultValue === undefined ? {} : { defaultValue })}
            {...(placeholder === undefined ? {} : { placeholder })}
          />
        )}
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
