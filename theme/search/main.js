/* Full-text search in the browser: the entry (see README's Search for the files). */

import { facetKeyHash } from "./files.js";
import { prepare } from "./load.js";
import { SearchPage } from "./page.js";
import { parseQuery } from "./query.js";
import { splitTerm } from "./terms.js";

/* ---- Every page: "/" focuses search; focus loads it -------------------------- */

const typing = (target) =>
  target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (typing(event.target)) return;
  const box = document.querySelector("#search-q") || document.querySelector("#site-search-q");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

document.addEventListener(
  "focusin",
  (event) => {
    if (event.target.matches && event.target.matches(".search-input")) {
      prepare().catch(() => {}); // a failure shows when a query runs
    }
  },
  true,
);

window.newsSearch = { prepare, splitTerm, parseQuery, facetKeyHash };

const start = () => {
  const app = document.getElementById("search-app");
  if (app) window.newsSearch.page = new SearchPage(app);
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
