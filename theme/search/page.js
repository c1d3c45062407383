/* The search page: the form, the address as its state, results and facets. */

import { applyFilters, byDate, el, monthName, readState, stateURL, toggle } from "./dom.js";
import { FacetView } from "./facetview.js";
import { prepare } from "./load.js";
import { mixIn } from "./mixin.js";
import { ResultList } from "./results.js";

export class SearchPage {
  constructor(app) {
    this.app = app;
    this.form = app.querySelector(".search-form");
    this.input = app.querySelector("#search-q");
    this.layout = app.querySelector(".search-layout");
    this.status = app.querySelector(".search-status");
    this.filtersBox = app.querySelector(".search-filters");
    this.list = app.querySelector(".search-results");
    this.more = app.querySelector(".search-more");
    this.facetsBox = app.querySelector(".search-facets");
    this.exportBox = app.querySelector(".search-export");
    this.state = readState();
    this.run = 0;
    this.shown = 0;
    this.matches = [];
    this.timer = null;
    this.baseTitle = document.title;
    this.layout.hidden = false;
    this.bind();
    this.input.value = this.state.q;
    this.render();
  }

  bind() {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      this.update({ q: this.input.value.trim() }, "push");
    });
    this.input.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update({ q: this.input.value.trim() }, "replace"), 180);
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        const first = this.list.querySelector("a.result-link");
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    this.list.addEventListener("keydown", (event) => this.moveFocus(event));
    this.more.addEventListener("click", () => this.showMore());
    this.app.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-filter], a[data-month], a.clear-dates, a[data-q]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return;
      }
      event.preventDefault();
      if (link.dataset.q) {
        this.input.value = link.dataset.q;
        this.update({ q: link.dataset.q }, "push");
      } else if (link.dataset.month) {
        this.update({ from: link.dataset.month, to: link.dataset.month }, "push");
      } else if (link.classList.contains("clear-dates")) {
        this.update({ from: "", to: "" }, "push");
      } else {
        const filter = JSON.parse(link.dataset.filter);
        this.update({ filters: toggle(this.state.filters, filter) }, "push");
      }
    });
    if (this.exportBox) {
      this.exportBox.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-format]");
        if (button) this.download(button.dataset.format).catch((error) => this.say(`The download failed (${error.message}).`, "error"));
      });
    }
    window.addEventListener("popstate", () => {
      this.state = readState();
      this.input.value = this.state.q;
      this.render();
    });
  }

  moveFocus(event) {
    const links = [...this.list.querySelectorAll("a.result-link")];
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at < links.length - 1) links[at + 1].focus();
    else if (event.key === "ArrowUp" && at > 0) links[at - 1].focus();
    else if (event.key === "ArrowUp" || event.key === "Escape") this.input.focus();
    else return;
    event.preventDefault();
  }

  update(change, mode) {
    const next = { ...this.state, ...change };
    if (stateURL(next) === stateURL(this.state)) return;
    this.state = next;
    const address = stateURL(next);
    if (mode === "push") history.pushState(null, "", address);
    else history.replaceState(null, "", address);
    this.render();
  }

  say(message, kind = "") {
    this.status.textContent = message;
    this.status.className = `search-status ${kind}`.trim();
  }

  /** Show the results and facets for the current state (the URL's). */
  async render() {
    const run = ++this.run;
    delete this.app.dataset.rendered;
    delete this.app.dataset.results;
    delete this.app.dataset.complete;
    await this.show(run);
    // Tests and scripts wait for this: the state the page now shows.
    if (run === this.run) this.app.dataset.rendered = stateURL(this.state);
  }

  async show(run) {
    const { q, filters, sort, from, to } = this.state;
    document.title = q ? `${q} · ${this.baseTitle}` : this.baseTitle;
    if (!q && !filters.length && !from && !to) {
      this.clear();
      this.say("Type a word, a name or a designator such as S-400.");
      return;
    }
    if (!this.matches.length) this.say("Searching…");
    let found;
    let search;
    try {
      search = await prepare();
      if (q) {
        found = await search.search(q);
      } else {
        const all = Array.from({ length: search.manifest.documents }, (_, doc) => doc);
        found = { results: all.map((doc) => ({ doc, score: 0, terms: [] })), notes: [] };
      }
      const chosen = filters.length ? await search.filterValues(filters) : null;
      if (run !== this.run) return;
      const base = chosen ? applyFilters(found.results, chosen, filters) : found.results;
      // Documents are numbered in date order: dates cost no request.
      const monthOf = (match) => search.monthOf(match.doc);
      this.undated = sort || from || to ? base.filter((m) => !monthOf(m)).length : 0;
      this.matches = byDate(base, monthOf, this.state);
      this.shown = 0;
      const nodes = await this.nextResults(search);
      if (run !== this.run) return;
      this.list.replaceChildren(...nodes);
      this.shown = nodes.length;
      this.more.hidden = this.shown >= this.matches.length;
      if (this.exportBox) this.exportBox.hidden = !this.matches.length;
      this.summarise(found, q);
      this.renderFilters(search, chosen);
      this.app.dataset.results = stateURL(this.state);
      performance.mark("search-results"); // results are on screen (bench/search.py reads it)
      const docs = this.matches.map((match) => match.doc);
      const counts = await search.facetCounts(docs);
      if (run !== this.run) return;
      for (const [id, value] of chosen || []) {
        // A chosen value's documents are known: its count is exact, even when it is rare
        // or the others are estimated.
        const counted = counts.get(id.split("\u0000")[0]);
        if (counted) counted.set(value.key, { value, count: docs.filter((doc) => value.docs.has(doc)).length });
      }
      this.renderFacets(search, counts, chosen);
      this.facetsBox.prepend(this.dateSection(base, monthOf));
      await this.later; // the passages of long articles past their cards' first paragraphs
      if (run !== this.run) return;
      this.app.dataset.complete = stateURL(this.state);
      performance.mark("search-complete"); // facets and dates too (bench/search.py)
    } catch (error) {
      if (run !== this.run) return;
      this.clear();
      this.say(`Search could not load (${error.message}). Reload the page to try again.`, "error");
    }
  }

  clear() {
    this.matches = [];
    if (this.exportBox) this.exportBox.hidden = true;
    this.list.replaceChildren();
    this.filtersBox.replaceChildren();
    this.facetsBox.replaceChildren();
    this.more.hidden = true;
  }

  summarise(found, q) {
    const count = this.matches.length;
    const total = found.results.length;
    const noun = (n) => (n === 1 ? "article" : "articles");
    const notes = found.notes && found.notes.length ? ` ${found.notes.join(" ")}` : "";
    if (found.problem) {
      this.say(`${found.problem}${notes}`, "fallback");
      return;
    }
    let message;
    if (!q) message = `${count} ${noun(count)} match the filters.`;
    else if (found.anyWord) {
      message = `No article has every word of “${q}”; ${count} ${noun(count)} have some of them.`;
    } else if (count === total) message = `${count} ${noun(count)} for “${q}”.`;
    else message = `${count} of ${total} ${noun(total)} for “${q}” match the filters.`;
    const { sort, from, to } = this.state;
    if (from || to) {
      const span = from && to ? `from ${monthName(from)} to ${monthName(to)}` : from ? `from ${monthName(from)}` : `up to ${monthName(to)}`;
      message += ` Dated ${span}`;
      message += this.undated ? `; ${this.undated} undated ${noun(this.undated)} left out.` : ".";
    } else if (sort && this.undated) {
      message += ` ${this.undated} undated ${noun(this.undated)} come last.`;
    }
    if (!count) message = message.replace(/^0 articles/, "No articles").replace(/; 0 articles/, "; no articles");
    this.say(`${message}${notes}`, found.anyWord || notes ? "fallback" : "");
    for (const { word, terms } of found.suggestions || []) {
      const links = terms.map((term) => {
        const replaced = q.split(/\s+/).map((w) => (w === word ? term : w)).join(" ");
        return el("a", { href: stateURL({ ...this.state, q: replaced }), className: "suggestion", "data-q": replaced }, term);
      });
      const line = el("span", { className: "search-suggest" }, ` Nothing has “${word}”; did you mean `);
      links.forEach((link, i) => line.append(i ? (i === links.length - 1 ? " or " : ", ") : "", link));
      line.append("?");
      this.status.append(line);
    }
  }
}

// The result list's methods and the facets' are the page's too.
mixIn(SearchPage, ResultList, FacetView);
