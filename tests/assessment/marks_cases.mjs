// The read marks (marks.js) against a stand-in localStorage, and share links' certainty
// (state.js), run in Node for tests/assessment/test_marks.py.
// stdin: {"data": data}; stdout: {name: value, ...}.
import { readFileSync } from "node:fs";

const store = new Map();
globalThis.window = { localStorage: {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => { if (globalThis.refuse) throw new Error("quota"); store.set(k, String(v)); },
  removeItem: (k) => store.delete(k),
} };
globalThis.btoa = (s) => Buffer.from(s, "binary").toString("base64");
globalThis.atob = (s) => Buffer.from(s, "base64").toString("binary");

const { readIds, setRead, STORAGE_KEY } = await import("../../generator/assets/assessment/marks.js");
const S = await import("../../generator/assets/assessment/state.js");
const { translator } = await import("../../generator/assets/assessment/report.js");
const { data } = JSON.parse(readFileSync(0, "utf8"));
const t = translator(data.strings);
const out = {};
const [r1, r2] = data.resources.map((r) => r.id);
out.ids = [r1, r2];

// Nothing saved: a mark makes a state the assessment reads as "not started, these read".
out.fresh = setRead(r1, true);
out.fresh_ids = [...readIds()];
const loaded = S.loadSaved(data, t);
out.fresh_loaded = { step: loaded.saved.step, read: loaded.saved.doc.read || [], notes: loaded.notes,
  mode: loaded.saved.doc.mode };
setRead(r2, true);
setRead(r1, false);
out.after_toggle = [...readIds()];
setRead(r2, false);
out.none_left = "read" in JSON.parse(store.get(STORAGE_KEY)).doc;

// A saved assessment keeps its answers; only `read` changes.
store.set(STORAGE_KEY, JSON.stringify({ doc: { format: "mlpm-assessment-result", format_version: 1,
  ratings: { a: { level: 2, hash: "x" } }, answers: {}, read: ["old", 5] }, step: "result" }));
setRead("r3", true);
const kept = JSON.parse(store.get(STORAGE_KEY));
out.kept = { ratings: kept.doc.ratings, read: kept.doc.read, step: kept.step };

// An unreadable state is the assessment's to set aside: never overwritten.
store.set(STORAGE_KEY, "{not json");
out.unreadable = [setRead("r4", true), store.get(STORAGE_KEY)];
// Storage refusing: reported, nothing changed.
store.delete(STORAGE_KEY);
globalThis.refuse = true;
out.refused = [setRead("r5", true), store.has(STORAGE_KEY)];
globalThis.refuse = false;

// Share links carry how sure each answer was; values other than 1–3 are left out.
const skill = data.skills.find((s) => s.checks.length >= 2);
const [c1, c2] = skill.checks;
const doc = S.newDoc(data, "full", data.roles[0].id, "Ada");
doc.answers[c1.id] = { choice: 0, hash: c1.hash, sure: 3 };
doc.answers[c2.id] = { choice: 1, hash: c2.hash };
const payload = S.sharePayload(doc);
const raw = JSON.parse(Buffer.from(payload.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString());
out.share_s = raw.s;
const back = S.readShare(data, payload, t).doc;
out.share_back = [back.answers[c1.id].sure ?? null, back.answers[c2.id].sure ?? null];
const bad = Buffer.from(JSON.stringify({ ...raw, s: { [c1.id]: 9, [c2.id]: "3" } })).toString("base64")
  .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const badBack = S.readShare(data, bad, t).doc;
out.share_bad = [badBack.answers[c1.id].sure ?? null, badBack.answers[c2.id].sure ?? null];
delete doc.answers[c1.id].sure;
out.share_no_s = "s" in JSON.parse(Buffer.from(S.sharePayload(doc).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString());
process.stdout.write(JSON.stringify(out));
