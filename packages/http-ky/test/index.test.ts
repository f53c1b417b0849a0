import { expect, it } from "vitest"
import { packageName } from "../src/index.ts"

it("names itself", () => expect(packageName).toBe("@soracom-auth/http-ky"))
