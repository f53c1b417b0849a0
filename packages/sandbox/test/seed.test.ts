import { mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { demoSeed, loadSeedFile, parseSeed, SeedError, startSandbox } from "../src/index.ts"
import { post, start } from "./helpers.ts"

const op = { operatorId: "OP0000000007", email: "seven@example.com", password: "pw" }

const issuesOf = (value: unknown): ReadonlyArray<string> => {
  try {
    parseSeed(value)
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError)
    return (error as SeedError).issues
  }
  throw new Error("expected a SeedError")
}

describe("seed validation", () => {
  it("accepts the demo seed, an empty one, and a full one", () => {
    expect(parseSeed(demoSeed)).toBe(demoSeed)
    expect(parseSeed({ operators: [] })).toEqual({ operators: [] })
    const full = {
      operators: [
        {
          ...op,
          mfaSecret: "JBSWY3DPEHPK3PXP",
          authKeys: [{ authKeyId: "keyId-a", authKey: "secret-a" }],
          users: [
            {
              userName: "u",
              password: "p",
              mfaSecret: "JBSWY3DPEHPK3PXP",
              authKeys: [{ authKeyId: "keyId-b", authKey: "secret-b" }],
            },
          ],
        },
      ],
    }
    expect(parseSeed(full)).toEqual(full)
  })

  it.each([
    [null, "(root): must be an object"],
    [{}, "operators: required"],
    [{ operators: {} }, "operators: required, must be an array"],
    [{ operators: [], extra: 1 }, "(root).extra: unknown key"],
    // Every list: an array of objects, the problem named by its path.
    [{ operators: [7] }, "operators[0]: must be an object"],
    [{ operators: [{ ...op, authKeys: {} }] }, "operators[0].authKeys: must be an array"],
    [{ operators: [{ ...op, authKeys: ["k"] }] }, "operators[0].authKeys[0]: must be an object"],
    [{ operators: [{ ...op, users: "u" }] }, "operators[0].users: must be an array"],
    [{ operators: [{ ...op, users: [null] }] }, "operators[0].users[0]: must be an object"],
    [
      { operators: [{ ...op, users: [{ userName: "u", password: "p", trustPolicy: [[]] }] }] },
      "operators[0].users[0].trustPolicy[0]: must be an object",
    ],
    [{ operators: [{ ...op, operatorId: "OP1" }] }, "operators[0].operatorId: must look like OP0000000001"],
    [{ operators: [{ ...op, email: "nope" }] }, "operators[0].email: not a well-formed email address"],
    [{ operators: [{ ...op, password: "" }] }, "operators[0].password: must be a non-empty string"],
    [{ operators: [{ email: op.email, password: "p" }] }, "operators[0].operatorId: required"],
    [
      { operators: [{ ...op, mfaSecret: "not base32!" }] },
      "operators[0].mfaSecret: must be an upper-case RFC 4648 base32",
    ],
    [{ operators: [{ ...op, pasword: "typo" }] }, "operators[0].pasword: unknown key"],
    [
      { operators: [{ ...op, authKeys: [{ authKeyId: "id", authKey: "secret-a" }] }] },
      'operators[0].authKeys[0].authKeyId: must start with "keyId-"',
    ],
    [
      { operators: [{ ...op, authKeys: [{ authKeyId: "keyId-a", authKey: "a" }] }] },
      'operators[0].authKeys[0].authKey: must start with "secret-"',
    ],
    [
      { operators: [{ ...op, users: [{ userName: "has space", password: "p" }] }] },
      "operators[0].users[0].userName",
    ],
    [
      {
        operators: [
          {
            ...op,
            users: [
              { userName: "u", password: "p" },
              { userName: "u", password: "q" },
            ],
          },
        ],
      },
      "operators[0].users[1].userName: duplicate of operators[0].users[0].userName",
    ],
    [
      { operators: [op, { ...op, email: "other@example.com" }] },
      "operators[1].operatorId: duplicate of operators[0].operatorId",
    ],
    [
      { operators: [op, { ...op, operatorId: "OP0000000008", email: "SEVEN@example.com" }] },
      "operators[1].email: duplicate",
    ],
    [
      {
        operators: [
          { ...op, authKeys: [{ authKeyId: "keyId-a", authKey: "secret-a" }] },
          {
            operatorId: "OP0000000008",
            email: "e@example.com",
            password: "p",
            users: [
              { userName: "u", password: "p", authKeys: [{ authKeyId: "keyId-a", authKey: "secret-b" }] },
            ],
          },
        ],
      },
      "operators[1].users[0].authKeys[0].authKeyId: duplicate of operators[0].authKeys[0].authKeyId",
    ],
  ])("rejects %j: %s", (value, issue) => {
    expect(issuesOf(value).some((i) => i.startsWith(issue))).toBe(true)
  })

  it("lists every problem at once in the message", () => {
    const issues = issuesOf({ operators: [{ operatorId: "x", email: "y", password: 3 }] })
    expect(issues).toHaveLength(3)
    expect(() =>
      parseSeed({ operators: [{ operatorId: "x", email: "y", password: 3 }] }, "seed.json"),
    ).toThrow(/Invalid sandbox seed \(seed\.json\):\n {2}- operators\[0\]\.operatorId/)
  })

  it("startSandbox rejects an invalid seed and bad options", async () => {
    await expect(startSandbox({ seed: { operators: [{ ...op, email: "bad" }] } })).rejects.toThrow(SeedError)
    await expect(startSandbox({ hashCost: 0 })).rejects.toThrow(RangeError)
    await expect(startSandbox({ hashCost: 1, resetTokenTtlSeconds: 0 })).rejects.toThrow(RangeError)
  })
})

describe("loadSeedFile", () => {
  it("reads a seed that then signs in", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sandbox-seed-"))
    const file = join(dir, "seed.json")
    await writeFile(file, JSON.stringify({ operators: [op] }))
    const seed = await loadSeedFile(file)
    const s = await start({ seed })
    try {
      expect(s.seed).toEqual(seed)
      const r = await post(s, "/auth", { email: op.email, password: op.password })
      expect(r.json.operatorId).toBe(op.operatorId)
      expect(
        (await post(s, "/auth", { email: "demo@example.com", password: "demo-root-password" })).status,
      ).toBe(401)
    } finally {
      await s.close()
    }
  })

  it("names the file in errors: missing, not JSON, invalid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sandbox-seed-"))
    await expect(loadSeedFile(join(dir, "missing.json"))).rejects.toThrow(
      /missing\.json[\s\S]*cannot read the file/,
    )
    await writeFile(join(dir, "bad.json"), "{nope")
    await expect(loadSeedFile(join(dir, "bad.json"))).rejects.toThrow(/bad\.json[\s\S]*not valid JSON/)
    await writeFile(join(dir, "invalid.json"), "{}")
    await expect(loadSeedFile(join(dir, "invalid.json"))).rejects.toThrow(
      /invalid\.json[\s\S]*operators: required/,
    )
  })
})
