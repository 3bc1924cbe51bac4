// docs/feed.schema.json accepts the published sample feed and refuses known-bad pages.
// Run from the repository root, after `npm install`:  node --test tests/schema.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../", import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));

const schema = readJson("docs/feed.schema.json");
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function errorsOf(page) {
  return validate(page) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}

const feedPages = readdirSync(new URL("public/feed/", root))
  .filter((name) => /^page-\d+\.json$/.test(name))
  .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));

test("there is a sample feed to check", () => {
  assert.ok(feedPages.length >= 2, `found ${feedPages.length} pages in public/feed`);
});

for (const name of feedPages) {
  test(`public/feed/${name} matches the schema`, () => {
    assert.deepEqual(errorsOf(readJson(`public/feed/${name}`)), []);
  });
}

const fixture = (name) => readJson(`core/tests/fixtures/${name}`);

for (const name of ["good-page.json", "numeric-id.json", "tombstone.json"]) {
  test(`good fixture ${name} matches the schema`, () => {
    assert.deepEqual(errorsOf(fixture(name)), []);
  });
}

// Each bad fixture, and a path its error must mention.
const bad = {
  "javascript-link.json": "/items/0/data/organisation/url",
  "data-link.json": "/items/0/data/howToApply",
  "long-title.json": "/items/0/data/title",
  "wrong-kind.json": "/items/0/kind",
  "missing-field.json": "/items/1/data",
  "items-not-array.json": "/items",
  "missing-next.json": "/",
};

for (const [name, path] of Object.entries(bad)) {
  test(`bad fixture ${name} is refused`, () => {
    const errors = errorsOf(fixture(name));
    assert.ok(errors.length > 0, "expected the schema to refuse it");
    assert.ok(
      errors.some((e) => e.startsWith(path)),
      `expected an error at ${path}, got:\n${errors.join("\n")}`,
    );
  });
}

test("the schema is stricter than the app about unknown listing fields", () => {
  // The app ignores fields it does not know; the schema refuses them inside `data`
  // (to catch misspellings such as closing_date) but allows them on pages and items.
  const errors = errorsOf(fixture("extra-fields.json"));
  assert.ok(errors.some((e) => e.startsWith("/items/0/data")), errors.join("\n"));
  // Nothing about the page's or the item's own extra fields.
  assert.ok(!errors.some((e) => e.includes("additional") && !e.startsWith("/items/0/data")), errors.join("\n"));
});

test("a tombstone must not carry data, and an update must", () => {
  const page = fixture("tombstone.json");
  page.items[0].data = fixture("good-page.json").items[1].data;
  assert.ok(errorsOf(page).length > 0);
  const update = fixture("good-page.json");
  delete update.items[0].data;
  assert.ok(errorsOf(update).some((e) => e.startsWith("/items/0")));
});

test("limits and tagged unions from the Rust model are enforced", () => {
  const base = () => fixture("good-page.json");
  const cases = [
    ["paid with no amount", (p) => delete p.items[0].data.payment.amountPence],
    ["amount over £100,000", (p) => (p.items[0].data.payment.amountPence = 10_000_001)],
    ["unknown attendance mode", (p) => (p.items[0].data.attendance = { mode: "boat" })],
    ["in-person without a place", (p) => (p.items[0].data.attendance = { mode: "in-person" })],
    ["choice question without options", (p) => delete p.items[0].data.howToApply.questions[2].options],
    ["yes-no question with options", (p) => (p.items[0].data.howToApply.questions[4].options = ["a"])],
    ["maxLength over 10000", (p) => (p.items[0].data.howToApply.questions[0].maxLength = 10_001)],
    ["minimum age over 100", (p) => (p.items[0].data.eligibility.minimumAge = 101)],
    ["closing date not YYYY-MM-DD", (p) => (p.items[0].data.closingDate = "1 March 2027")],
    ["lastUpdated without an offset", (p) => (p.items[0].data.lastUpdated = "2026-11-02T10:00:00")],
    ["bad email", (p) => (p.items[0].data.contact.email = "jo at fenwick")],
    ["phone with too few digits", (p) => (p.items[0].data.contact.phone = "999")],
    ["blank summary", (p) => (p.items[0].data.summary = "   ")],
    ["postcode over 10 characters", (p) => (p.items[0].data.attendance.place.postcode = "FN1 2AB FN1")],
    ["id with a space", (p) => (p.items[0].data.id = p.items[0].id = "fx rich")],
    ["HTML-style kind spelling", (p) => (p.items[0].data.kind = "AdvisoryGroup")],
    ["impact note without a date", (p) => (p.items[0].data.impactNote = { text: "We changed the leaflet." })],
    ["impact note date not YYYY-MM-DD", (p) => (p.items[0].data.impactNote = { text: "We changed it.", date: "May 2027" })],
    ["impact note over 5,000 characters", (p) => (p.items[0].data.impactNote = { text: "a".repeat(5001), date: "2027-05-01" })],
    ["blank impact note", (p) => (p.items[0].data.impactNote = { text: "  ", date: "2027-05-01" })],
    ["source without a name", (p) => (p.items[0].data.sources = [{ license: "CC-BY-4.0" }])],
    ["source with a javascript: link", (p) => (p.items[0].data.sources = [{ name: "X", url: "javascript:alert(1)" }])],
    ["more than 10 sources", (p) => (p.items[0].data.sources = Array.from({ length: 11 }, (_, i) => ({ name: `S${i}` })))],
  ];
  for (const [what, change] of cases) {
    const page = base();
    change(page);
    assert.ok(errorsOf(page).length > 0, `schema accepted: ${what}`);
  }
});

test("an impact note (an Open Door extension) is accepted, on a closed listing too", () => {
  const page = fixture("good-page.json");
  page.items[0].data.status = "closed";
  page.items[0].data.impactNote = { text: "Because of you we rewrote the leaflet.\n\nThank you.", date: "2027-05-01" };
  assert.deepEqual(errorsOf(page), []);
});

test("sources (written by a harvesting server) are accepted", () => {
  const page = fixture("good-page.json");
  page.items[0].data.sources = [
    { name: "Leeds Volunteer Centre", url: "https://volunteer.example.org/", license: "CC-BY-4.0" },
    { name: "Another server" },
  ];
  assert.deepEqual(errorsOf(page), []);
});
