// The reading list's filters and the "I have read it" marks, on the reading list and on
// each skill page. Progressive: the controls are in the pages' HTML (so nothing moves when
// they are wired), hidden without JavaScript, when every resource shows; no data file is
// loaded here.

import { readIds, setRead, STORAGE_KEY } from "./marks.js";

const FIELDS = ["skill", "level", "kind", "cost"];

/** Wire whatever the current page has (called on every page, after each instant navigation). */
export function mount() {
  marks();
  const form = document.getElementById("reading-filter");
  if (form) filters(form);
}

// --- read marks -----------------------------------------------------------------------

/** The page's "I have read it" checkboxes (in its HTML, hidden without JavaScript): show the
 * stored marks and keep every change. */
function marks() {
  const read = readIds();
  for (const box of document.querySelectorAll("input[data-read]")) {
    const id = box.dataset.read;
    const holder = box.closest(".reading-item, li") || box;
    // Every mark says whose it is: " — <title>", as text, from the title's link.
    const whose = box.parentElement.querySelector(".reading-sr");
    const title = holder.querySelector("h2 a, h3 a, li > strong > a, li > a");
    if (whose && title && !whose.textContent) whose.textContent = ` — ${title.textContent.trim()}`;
    // Ticked before this module ran (the box is in the page from the start): keep the tick.
    if (box.dataset.wired !== "yes" && box.checked !== box.defaultChecked && !read.has(id)) setRead(id, true);
    else box.checked = read.has(id);
    holder.classList.toggle("is-read", box.checked);
    if (box.dataset.wired === "yes") continue;
    box.dataset.wired = "yes";
    box.addEventListener("change", () => {
      if (!setRead(id, box.checked)) box.checked = !box.checked; // storage refused: undo
      holder.classList.toggle("is-read", box.checked);
    });
  }
}

/** Another tab (or the assessment) changed the marks: show them here too. */
window.addEventListener("storage", (event) => {
  if (event.key === STORAGE_KEY || event.key === null) marks();
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
      // The heading's id is its anchor (the English name's slug); its area is data-area.
      const any = items.some((item) => !item.hidden && item.dataset.area === heading.dataset.area);
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
  apply(false);
}
