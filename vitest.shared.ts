/**
 * What every project's vitest config shares: workspace packages resolve through the `@soracom-auth/source` export
 * condition to their TypeScript sources, so nothing has to be built to test (installed copies resolve `dist/`).
 */
import { defaultServerConditions } from "vite"

export const sourceCondition = "@soracom-auth/source"

const conditions = [sourceCondition, ...defaultServerConditions]

/** Spread into `defineConfig({ ...resolveSource, test: {…} })`. Tests run in Vite's server (SSR) environment. */
export const resolveSource = {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
}
