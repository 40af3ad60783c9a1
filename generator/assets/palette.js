// The colour toggle: automatic → light → dark (the options of theme.palette), kept in the
// browser as Material keeps it (`__palette`, read before the first paint by Material's inline
// script), so the page shows the stored scheme at once and this script only has to show the
// right toggle. It does what Material's palette component does (theme/partials/palette.html
// says why that one is not started) without touching <body> at start-up unless the stored
// choice and the page disagree. A deferred classic script.
(() => {
  "use strict";

  const form = document.querySelector("form[data-mlpm-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input[name=__palette]")];
  if (!inputs.length) return;
  const light = matchMedia("(prefers-color-scheme: light)");
  const AUTO = "(prefers-color-scheme)";
  const stored = () => (typeof __md_get === "function" ? __md_get("__palette") : null);
  const store = (value) => { if (typeof __md_set === "function") __md_set("__palette", value); };
  const attr = (input, key) => input.getAttribute(`data-md-color-${key}`);

  /** The option in use: the stored one, else the first whose media query matches. */
  function initial() {
    const saved = stored();
    const index = saved && Number.isInteger(saved.index) ? saved.index
      : inputs.findIndex((input) => matchMedia(attr(input, "media")).matches);
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  /** The colours an option stands for; "automatic" takes the system's light or dark one. */
  function colours(input) {
    const media = attr(input, "media");
    const source = media === AUTO
      ? form.querySelector(`[data-md-color-media='(prefers-color-scheme: ${light.matches ? "light" : "dark"})']`) || input
      : input;
    return { media, scheme: attr(source, "scheme"), primary: attr(source, "primary"),
      accent: attr(source, "accent") };
  }

  let current = initial();

  function apply(index, switching) {
    current = index;
    const color = colours(inputs[index]);
    const body = document.body;
    const changed = Object.entries(color).filter(([key, value]) => body.getAttribute(`data-md-color-${key}`) !== value);
    // Material's style sheet turns transitions off while this attribute is set, so a switch
    // does not animate every colour on the page; not needed when nothing changes.
    if (switching && changed.length) body.setAttribute("data-md-color-switching", "");
    for (const [key, value] of changed) body.setAttribute(`data-md-color-${key}`, value);
    inputs.forEach((input, i) => {
      input.checked = i === index;
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    store({ index, color });
    if (switching && changed.length) {
      requestAnimationFrame(() => requestAnimationFrame(() => body.removeAttribute("data-md-color-switching")));
    }
    if (switching) meta(); else idle(meta);
  }

  /** The browser's own colours (address bar, form controls) follow the header's. */
  function meta() {
    const header = document.querySelector("header");
    if (!header) return;
    const style = getComputedStyle(header);
    const rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length === 3) tag("theme-color").content = `#${rgb.map((c) => (+c).toString(16).padStart(2, "0")).join("")}`;
    if (style.colorScheme) tag("color-scheme").content = style.colorScheme;
  }

  function tag(name) {
    let found = document.head.querySelector(`meta[name="${name}"]`);
    if (!found) {
      found = document.createElement("meta");
      found.name = name;
      document.head.appendChild(found);
    }
    return found;
  }

  // Reading computed style right after start-up would make the browser recalculate styles
  // inside this task; once the page is idle it is already up to date.
  function idle(task) {
    if ("requestIdleCallback" in window) requestIdleCallback(() => task(), { timeout: 2000 });
    else setTimeout(task, 200);
  }

  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    if (index >= 0) apply(index, true);
  });
  // As Material's: Enter on the toggle moves to the next option and keeps the focus on it.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = (current + 1) % inputs.length;
    inputs[next].click();
    inputs[next].focus();
  });
  // "Automatic" follows the system while the page is open; the next page reads the choice.
  light.addEventListener("change", () => {
    const saved = stored();
    if (saved && Number.isInteger(saved.index)) current = Math.max(0, Math.min(saved.index, inputs.length - 1));
    if (attr(inputs[current], "media") === AUTO) apply(current, true);
  });
  apply(current, false);
})();
