/** What the global setup hands to the consumer tests (vitest `provide` / `inject`). */
export interface ConsumerContext {
  /** The temporary folder everything lives in (outside the workspace). */
  readonly work: string
  /** Tarball path by package name. */
  readonly tarballs: Readonly<Record<string, string>>
  /** Version by package name. */
  readonly versions: Readonly<Record<string, string>>
  /** A fresh npm project with the library tarballs, effect, typescript, @types/node, esbuild and the fixtures. */
  readonly lib: string
  /** The `npm install -g --prefix` folder of the `soracom-auth` tarball. */
  readonly globalPrefix: string
  /** Other runtimes, from npm. */
  readonly runtimes: { readonly node22: string; readonly bun: string; readonly deno: string }
  /** The sandbox started from the packed @soracom-auth/sandbox (its bin, in `lib`). */
  readonly sandbox: {
    readonly endpoint: string
    readonly authKeyId: string
    readonly authKey: string
    readonly operatorId: string
    /** The root user's address (password reset). */
    readonly email: string
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    consumer: ConsumerContext
  }
}
