/**
 * @soracom-auth/http-ky — Effect's `HttpClient` backed by ky: timeouts, cancellation and a redacted trace.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as HttpTrace from "./HttpTrace.ts"

/**
 * @since 0.1.0
 */
export * as KyHttpClient from "./KyHttpClient.ts"

/**
 * @since 0.1.0
 */
export { version } from "./version.ts"
