/**
 * @soracom-auth/core — the SORACOM Auth API contract in Effect.
 */
export * as Endpoint from "./Endpoint.ts"
