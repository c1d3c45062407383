/* lunr.js over the pieces: the terms a query needs, fetched, and a small index of them. */

import { Facets } from "./facets.js";
import { bucketChar, bucketKey, byTermIndex, fetchJSON } from "./files.js";
import { Language } from "./language.js";
import { mixIn } from "./mixin.js";
import { plainWords } from "./query.js";
import { newsTerms } from "./terms.js";

export const WEIGHT_SCALE = 1000;

export class Engine {
  constructor(lunr, manifest) {
    this.lunr = lunr;
    this.manifest = manifest;
    if (!lunr.Pipeline.registeredFunctions.newsTerms) {
      lunr.Pipeline.registerFunction(newsTerms, "newsTerms");
    }
    // The index splits on whitespace only; newsTerms handles hyphens.
    lunr.QueryLexer.termSeparator = /\s/;
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
    this.fields = manifest.fields;
    this.pieces = new Map(); // piece number -> Promise<Map(term -> entry)>
    this.positionPieces = new Map(); // piece number -> Promise<Map(term -> positions)>
    this.cards = new Map(); // document number -> Promise<card>
    this.facetFiles = new Map(); // path -> Promise<JSON> (facets/docs and facets/values)
    this.terms = null; // Promise<TokenSet> of every term
    this.buckets = new Map(); // bucket name -> Promise<[term, ...]>
  }

