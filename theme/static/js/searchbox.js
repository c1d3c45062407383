/* Every page but the search page: "/" focuses the search box, and the first focus on a
 * search box fetches the search page's scripts ahead of time (rel=prefetch), so the first
 * results come sooner. The search itself (the modules of search/js-…/) loads on the search
 * page only. */
(() => {
  "use strict";
  const ahead = (document.currentScript.dataset.prefetch || "").split(" ").filter(Boolean);

  const typing = (target) =>
    target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);

  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const box = document.querySelector(".search-input");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  let fetched = false;
  document.addEventListener(
    "focusin",
    (event) => {
      if (fetched || !event.target.matches || !event.target.matches(".search-input")) return;
      fetched = true;
      for (const href of ahead) {
        const link = document.createElement("link");
        link.rel = "prefetch";
        link.href = href;
        document.head.append(link);
      }
    },
    true,
  );
})();
