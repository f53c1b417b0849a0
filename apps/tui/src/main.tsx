import { Box, render, Text, useApp, useInput } from "ink"

const App = () => {
  const { exit } = useApp()
  useInput((input, key) => {
    if (input === "q" || key.escape) exit()
  })
  return (
    <Box flexDirection="column">
      <Text bold>soracom-auth</Text>
      <Text dimColor>Sign-in, password reset and the embedded sandbox are coming. Press q to quit.</Text>
    </Box>
  )
}

render(<App />)
