import { Text } from "ink"
import { render } from "ink-testing-library"
import { expect, it } from "vitest"

it("renders text", () => {
  const { lastFrame } = render(<Text>soracom-auth</Text>)
  expect(lastFrame()).toContain("soracom-auth")
})
