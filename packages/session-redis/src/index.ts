/**
 * @soracom-auth/session-redis — a SORACOM session shared through Redis: one sign-in for a fleet of processes.
 *
 * @since 0.1.0
 */
export * as RedisSessionStore from "./RedisSessionStore.ts"
