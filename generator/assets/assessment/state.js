// The person's answers: one result document (docs/result-format.md) plus where they are
// in the flow, kept in localStorage. Everything read from outside (storage, a file, a
// share link) is checked here, entry by entry: what is valid is kept, the rest is
// reported in a note, and nothing read from outside can break the page.

import { questionsFor, validChoice, validRating, validSure } from "./scoring.js";
import { FORMAT, STORAGE_KEY } from "./marks.js";

export { FORMAT, STORAGE_KEY };
export const FORMAT_VERSION = 1;

/** A problem that stops a file, link or saved state from being used at all. */
export class Unreadable extends Error {}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");

export const NAME_MAX = 200;

/** At most ``max`` characters, never splitting one (an emoji is two UTF-16 code units, and
 * half of one is a lone surrogate that no file or terminal can hold). */
export function cut(text, max) {
  return Array.from(String(text)).slice(0, max).join("")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** A new, empty result document for the current content. */
export function newDoc(data, mode, role, name, rater) {
  const stamp = now();
  const doc = { format: FORMAT, format_version: FORMAT_VERSION, framework: data.framework.name,
    framework_version: data.framework.version, content_version: data.content_version,
    created: stamp, updated: stamp, mode, role, ratings: {}, answers: {} };
  if (name) doc.name = cut(name, NAME_MAX);
  if (rater && mode === "opinion") doc.rater = cut(rater, NAME_MAX);
  return doc;
}

export function touch(doc) {
  doc.updated = now();
}

function index(data) {
  const skills = new Map(data.skills.map((s) => [s.id, s]));
  const checks = new Map(data.skills.flatMap((s) => s.checks.map((c) => [c.id, c])));
  return { skills, checks };
}

/**
 * Keep the valid, current entries of ``ratings`` and ``answers``. ``bare`` is for share
 * links, whose entries are plain values (``{skill: level}``, ``{check: choice}``) that
 * take the current hashes. Returns {ratings, answers, unknown, invalid, stale} (ids).
 */
function cleanEntries(data, ratingsIn, answersIn, bare) {
  const { skills, checks } = index(data);
  const out = { ratings: {}, answers: {}, unknown: [], invalid: [], stale: [] };
  const walk = (entries, known, field, currentHash, isValid, into) => {
    for (const [id, entry] of Object.entries(isObject(entries) ? entries : {})) {
      const item = known.get(id);
      if (!item) {
        out.unknown.push(id);
        continue;
      }
      const value = bare ? entry : isObject(entry) ? entry[field] : undefined;
      const hash = bare ? currentHash(item) : isObject(entry) ? entry.hash : undefined;
      if (!isValid(item, value)) out.invalid.push(id);
      else if (hash !== currentHash(item)) out.stale.push(id);
      else {
        into[id] = { [field]: value, hash };
        // "How sure were you?" travels with its answer when it is valid (1–3).
        const sure = bare ? null : validSure(entry);
        if (field === "choice" && sure !== null) into[id].sure = sure;
      }
    }
  };
  walk(ratingsIn, skills, "level", (s) => s.rating_hash,
    (s, v) => validRating(data, s, { level: v, hash: s.rating_hash }) !== null, out.ratings);
  walk(answersIn, checks, "choice", (c) => c.hash,
    (c, v) => validChoice(c, { choice: v, hash: c.hash }) !== null, out.answers);
  return out;
}

/** Input shown back in a message, cut short: a notice must stay readable whatever it quotes. */
export function short(value, max = 40) {
  const text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** At most five ids, each cut short, and how many more there were. */
function listIds(ids) {
  const shown = ids.slice(0, 5).map((id) => short(id)).join(", ");
  return ids.length > 5 ? `${shown} (+${ids.length - 5})` : shown;
}

function notesFor(t, cleaned, where) {
  const notes = [];
  if (cleaned.stale.length) notes.push(t("note_stale", { n: cleaned.stale.length, where }));
  if (cleaned.unknown.length) {
    notes.push(t("note_unknown", { n: cleaned.unknown.length, where, ids: listIds(cleaned.unknown) }));
  }
  if (cleaned.invalid.length) {
    notes.push(t("note_invalid", { n: cleaned.invalid.length, where, ids: listIds(cleaned.invalid) }));
  }
  return notes;
}

const roleOr = (data, role) => (data.roles.some((r) => r.id === role) ? role : data.roles[0].id);

/**
 * Check a parsed result document (from a file or storage) against the current content.
 * Throws ``Unreadable`` when it is not a result document we can read; otherwise returns
 * {doc, notes}: a clean document for the current content and what was dropped.
 */
export function readDoc(data, raw, t, where) {
  if (!isObject(raw) || raw.format !== FORMAT) throw new Unreadable(t("error_not_result", { where }));
  if (!Number.isInteger(raw.format_version) || raw.format_version < 1) {
    throw new Unreadable(t("error_not_result", { where }));
  }
  if (raw.format_version > FORMAT_VERSION) throw new Unreadable(t("error_newer", { where }));
  const cleaned = cleanEntries(data, raw.ratings, raw.answers, false);
  const notes = notesFor(t, cleaned, where);
  const mode = ["quick", "opinion"].includes(raw.mode) ? raw.mode : "full";
  const role = roleOr(data, raw.role);
  if (raw.role !== undefined && role !== raw.role) notes.push(t("note_role", { where }));
  const doc = newDoc(data, mode, role, typeof raw.name === "string" ? raw.name : "",
    typeof raw.rater === "string" ? raw.rater : "");
  const stamp = /^\d{4}-\d\d-\d\dT[\d:.]+Z$/;
  if (typeof raw.created === "string" && stamp.test(raw.created)) doc.created = raw.created;
  if (typeof raw.updated === "string" && stamp.test(raw.updated)) doc.updated = raw.updated;
  doc.ratings = cleaned.ratings;
  // A second opinion holds ratings only (docs/result-format.md).
  doc.answers = mode === "opinion" ? {} : cleaned.answers;
  const read = readList(data, raw.read);
  if (read.length) doc.read = read;
  const history = earlierTakes(data, raw.history);
  if (history.length) doc.history = history;
  return { doc, notes, changed: cleaned.stale.length > 0 || raw.content_version !== data.content_version };
}

export const HISTORY_MAX = 5;

/** Earlier takes (``history``), oldest first, with their entries that still count (as
 * results.py's ``earlier_takes``). */
export function earlierTakes(data, value) {
  if (!Array.isArray(value)) return [];
  return value.slice(-HISTORY_MAX).filter((e) => isObject(e) && typeof e.updated === "string").map((e) => {
    const cleaned = cleanEntries(data, e.ratings, e.answers, false);
    return { updated: cut(e.updated, 40), mode: ["quick", "opinion"].includes(e.mode) ? e.mode : "full",
      ratings: cleaned.ratings, answers: cleaned.answers };
  });
}

/** The resources marked as read: known ids, each once, in content order. */
export function readList(data, value) {
  if (!Array.isArray(value)) return [];
  const marked = new Set(value.filter((x) => typeof x === "string"));
  return data.resources.map((r) => r.id).filter((id) => marked.has(id));
}

/** Read an imported file's text; the messages name the file. */
export function readFile(data, text, filename, t) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Unreadable(t("error_not_json", { where: filename }));
  }
  return readDoc(data, raw, t, filename);
}

