// The resources a person marked as read, kept where the assessment keeps them: ``doc.read``
// of the saved state in localStorage (so the plan leaves them out, and export/import carry
// them). Used by the reading list and the skill pages without loading the assessment's data:
// this module reads and writes the stored JSON as it is, and the assessment checks every
// entry when it loads it (state.js).

export const FORMAT = "mlpm-assessment-result";
export const STORAGE_KEY = "mlpm-assessment";

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function stored() {
  const store = storage();
  try {
    return store ? store.getItem(STORAGE_KEY) : null;
  } catch {
    return null;
  }
}

/** The ids marked as read (unchecked strings: the pages only look them up). */
export function readIds() {
  let raw;
  try {
    raw = JSON.parse(stored());
  } catch {
    return new Set();
  }
  const list = isObject(raw) && isObject(raw.doc) && Array.isArray(raw.doc.read) ? raw.doc.read : [];
  return new Set(list.filter((x) => typeof x === "string"));
}

/**
 * Mark ``id`` as read (``on``) or not. With nothing saved yet, a new state holds just the
 * marks (an assessment not yet started). Returns false when the browser refuses, or when the
 * saved state cannot be read: that one is the assessment's to set aside, never overwritten.
 */
export function setRead(id, on) {
  const text = stored();
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  let raw;
  if (text === null) {
    raw = { doc: { format: FORMAT, format_version: 1, created: stamp, updated: stamp, mode: "quick",
      ratings: {}, answers: {} }, step: "start", pending: null };
  } else {
    try {
      raw = JSON.parse(text);
    } catch {
      return false;
    }
    if (!isObject(raw) || !isObject(raw.doc)) return false;
  }
  const read = new Set(Array.isArray(raw.doc.read) ? raw.doc.read.filter((x) => typeof x === "string") : []);
  if (on) read.add(id);
  else read.delete(id);
  if (read.size) raw.doc.read = [...read];
  else delete raw.doc.read;
  raw.doc.updated = stamp;
  try {
    storage().setItem(STORAGE_KEY, JSON.stringify(raw));
    return true;
  } catch {
    return false;
  }
}
