// The site's entry point, loaded on every page as a deferred classic script (see
// config.OUR_JS for why not a module). It does nothing unless the page has #assessment-app
// (it loads the app there) or the reading list's filters and read marks (it loads reading.js);
// both mount again after each Material instant navigation. `import()` in a classic script
// resolves against the script's own address, as in a module.
(() => {
  "use strict";

  function fail(root, err) {
    const p = document.createElement("p");
    p.className = "assess-error";
    p.setAttribute("role", "alert");
    p.textContent = (root.dataset.error || "{reason}").replace("{reason}", err.message);
    root.replaceChildren(p);
    root.removeAttribute("aria-busy");
  }

  function boot() {
    // Material's instant navigation parses the next page without scripting, so a <noscript>
    // in it would apply: its style hides the controls that need JavaScript (the reading
    // list's, the assessment's first view) and its text says JavaScript is off.
    for (const el of document.querySelectorAll(".md-content noscript")) el.remove();
    // The reading list's filters and the read marks (reading list, skill pages).
    if (document.querySelector("#reading-filter, input[data-read]")) {
      import("./reading.js").then((reading) => reading.mount());
    }
    const root = document.getElementById("assessment-app");
    if (!root) return;
    // The first view shows the role a link asks for (?role= or #role=) while the app loads.
    let wanted = new URLSearchParams(window.location.search).get("role");
    const hash = /^#role=(.*)$/.exec(window.location.hash);
    try {
      if (hash) wanted = decodeURIComponent(hash[1]);
    } catch {
      // A malformed link: the app says so.
    }
    const radio = wanted && [...root.querySelectorAll(".assess-preview input[name=role]")].find((r) => r.value === wanted);
    if (radio) radio.checked = true;
    import("./controller.js").then((app) => app.mount(root)).catch((err) => fail(root, err));
  }

  // Material's document$ fires on the first load and after every instant navigation.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(() => boot());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
  // A pasted #share= or #role= link on the same page changes only the hash.
  window.addEventListener("hashchange", () => {
    if (/^#(role|share)=/.test(window.location.hash)) boot();
  });
})();
