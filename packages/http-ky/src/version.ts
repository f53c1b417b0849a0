/**
 * The package version, sent in the default `User-Agent` (kept equal to package.json by a test).
 *
 * @since 0.1.0
 */

/**
 * @category constants
 * @since 0.1.0
 */
export const version = "0.1.0"
