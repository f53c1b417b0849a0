/**
 * @soracom-auth/sandbox — a local SORACOM Auth API server.
 */
export const packageName = "@soracom-auth/sandbox"