/**
 * What still needs asking in the document's mode, given its answers so far (quick mode
 * asks adaptively: scoring.js's ``questionsFor``): {skills: [ids], checks: [ids]} of the
 * ratings and checks with no valid answer, in asking order.
 */
export function unanswered(data, doc) {
  const skills = [];
  const checks = [];
  for (const q of questionsFor(data, doc.mode, doc)) {
    if (q.check === null) {
      if (!own(doc.ratings, q.skill)) skills.push(q.skill);
    } else if (!own(doc.answers, q.check)) checks.push(q.check);
  }
  return { skills, checks };
}

// --- localStorage -----------------------------------------------------------------

/** Storage that may be missing (private mode, disabled): every call is guarded. */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The saved state {doc, step, pending, at}, or null. An unreadable state is set aside under
 * ``STORAGE_KEY + ":unreadable"`` (never lost) and reported in ``notes``.
 */
export function loadSaved(data, t) {
  const store = storage();
  const notes = [];
  let text = null;
  try {
    text = store ? store.getItem(STORAGE_KEY) : null;
  } catch {
    text = null;
  }
  if (text === null) return { saved: null, notes, changed: false };
  const where = t("where_saved");
  try {
    let raw;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Unreadable(t("error_not_json", { where }));
    }
    if (!isObject(raw)) throw new Unreadable(t("error_not_result", { where }));
    const { doc, notes: docNotes, changed } = readDoc(data, raw.doc, t, where);
    notes.push(...docNotes);
    let step = raw.step;
    if (!(step === "start" || step === "result" || (Number.isInteger(step) && step >= 0))) step = 0;
    const pending = isObject(raw.pending) && Array.isArray(raw.pending.skills)
      && Array.isArray(raw.pending.checks)
      ? { skills: raw.pending.skills.filter((x) => typeof x === "string"),
        checks: raw.pending.checks.filter((x) => typeof x === "string") }
      : null;
    // Where the person was on the step (an input's name): restored after a reload.
    const at = typeof raw.at === "string" && raw.at.length < 300 ? raw.at : null;
    return { saved: { doc, step, pending, at }, notes, changed, text };
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    // Remove first: a large state and its copy may not fit in storage together.
    try {
      store.removeItem(STORAGE_KEY);
      store.setItem(`${STORAGE_KEY}:unreadable`, text);
    } catch {
      // Storage refused the copy: put the state back where it was, so nothing is lost.
      try { store.setItem(STORAGE_KEY, text); } catch { /* nothing more we can do */ }
    }
    notes.push(t("error_saved", { reason: err.message }));
    return { saved: null, notes, changed: false };
  }
}

