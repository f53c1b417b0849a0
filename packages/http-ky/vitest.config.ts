import { defineConfig } from "vitest/config"
import { resolveSource } from "../../vitest.shared.ts"

export default defineConfig({
  ...resolveSource,
})
