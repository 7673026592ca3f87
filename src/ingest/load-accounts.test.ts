import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { writeTempFiles } from "../../test/support/temp-files.js";
import { loadAccounts } from "./load-accounts.js";

const good = {
  id: "acme",
  name: "Acme",
  tier: "business",
  arr: 120000,
  health: "green",
  health_trend: "up",
  licensed_seats: 50,
  renewal_date: "2027-01-31",
  domains: ["acme.example"],
};

async function failureOf(file: string): Promise<InputError> {
  const error = await loadAccounts(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("loadAccounts", () => {
  it("reads a JSON array and fills defaults", async () => {
    const folder = await writeTempFiles({ "accounts.json": JSON.stringify([{ ...good, health_trend: undefined }]) });
    const [account] = await loadAccounts(path.join(folder, "accounts.json"));
    expect(account).toMatchObject({ id: "acme", arr: 120000, health_trend: "unknown", add_ons: [] });
  });

  it("reads CSV with lists separated by semicolons and blank optional cells", async () => {
    const folder = await writeTempFiles({
      "accounts.csv": [
        "id,name,tier,arr,health,health_trend,licensed_seats,renewal_date,champion,economic_buyer,domains,add_ons",
        'acme,"Acme, Inc.",business,"120,000",green,up,50,2027-01-31,Dana,,acme.example;acme.test,forecast',
      ].join("\n"),
    });
    const [account] = await loadAccounts(path.join(folder, "accounts.csv"));
    expect(account).toMatchObject({
      name: "Acme, Inc.",
      arr: 120000,
      champion: "Dana",
      domains: ["acme.example", "acme.test"],
      add_ons: ["forecast"],
    });
    expect(account).not.toHaveProperty("economic_buyer");
  });

  it("names the file, record and field of every bad value in JSON", async () => {
    const folder = await writeTempFiles({
      "accounts.json": JSON.stringify({ accounts: [good, { ...good, id: "bolt", health: "purple", arr: -5 }] }),
    });
    const file = path.join(folder, "accounts.json");
    const error = await failureOf(file);
    expect(error.problems).toEqual([
      expect.objectContaining({ file, record: "bolt", field: "arr" }),
      expect.objectContaining({ file, record: "bolt", field: "health" }),
    ]);
    expect(error.message).toContain(`${file}, record bolt, field "health"`);
    expect(error.message).toContain("nothing was written");
  });

  it("names the line of a bad CSV row", async () => {
    const folder = await writeTempFiles({
      "accounts.csv": ["id,name,tier,arr,health", "acme,Acme,business,100,green", "bolt,Bolt,team,lots,green"].join("\n"),
    });
    const error = await failureOf(path.join(folder, "accounts.csv"));
    expect(error.problems).toEqual([expect.objectContaining({ record: "bolt", line: 3, field: "arr" })]);
  });

  it("uses the position when a record has no usable id", async () => {
    const folder = await writeTempFiles({ "accounts.json": JSON.stringify([good, { ...good, id: "" }]) });
    const error = await failureOf(path.join(folder, "accounts.json"));
    expect(error.problems[0]).toMatchObject({ record: "#2", field: "id" });
  });

  it("refuses duplicate ids, unknown fields and a file that is not JSON", async () => {
    const folder = await writeTempFiles({
      "dupes.json": JSON.stringify([good, good]),
      "extra.json": JSON.stringify([{ ...good, helth: "green" }]),
      "broken.json": '[\n  { "id": "acme",\n  oops\n]',
    });
    expect((await failureOf(path.join(folder, "dupes.json"))).problems[0]).toMatchObject({ record: "acme", field: "id" });
    expect((await failureOf(path.join(folder, "extra.json"))).problems[0]?.reason).toMatch(/helth/);
    expect((await failureOf(path.join(folder, "broken.json"))).problems[0]).toMatchObject({ line: 3 });
  });

  it("refuses a file type it cannot read and a missing file", async () => {
    const folder = await writeTempFiles({ "accounts.xlsx": "" });
    expect((await failureOf(path.join(folder, "accounts.xlsx"))).message).toMatch(/use \.json or \.csv/);
    expect((await failureOf(path.join(folder, "missing.json"))).message).toMatch(/file not found/);
  });
});