/** Save the state; returns false when the browser refuses (the app then says so once). */
export function save(saved) {
  const store = storage();
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function clearSaved() {
  try {
    storage().removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

// --- share links ---------------------------------------------------------------------

function toBase64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(payload) {
  const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The ``#share=`` payload of a document: no hashes, no name. ``s`` (how sure, per
 * answer) only when some answer says, so the shared result's calibration is the same. */
export function sharePayload(doc) {
  const t = Object.fromEntries(Object.entries(doc.ratings).map(([k, v]) => [k, v.level]));
  const a = Object.fromEntries(Object.entries(doc.answers).map(([k, v]) => [k, v.choice]));
  const s = Object.fromEntries(Object.entries(doc.answers).filter(([, v]) => validSure(v) !== null)
    .map(([k, v]) => [k, v.sure]));
  const payload = { v: 1, c: doc.content_version, m: doc.mode, r: doc.role, t, a };
  if (Object.keys(s).length) payload.s = s;
  return toBase64url(JSON.stringify(payload));
}

/** Read a share payload into {doc, notes}; throws ``Unreadable`` for a damaged link. */
export function readShare(data, payload, t) {
  let raw;
  try {
    raw = JSON.parse(fromBase64url(payload));
  } catch {
    throw new Unreadable(t("error_share"));
  }
  if (!isObject(raw) || raw.v !== 1 || !isObject(raw.t) || !isObject(raw.a)) {
    throw new Unreadable(t("error_share"));
  }
  const cleaned = cleanEntries(data, raw.t, raw.a, true);
  const where = t("where_share");
  const notes = notesFor(t, cleaned, where);
  if (raw.c !== data.content_version) notes.unshift(t("note_share_version"));
  const doc = newDoc(data, raw.m === "quick" ? "quick" : "full", roleOr(data, raw.r), "");
  if (raw.r !== doc.role) notes.push(t("note_role", { where }));
  doc.ratings = cleaned.ratings;
  doc.answers = cleaned.answers;
  // How sure each answer was (1–3), for the answers kept; anything else is left out.
  const sure = isObject(raw.s) ? raw.s : {};
  for (const [id, answer] of Object.entries(doc.answers)) {
    const value = own(sure, id) ? validSure({ sure: sure[id] }) : null;
    if (value !== null) answer.sure = value;
  }
  return { doc, notes };
}
