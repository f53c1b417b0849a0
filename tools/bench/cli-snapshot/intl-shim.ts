/**
 * V8 cannot save an ICU-backed `Intl` object in a startup snapshot: building one fails with "global handle not
 * serialized: [Foreign]" and a fatal `CheckGlobalAndEternalHandles`. effect/cli (`cli/CliOutput.js`) and
 * string-width make an `Intl.Segmenter` when their modules are evaluated, so while those modules load, the
 * constructor is a stand-in whose objects make the real segmenter on first use — after deserialization, or a
 * fresh one per call while the snapshot is still being built (a warm-up run). `restoreSegmenter` puts the real
 * constructor back once the app's modules are evaluated. Imported first by entry.ts.
 */
import { startupSnapshot } from "node:v8"

const Real = Intl.Segmenter

class LazySegmenter {
  readonly #args: ConstructorParameters<typeof Intl.Segmenter>
  #real: Intl.Segmenter | undefined
  constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
    this.#args = args
  }
  #get(): Intl.Segmenter {
    if (startupSnapshot.isBuildingSnapshot()) return new Real(...this.#args)
    this.#real ??= new Real(...this.#args)
    return this.#real
  }
  segment(input: string): Intl.Segments {
    return this.#get().segment(input)
  }
  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#get().resolvedOptions()
  }
}

Reflect.set(Intl, "Segmenter", LazySegmenter)

export const restoreSegmenter = (): void => {
  Reflect.set(Intl, "Segmenter", Real)
}
