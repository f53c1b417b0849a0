/**
 * @soracom-auth/http-ky — Effect's HttpClient backed by ky.
 */
export const packageName = "@soracom-auth/http-ky"
