/**
 * The one place the UI imports `@soracom-auth/core` from: field rules, endpoint resolution and the error types.
 */
export { Endpoint as CoreEndpoint, Errors, Fields } from "@soracom-auth/core"
