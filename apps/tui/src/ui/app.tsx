/**
 * The root component: one flow state decides which screen is mounted.
 */
import { Box, Text, useApp, useInput } from "ink"
import { useEffect, useRef } from "react"
import { type AppOptions, ExitCode } from "./options.ts"

export interface AppResult {
  readonly code: number
  /** `SORACOM_API_KEY=… SORACOM_TOKEN=…`, printed by `runApp` after Ink unmounts — only when the user asked. */
  readonly exports?: string
}

export interface AppProps {
  readonly options: AppOptions
  readonly onExit: (result: AppResult) => void
}

export const App = ({ options, onExit }: AppProps) => {
  const { exit } = useApp()
  const done = useRef(false)
  const finish = (result: AppResult) => {
    if (done.current) return
    done.current = true
    onExit(result)
    exit()
  }
  useInput((input, key) => {
    if (key.ctrl && input === "c") finish({ code: ExitCode.cancelled })
    else if (input === "q" || key.escape) finish({ code: ExitCode.ok })
  })
  useEffect(() => () => void 0, [])
  return (
    <Box flexDirection="column">
      <Text bold>soracom-auth{options.demo ? " [sandbox]" : ""}</Text>
      <Text dimColor>q quit · Ctrl+C cancel</Text>
    </Box>
  )
}
