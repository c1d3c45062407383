/* The facets and dates beside the results (SearchPage's). */

import { el, monthName, stateURL, toggle } from "./dom.js";

export const TYPE_LABELS = {
  PERSON: "People",
  ORG: "Organisations",
  PLACE: "Places",
  WEAPON: "Weapon systems",
};

export class FacetView {
  /** The facets with their counts over the results (a chosen value shows even at 0). */
  renderFacets(search, counts, chosen) {
    const sections = [];
    for (const facet of search.facetNames()) {
      const values = counts.get(facet.name);
      for (const filter of this.state.filters) {
        const value = chosen && chosen.get(`${filter.name}\u0000${filter.key}`);
        if (filter.name === facet.name && value && !values.has(filter.key)) {
          values.set(filter.key, { value, count: 0 });
        }
      }
      const counted = [...values.values()];
      if (!counted.length) continue;
      const byLabel = (a, b) => a.value.label.localeCompare(b.value.label);
      if (facet.name === "entity") {
        for (const group of Object.keys(TYPE_LABELS)) {
          const top = counted
            .filter(({ value }) => value.group === group)
            .sort((a, b) => b.count - a.count || byLabel(a, b))
            .slice(0, facet.shown || undefined);
          if (top.length) sections.push(this.facetSection(facet, TYPE_LABELS[group], top));
        }
        if (counts.countedFrom && facet.shown) {
          sections.push(
            el("p", { className: "facet-note" }, `Names counted here are each in ${counts.countedFrom} or more articles of the corpus; a narrower search counts rarer names too.`),
          );
        }
      } else {
        // Years newest first, the undated last.
        const byKey = (a, b) => (a.value.key === "undated") - (b.value.key === "undated") || b.value.key.localeCompare(a.value.key);
        counted.sort(facet.name === "year" ? byKey : (a, b) => b.count - a.count || byLabel(a, b));
        sections.push(this.facetSection(facet, facet.label, counted));
      }
    }
    if (counts.sample) {
      const note = `Counts marked ≈ are estimated from ${counts.sample} of the ${this.matches.length} results; choose one for its exact number.`;
      sections.unshift(el("p", { className: "facet-note" }, note));
    }
    this.facetsBox.replaceChildren(...sections);
  }

  /** The dates of the results: sort, a from/to range by month, and how many results
   * each month has (each a link to that month), with the undated counted. */
  dateSection(results, monthOf) {
    const byMonth = new Map();
    let undated = 0;
    for (const match of results) {
      const date = monthOf(match);
      if (date && date.length >= 7) byMonth.set(date.slice(0, 7), (byMonth.get(date.slice(0, 7)) || 0) + 1);
      else if (!date) undated += 1;
    }
    const months = [...byMonth.keys()].sort();
    const most = Math.max(1, ...byMonth.values());
    const sortBox = el(
      "select",
      { className: "search-sort", id: "search-sort", name: "sort" },
      ...[["", "Best match"], ["newest", "Newest first"], ["oldest", "Oldest first"]].map(([value, label]) =>
        el("option", { value, selected: this.state.sort === value }, label),
      ),
    );
    sortBox.addEventListener("change", () => this.update({ sort: sortBox.value }, "push"));
    // The months the results have (and the chosen ones) as choices: no month to mistype.
    const choices = [...new Set([...months, this.state.from, this.state.to].filter(Boolean))].sort();
    const monthInput = (name, label) => {
      const input = el(
        "select",
        { name, className: `search-${name}`, id: `search-${name}` },
        el("option", { value: "" }, name === "from" ? "the first" : "the last"),
        ...choices.map((month) => el("option", { value: month, selected: this.state[name] === month }, monthName(month))),
      );
      input.addEventListener("change", () => this.update({ [name]: input.value }, "push"));
      return el("span", {}, el("label", { for: `search-${name}` }, `${label} `), input);
    };
    const list = el("ol", { className: "histogram", "aria-label": "Results by month" });
    for (const month of months) {
      const count = byMonth.get(month);
      const bar = el("span", { className: "bar", "aria-hidden": "true" });
      bar.style.inlineSize = `${Math.max(4, Math.round((100 * count) / most))}%`;
      list.append(
        el(
          "li",
          {},
          el(
            "a",
            { href: stateURL({ ...this.state, from: month, to: month }), "data-month": month },
            el("span", { className: "month" }, monthName(month)),
            bar,
            el("span", { className: "n" }, `${count}`),
          ),
        ),
      );
    }
    const section = el(
      "section",
      { className: "facet search-dates" },
      el("h2", { id: "facet-dates" }, "Dates"),
      el("label", { for: "search-sort" }, "Order "),
      sortBox,
      el("div", { className: "search-range" }, monthInput("from", "From"), monthInput("to", "To")),
      months.length ? list : null,
      el("p", { className: "undated-count" }, undated ? `Undated: ${undated}` : "Every result is dated."),
    );
    if (this.state.from || this.state.to) {
      const clear = el("a", { href: stateURL({ ...this.state, from: "", to: "" }), className: "clear-dates" }, "Any date");
      section.append(el("p", {}, clear));
    }
    return section;
  }

  isActive(name, key) {
    return this.state.filters.some((f) => f.name === name && f.key === key);
  }

  facetSection(facet, heading, counted) {
    const id = `facet-${facet.name}-${heading.replace(/\W+/g, "-").toLowerCase()}`;
    const list = el("ul", { className: "facet-values", "aria-labelledby": id });
    for (const { value, count, estimated } of counted) {
      const filter = { name: facet.name, key: value.key };
      const active = this.isActive(facet.name, value.key);
      list.append(
        el(
          "li",
          {},
          el(
            "a",
            {
              href: stateURL({ ...this.state, filters: toggle(this.state.filters, filter) }),
              "data-filter": JSON.stringify(filter),
              "aria-current": active ? "true" : null,
            },
            value.label,
            " ",
            el("span", { className: "n" }, estimated ? `(≈${count})` : `(${count})`),
          ),
        ),
      );
    }
    return el("section", { className: "facet" }, el("h2", { id }, heading), list);
  }
}
