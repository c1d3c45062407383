/* The term lists a fuzzy or leading-wildcard query expands through, each term with its
 * piece (Engine's). */

import { bucketChar, bucketKey, fetchJSON } from "./files.js";

export class TermLists {
  /** Keep each listed term's piece; the terms, as a TokenSet. */
  termSet(rows) {
    for (const [term, piece] of rows) this.termPieces.set(term, piece);
    return this.lunr.TokenSet.fromArray([...new Set(rows.map(([term]) => term))].sort());
  }

  /** A TokenSet of every term (leading wildcards, edit distances above 1). */
  async allTerms() {
    if (!this.terms) {
      this.terms = fetchJSON("terms.json").then((rows) => this.termSet(rows));
      this.terms.catch(() => {
        this.terms = null;
      });
    }
    return this.terms;
  }

  /** A TokenSet of the terms in the named buckets (see term_buckets in search.py). */
  async bucketTerms(keys) {
    const lists = await Promise.all(
      [...new Set(keys)].map((key) => {
        if (!this.buckets.has(key)) {
          const loading = fetchJSON(`terms/${key}.json`);
          loading.catch(() => this.buckets.delete(key));
          this.buckets.set(key, loading);
        }
        return this.buckets.get(key);
      }),
    );
    return this.termSet(lists.flat());
  }

  /** The terms a fuzzy or leading-wildcard clause could expand to, as a TokenSet. */
  async candidates(probe) {
    const chars = Array.from(probe.term);
    const length = probe.term.length;
    const [first, second] = chars.map(bucketChar);
    if (probe.editDistance === 2 && !probe.term.includes("*") && chars.length >= 2) {
      // A suggestion two edits away keeps the first letter: the terms of that first
      // letter and a length within two, not the whole term list.
      return this.bucketTerms([-2, -1, 0, 1, 2].map((d) => bucketKey("f", length + d, first)));
    }
    if (probe.editDistance !== 1 || probe.term.includes("*") || chars.length < 2) {
      return this.allTerms();
    }
    return this.bucketTerms([
      bucketKey("f", length - 1, first), // an edit after the first character
      bucketKey("f", length, first),
      bucketKey("f", length + 1, first),
      bucketKey("s", length, second), // the first character replaced
      bucketKey("f", length - 1, second), // the first character deleted
      bucketKey("s", length + 1, first), // a character inserted before it
      bucketKey("s", length, first), // the first two swapped
    ]);
  }
}
