// The language selector keeps the reader on the same page. Every language has the same page
// paths (the generator guarantees it), so the page's address in another language is that
// language's base plus the path below the current language's base. Material's own lookup
// compares link prefixes and, with the source language at the site root, that root prefix
// matches every language's link, so it can send the reader to the other language's home.
// A click listener in the capture phase runs before Material's; without JavaScript the
// links still lead to the other language's home page. A deferred classic script.
(() => {
  "use strict";

  function bases() {
    return [...document.querySelectorAll(".md-select a[hreflang]")]
      .map((a) => ({ lang: a.getAttribute("hreflang"), url: new URL(a.href, window.location.href) }));
  }

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    const all = bases();
    const here = window.location;
    // The current language: the longest base the address is under (the root is under all).
    const current = all.filter((b) => b.url.origin === here.origin && here.pathname.startsWith(b.url.pathname))
      .sort((a, b) => b.url.pathname.length - a.url.pathname.length)[0];
    const target = all.find((b) => b.lang === link.getAttribute("hreflang"));
    if (!current || !target || target.url.origin !== here.origin) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const rest = here.pathname.slice(current.url.pathname.length);
    window.location.assign(target.url.pathname + rest + here.hash);
  }, true);
})();
