/**
 * @soracom-auth/sandbox — a faithful local SORACOM Auth API server for offline use and integration tests.
 *
 * @since 0.1.0
 */
export { type CorsOptions, defaultCors } from "./cors.ts"
export {
  describeSandbox,
  type SandboxCredential,
  type SandboxInfo,
  sandboxInfo,
  seedCredentials,
} from "./describe.ts"
export {
  type ErrorBody,
  type ErrorEntry,
  type ErrorName,
  errorBody,
  errors,
  type Lang,
  langOf,
} from "./errors.ts"
export { type Fault, type FaultControl, type FaultRoute, faultRoutes } from "./faults.ts"
export { defaultRateLimit, type RateLimitConfig, rateLimitedRoutes } from "./rateLimit.ts"
export type { Exchange, RecordedRequest, RecordedResponse } from "./recording.ts"
export {
  type OutboxMail,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
  testSandboxOptions,
} from "./Sandbox.ts"
export { SandboxServer, SandboxStartError } from "./SandboxServer.ts"
export {
  demoSeed,
  isWellFormedEmail,
  loadSeedFile,
  parseSeed,
  type Seed,
  type SeedAuthKey,
  SeedError,
  type SeedOperator,
  type SeedTrustedPrincipal,
  type SeedUser,
} from "./seed.ts"

/** The package's name. */
export const packageName = "@soracom-auth/sandbox"
