// The reading list's filters and the "I have read it" marks, on the reading list and on
// each skill page. Progressive: without JavaScript every resource shows and no control
// does; the pages carry the texts (data-* attributes) so no data file is loaded here.

import { readIds, setRead, STORAGE_KEY } from "./marks.js";

const FIELDS = ["skill", "level", "kind", "cost"];

/** Wire whatever the current page has (called on every page, after each instant navigation). */
export function mount() {
  const config = document.getElementById("reading-marks");
  if (config) marks(config);
  const form = document.getElementById("reading-filter");
  if (form) filters(form);
}

// --- read marks -----------------------------------------------------------------------

/** Where each resource's mark goes: on the reading list under the line that describes it
 * (kind, level, time, cost), on a skill page at the end of its list item. Yields
 * [id, title element, a function that places the mark, the resource's element]. */
function spots() {
  const out = [];
  for (const item of document.querySelectorAll(".reading-item[data-resource]")) {
    const heading = item.querySelector("h2, h3");
    const after = item.querySelector(".reading-meta") || heading;
    if (heading) out.push([item.dataset.resource, heading.querySelector("a") || heading, (el) => after.after(el), item]);
  }
  for (const link of document.querySelectorAll("li a[data-resource]")) {
    const li = link.closest("li");
    out.push([link.dataset.resource, link, (el) => li.append(el), li]);
  }
  return out;
}

function marks(config) {
  const read = readIds();
  for (const [id, title, place, holder] of spots()) {
    if (holder.querySelector(".reading-mark")) continue; // already wired
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `read-${id}`;
    box.dataset.read = id;
    box.checked = read.has(id);
    const label = document.createElement("label");
    label.className = "reading-mark";
    label.htmlFor = box.id;
    const text = document.createElement("span");
    text.textContent = config.dataset.mark;
    // The title joins the name for assistive technology: every mark says whose it is.
    const whose = document.createElement("span");
    whose.className = "reading-sr";
    whose.textContent = ` — ${title.textContent.replace(/¶$/, "").trim()}`;
    label.append(box, " ", text, whose);
    holder.classList.toggle("is-read", box.checked);
    box.addEventListener("change", () => {
      if (!setRead(id, box.checked)) box.checked = !box.checked; // storage refused: undo
      holder.classList.toggle("is-read", box.checked);
    });
    place(label);
  }
}

/** Another tab (or the assessment) changed the marks: show them here too. */
function refresh() {
  const read = readIds();
  for (const box of document.querySelectorAll("input[data-read]")) {
    box.checked = read.has(box.dataset.read);
    box.closest(".reading-item, li")?.classList.toggle("is-read", box.checked);
  }
}

window.addEventListener("storage", (event) => {
  if (event.key === STORAGE_KEY || event.key === null) refresh();
});

// --- filters ----------------------------------------------------------------------------

function filters(form) {
  const items = [...document.querySelectorAll(".reading-item[data-resource]")];
  const count = form.querySelector(".reading-filter__count");
  const none = form.querySelector(".reading-filter__none");
  const select = (name) => form.elements.namedItem(name);

  // A shared view: ?skill=…&level=…&kind=…&cost=… (values the page offers; others are ignored).
  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    const value = params.get(name);
    if (value !== null && [...select(name).options].some((o) => o.value === value)) select(name).value = value;
  }

  const apply = (announce) => {
    const want = Object.fromEntries(FIELDS.map((name) => [name, select(name).value]));
    let shown = 0;
    for (const item of items) {
      const d = item.dataset;
      const ok = (!want.skill || d.skills.split(" ").includes(want.skill)) && (!want.level || d.level === want.level)
        && (!want.kind || d.kind === want.kind) && (!want.cost || d.cost === want.cost);
      item.hidden = !ok;
      if (ok) shown += 1;
      // The page's table of contents lists only what shows.
      for (const a of document.querySelectorAll(`.md-nav--secondary a[href$="#${CSS.escape(d.resource)}"]`)) {
        a.closest("li").hidden = !ok;
      }
    }
    for (const heading of document.querySelectorAll(".reading-area")) {
      const any = items.some((item) => !item.hidden && item.dataset.area === heading.id);
      heading.hidden = !any;
      for (const a of document.querySelectorAll(`.md-nav--secondary a[href$="#${CSS.escape(heading.id)}"]`)) {
        a.closest("li").hidden = !any;
      }
    }
    none.hidden = shown > 0;
    const text = form.dataset.count.replace("{n}", String(shown)).replace("{total}", String(items.length));
    // The live region speaks a change the person made, not the page's first state.
    if (announce || count.textContent !== text) count.textContent = text;
    const url = new URL(window.location.href);
    for (const name of FIELDS) {
      if (want[name]) url.searchParams.set(name, want[name]);
      else url.searchParams.delete(name);
    }
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
  };

  if (form.dataset.wired !== "yes") {
    form.dataset.wired = "yes";
    form.addEventListener("change", () => apply(true));
    form.addEventListener("submit", (event) => event.preventDefault());
    // A reset changes the fields after the event: apply once it has.
    form.addEventListener("reset", () => setTimeout(() => apply(true)));
  }
  form.hidden = false;
  apply(false);
}