  /** The number of the piece whose run of terms would hold ``term``. */
  pieceOf(term) {
    const firsts = this.manifest.pieces;
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (firsts[middle] <= term) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  piece(n) {
    if (!this.pieces.has(n)) {
      const loading = fetchJSON(`pieces/${n}.json`).then(
        (entries) => new Map(entries.map((entry) => [entry[0], entry])),
      );
      loading.catch(() => this.pieces.delete(n));
      this.pieces.set(n, loading);
    }
    return this.pieces.get(n);
  }

  /** Where the terms of piece ``n`` occur: Map(term -> per field [positions per doc]). */
  positions(n) {
    if (!this.positionPieces.has(n)) {
      const loading = fetchJSON(`positions/${n}.json`).then((rows) => new Map(rows));
      loading.catch(() => this.positionPieces.delete(n));
      this.positionPieces.set(n, loading);
    }
    return this.positionPieces.get(n);
  }

  card(n) {
    if (!this.cards.has(n)) {
      const loading = fetchJSON(`cards/${n}.json`);
      loading.catch(() => this.cards.delete(n));
      this.cards.set(n, loading);
    }
    return this.cards.get(n);
  }
  /** The paragraphs of a long article past those its card holds. */
  cardRest(n) {
    return this.fetchOnce(this.cards, `cards/${n}-rest.json`);
  }


  /** A TokenSet of every term (leading wildcards, edit distances above 1). */
  async allTerms() {
    if (!this.terms) {
      this.terms = fetchJSON("terms.json").then((terms) => this.lunr.TokenSet.fromArray(terms));
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
    return this.lunr.TokenSet.fromArray([...new Set(lists.flat())].sort());
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

  fetchOnce(cache, path) {
    if (!cache.has(path)) {
      const loading = fetchJSON(path);
      loading.catch(() => cache.delete(path));
      cache.set(path, loading);
    }
    return cache.get(path);
  }

  /** Parse ``text`` as a lunr query; on a syntax error, its words as plain terms. */
  parse(text) {
    const query = new this.lunr.Query(this.fields);
    try {
      new this.lunr.QueryParser(text, query).parse();
      return { query, fallback: null };
    } catch (error) {
      if (!(error instanceof this.lunr.QueryParseError)) throw error;
      const plain = new this.lunr.Query(this.fields);
      for (const word of plainWords(text)) plain.term(word);
      return { query: plain, fallback: error.message };
    }
  }

  /**
   * The terms a query can match, with their pieces loaded: exact terms from their own
   * piece, trailing wildcards from the run of pieces their prefix spans, and fuzzy or
   * leading-wildcard terms through the term list.
   */
  async plan(query) {
    const wanted = [];
    const ranges = [];
    const open = [];
    for (const clause of query.clauses) {
      const terms = clause.usePipeline
        ? this.pipeline.runString(clause.term, { fields: clause.fields })
        : [clause.term];
      for (const term of terms) {
        const probe = { ...clause, term };
        const prefix = term.split("*")[0];
        if (clause.editDistance || (term.includes("*") && prefix === "")) {
          open.push(probe);
        } else if (term.includes("*")) {
          ranges.push([prefix, probe]);
        } else {
          wanted.push(term);
        }
      }
    }
    const numbers = new Set(wanted.map((term) => this.pieceOf(term)));
    for (const [prefix] of ranges) {
      for (let n = this.pieceOf(prefix); n <= this.pieceOf(`${prefix}\uffff`); n += 1) {
        numbers.add(n);
      }
    }
    let expanded = [];
    const candidates = await Promise.all(open.map((probe) => this.candidates(probe)));
    open.forEach((probe, i) => {
      const matches = candidates[i].intersect(this.lunr.TokenSet.fromClause(probe)).toArray();
      expanded = expanded.concat(matches);
      for (const term of matches) numbers.add(this.pieceOf(term));
    });
    const loaded = await Promise.all([...numbers].map((n) => this.piece(n)));
    const entries = new Map();
    const take = (term) => {
      for (const piece of loaded) {
        const entry = piece.get(term);
        if (entry) entries.set(term, entry);
      }
    };
    wanted.forEach(take);
    expanded.forEach(take);
    for (const [, probe] of ranges) {
      for (const piece of loaded) {
        const set = this.lunr.TokenSet.fromArray([...piece.keys()].sort());
        for (const term of set.intersect(this.lunr.TokenSet.fromClause(probe)).toArray()) {
          entries.set(term, piece.get(term));
        }
      }
    }
    return entries;
  }

  /** A lunr index holding just ``entries`` (and, for a negated query, every document). */
  assemble(entries, negated) {
    const invertedIndex = [];
    const vectors = new Map(); // "field/doc" -> [term index, weight, ...]
    const terms = [...entries.keys()].sort();
    for (const term of terms) {
      const entry = entries.get(term);
      const index = entry[1];
      const posting = { _index: index };
      for (let f = 0; f < this.fields.length; f += 1) {
        const field = this.fields[f];
        const flat = entry[2 + f];
        const docs = {};
        let doc = 0;
        for (let i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          docs[doc] = {};
          const key = `${field}/${doc}`;
          const elements = vectors.get(key);
          if (elements) elements.push(index, flat[i + 1] / WEIGHT_SCALE);
          else vectors.set(key, [index, flat[i + 1] / WEIGHT_SCALE]);
        }
        posting[field] = docs;
      }
      invertedIndex.push([term, posting]);
    }
    if (negated) {
      for (let doc = 0; doc < this.manifest.documents; doc += 1) {
        for (const field of this.fields) {
          const key = `${field}/${doc}`;
          if (!vectors.has(key)) vectors.set(key, []);
        }
      }
    }
    const fieldVectors = [];
    for (const [key, elements] of vectors) fieldVectors.push([key, byTermIndex(elements)]);
    return this.lunr.Index.load({
      version: this.manifest.lunr,
      fields: this.fields,
      fieldVectors,
      invertedIndex,
      pipeline: this.manifest.pipeline,
    });
  }

  /**
   * lunr's own query over the pieces (what the single-file index would answer):
   * ``{results: [{doc, score, terms}], fallback, fetchMs, queryMs}``, best first, equal
   * scores in site order. The search page asks :meth:`search`, which reads our query
   * language and asks lunr for each of its parts.
   */
  async lunrSearch(text) {
    const started = performance.now();
    const { query, fallback } = this.parse(text);
    const entries = await this.plan(query);
    const fetched = performance.now();
    const index = this.assemble(entries, query.isNegated());
    const results = fallback
      ? index.query((q) => {
          for (const word of plainWords(text)) q.term(word);
        })
      : index.search(text);
    const shaped = results
      .map((r) => ({
        doc: Number(r.ref),
        score: r.score,
        terms: Object.keys(r.matchData.metadata),
      }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    return {
      results: shaped,
      fallback,
      fetchMs: fetched - started,
      queryMs: performance.now() - fetched,
    };
  }
}

// The query language's methods and the facets' are the engine's too.
mixIn(Engine, Language, Facets);
