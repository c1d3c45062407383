/* The result list: items with passages, more of them, filters, the download (SearchPage's). */

import { bestPassages, el, highlighted, holdsAll, sayNames, siteURL, snippet, stateURL, toCSV, toggle } from "./dom.js";
import { url } from "./files.js";
import { prepare } from "./load.js";

export const PAGE_SIZE = 10;

export class ResultList {
  /** Every current result as CSV or JSON, saved by the browser (the cards of all of
   * them are fetched now, a batch at a time). */
  async download(format) {
    const search = await prepare();
    const matches = this.matches;
    const rows = [];
    for (let i = 0; i < matches.length; i += 50) {
      const batch = matches.slice(i, i + 50);
      const cards = await Promise.all(batch.map((match) => search.card(match.doc)));
      cards.forEach((card, k) => {
        rows.push({
          rank: i + k + 1,
          title: card.title,
          outlet: card.outlet,
          byline: (card.byline || []).join("; "),
          date: card.iso || "",
          date_shown: card.date,
          date_inferred: Boolean(card.inferred),
          topics: (card.topics || []).join("; "),
          url: new URL(siteURL(card.url), location.href).href,
          score: Math.round(batch[k].score * 1000) / 1000,
        });
      });
    }
    const query = { q: this.state.q, filters: this.state.filters, sort: this.state.sort || "relevance", from: this.state.from, to: this.state.to };
    const text = format === "json" ? JSON.stringify({ query, results: rows }, null, 1) : toCSV(rows);
    const type = format === "json" ? "application/json" : "text/csv";
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` })), download: `search-results.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    this.say(`${rows.length} results saved as ${format.toUpperCase()}.`);
  }

  /** The next page of result items (their cards are fetched now). A long article's
   * card holds its first paragraphs; when none of them holds every word the query
   * matched, the rest are fetched after the items show and its passages chosen again
   * (``this.later`` is done when they are). */
  async nextResults(search) {
    const batch = this.matches.slice(this.shown, this.shown + PAGE_SIZE);
    const cards = await Promise.all(batch.map((match) => search.card(match.doc)));
    const items = cards.map((card, i) => this.result(search, card, batch[i]));
    this.later = Promise.all(
      cards.map(async (card, i) => {
        const matched = new Set(batch[i].terms);
        if (!card.rest || holdsAll(search, card.paragraphs, matched)) return;
        const rest = await search.cardRest(batch[i].doc);
        items[i].querySelectorAll(".snippet").forEach((node) => node.remove());
        items[i].append(...this.passages(search, card, [...card.paragraphs, ...rest], matched));
      }),
    );
    return items;
  }

  async showMore() {
    const run = this.run;
    const search = await prepare();
    const nodes = await this.nextResults(search);
    if (run !== this.run || !nodes.length) return;
    this.list.append(...nodes);
    this.shown += nodes.length;
    this.more.hidden = this.shown >= this.matches.length;
    nodes[0].querySelector("a.result-link").focus();
  }

  result(search, card, match) {
    const matched = new Set(match.terms);
    const meta = el("p", { className: "meta" }, el("span", { className: "outlet" }, card.outlet));
    // A card the browser cached from before bylines has none.
    if (card.byline && card.byline.length) {
      meta.append(" · ", el("span", { className: "result-byline" }, `By ${sayNames(card.byline)}`));
    }
    meta.append(" · ");
    meta.append(
      card.iso
        ? el("time", { datetime: card.iso }, card.date)
        : el("span", { className: "undated" }, card.date),
    );
    if (card.inferred) meta.append(" · ", el("span", { className: "inferred" }, "inferred"));
    if (card.topics.length) {
      meta.append(" · ", el("span", { className: "result-topics" }, card.topics.join(", ")));
    }
    return el(
      "li",
      { className: "result" },
      el(
        "h2",
        { className: "result-title" },
        el(
          "a",
          { className: "result-link", href: siteURL(card.url) },
          highlighted(search, card.title, matched),
        ),
      ),
      meta,
      ...this.passages(search, card, card.paragraphs || [card.text || ""], matched),
    );
  }

  /** Up to three passages of ``paragraphs``, each linking to its paragraph. */
  passages(search, card, paragraphs, matched) {
    return bestPassages(search, paragraphs, matched).map((passage) =>
      el(
        "p",
        { className: "snippet" },
        highlighted(search, snippet(search, passage.text, matched), matched),
        " ",
        el(
          "a",
          {
            className: "passage-link",
            href: `${siteURL(card.url)}#p${passage.number}`,
            "aria-label": `Paragraph ${passage.number} of “${card.title}”`,
          },
          `\u00b6${passage.number}`,
        ),
      ),
    );
  }

  renderFilters(search, chosen) {
    const names = search.facetNames();
    const chips = this.state.filters.map((filter) => {
      const value = chosen && chosen.get(`${filter.name}\u0000${filter.key}`);
      const label = value ? value.label : filter.key;
      const heading = (names.find((f) => f.name === filter.name) || { label: filter.name }).label;
      return el(
        "a",
        {
          className: "chip",
          href: stateURL({ ...this.state, filters: toggle(this.state.filters, filter) }),
          "data-filter": JSON.stringify(filter),
          "aria-label": `Remove filter ${heading}: ${label}`,
        },
        `${heading}: ${label} `,
        el("span", { "aria-hidden": "true" }, "\u00d7"),
      );
    });
    this.filtersBox.replaceChildren(...chips);
  }
}
