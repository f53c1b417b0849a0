/**
 * @soracom-auth/session-redis — a SORACOM session shared through Redis: one sign-in for a fleet of processes.
 * `RedisSessionStore` for Effect's `AuthSession`; `redisStore` for the Promise client.
 *
 * @since 0.1.0
 */
export * as RedisSessionStore from "./RedisSessionStore.ts"
export { type RedisStore, type RedisStoreOptions, redisStore, type Session } from "./redisStore.ts"
