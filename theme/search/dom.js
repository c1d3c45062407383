/* The page's state in its address, elements, passages and the results' order. */

import { ROOT } from "./files.js";

/* ---- State in the URL ---------------------------------------------------------- */

export const FACET_PARAMS = ["topic", "outlet", "section", "year", "entity"];

export const readState = () => {
  const params = new URLSearchParams(location.search);
  const filters = FACET_PARAMS.flatMap((name) =>
    params.getAll(name).map((key) => ({ name, key })),
  );
  const month = (name) => (/^\d{4}-\d{2}$/.test(params.get(name) || "") ? params.get(name) : "");
  const sort = ["newest", "oldest"].includes(params.get("sort")) ? params.get("sort") : "";
  return { q: params.get("q") || "", filters, sort, from: month("from"), to: month("to") };
};

export const stateURL = (state) => {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { name, key } of state.filters) params.append(name, key);
  for (const name of ["from", "to", "sort"]) if (state[name]) params.set(name, state[name]);
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
};

export const sameFilter = (a, b) => a.name === b.name && a.key === b.key;

/* ---- DOM helpers ------------------------------------------------------------------ */

export const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
};

export const siteURL = (path) => (path ? `${ROOT}${path}` : null);

/** Names as a sentence says them: "A", "A and B", "A, B and C". */
export const sayNames = (names) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** Text with the words whose stems the query matched wrapped in <mark>. */
export const highlighted = (engine, text, matched) => {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(/(\s+)/)) {
    if (part && !/^\s+$/.test(part) && engine.stems(part).some((s) => matched.has(s))) {
      fragment.append(el("mark", {}, part));
    } else if (part) {
      fragment.append(document.createTextNode(part));
    }
  }
  return fragment;
};

export const SNIPPET_WORDS = 36;
export const SNIPPETS = 3;

/** About 36 words of ``text`` around its first matched word (or its start). */
export const snippet = (engine, text, matched) => {
  const words = text.split(/\s+/).filter(Boolean);
  let hit = words.findIndex((word) => engine.stems(word).some((s) => matched.has(s)));
  if (hit < 0) hit = 0;
  const start = Math.max(0, hit - 8);
  const end = Math.min(words.length, start + SNIPPET_WORDS);
  const shown = words.slice(start, end).join(" ");
  return `${start > 0 ? "… " : ""}${shown}${end < words.length ? " …" : ""}`;
};

/** Up to three passages, the paragraphs with the most of the matched terms (then the
 * most matches, then the earliest), in article order: [{number, text}]. With no match
 * in the text (a title match), the lead. */
export const bestPassages = (engine, paragraphs, matched) => {
  const scored = paragraphs.map((text, i) => {
    const hits = text.split(/\s+/).flatMap((word) => engine.stems(word)).filter((s) => matched.has(s));
    return { number: i + 1, text, distinct: new Set(hits).size, hits: hits.length };
  });
  const best = scored
    .filter((p) => p.distinct)
    .sort((a, b) => b.distinct - a.distinct || b.hits - a.hits || a.number - b.number)
    .slice(0, SNIPPETS)
    .sort((a, b) => a.number - b.number);
  return best.length ? best : scored.slice(0, 1);
};

/** Whether one of ``paragraphs`` holds every stem of ``matched`` (then no later paragraph
 * can be a better passage than the best of these). */
export const holdsAll = (engine, paragraphs, matched) =>
  paragraphs.some((text) => {
    const stems = new Set(text.split(/\s+/).flatMap((word) => engine.stems(word)));
    return [...matched].every((stem) => stems.has(stem));
  });

export const toggle = (filters, filter) =>
  filters.some((f) => sameFilter(f, filter))
    ? filters.filter((f) => !sameFilter(f, filter))
    : [...filters, filter];

/** Rows as CSV (RFC 4180), with a cell that a spreadsheet would read as a formula
 * ("=", "+", "-", "@" first) quoted behind an apostrophe. */
export const toCSV = (rows) => {
  if (!rows.length) return "";
  const columns = Object.keys(rows[0]);
  const cell = (value) => {
    let text = String(value ?? "");
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))].join("\r\n") + "\r\n";
};

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
export const monthName = (month) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The results within the state's months (a date known only to its year is in range when
 * the whole year is), sorted newest or oldest first when asked, undated last. Documents
 * are numbered in date order, so a sort by date is a sort by number (articles of the
 * same date stay in the corpus's order). */
export const byDate = (results, monthOf, { sort, from, to }) => {
  let keep = results;
  if (from || to) {
    keep = keep.filter((match) => {
      const month = monthOf(match);
      if (!month) return false;
      const first = month.length === 4 ? `${month}-01` : month;
      const last = month.length === 4 ? `${month}-12` : month;
      return (!from || first >= from) && (!to || last <= to);
    });
  }
  if (!sort) return keep;
  const direction = sort === "newest" ? -1 : 1;
  return [...keep].sort((a, b) => {
    const [da, db] = [monthOf(a) ? 0 : 1, monthOf(b) ? 0 : 1];
    return da - db || (da ? a.doc - b.doc : direction * (a.doc - b.doc));
  });
};

/** The results that have every selected facet value, in order. */
export const applyFilters = (results, chosen, filters) => {
  let keep = results;
  for (const filter of filters) {
    const value = chosen.get(`${filter.name}\u0000${filter.key}`);
    const docs = value ? value.docs : new Set();
    keep = keep.filter((match) => docs.has(match.doc));
  }
  return keep;
};
