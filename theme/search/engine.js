/* lunr.js over the pieces: the terms a query needs, fetched, and a small index of them. */

import { Facets } from "./facets.js";
import { byTermIndex, fetchJSON, lastAtMost } from "./files.js";
import { Language } from "./language.js";
import { mixIn } from "./mixin.js";
import { plainWords } from "./query.js";
import { TermLists } from "./termlists.js";
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
    this.cards = new Map(); // path -> Promise<card, or a long card's other paragraphs>
    this.facetFiles = new Map(); // path -> Promise<JSON> (facets/docs and facets/values)
    this.terms = null; // Promise<TokenSet> of every term
    this.buckets = new Map(); // bucket name -> Promise<[term, ...]>
    this.directories = new Map(); // path -> Promise<[piece start, ...]> of a section
    this.termPieces = new Map(); // term -> piece number, as the term lists give them
  }

  /** The number of the piece whose run of terms would hold ``term``: from the term
   * lists when they gave it, else the manifest's section and that section's directory. */
  async pieceOf(term) {
    if (this.termPieces.has(term)) return this.termPieces.get(term);
    const section = lastAtMost(this.manifest.sections, term);
    const starts = await this.fetchOnce(this.directories, `directory/${section}.json`);
    return section * this.manifest.sectionPieces + lastAtMost(starts, term);
  }

  /** The pieces of ``terms``, fetched together. */
  async piecesOf(terms) {
    const numbers = await Promise.all(terms.map((term) => this.pieceOf(term)));
    return Promise.all(numbers.map((n) => this.piece(n)));
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
    return this.fetchOnce(this.cards, `cards/${n}.json`);
  }

  /** The paragraphs of a long article past those its card holds. */
  cardRest(n) {
    return this.fetchOnce(this.cards, `cards/${n}-rest.json`);
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
    const bounds = ranges.flatMap(([prefix]) => [prefix, `${prefix}\uffff`]);
    const [exact, spans, candidates] = await Promise.all([
      Promise.all(wanted.map((term) => this.pieceOf(term))),
      Promise.all(bounds.map((term) => this.pieceOf(term))),
      Promise.all(open.map((probe) => this.candidates(probe))),
    ]);
    const numbers = new Set(exact);
    for (let i = 0; i < spans.length; i += 2) {
      for (let n = spans[i]; n <= spans[i + 1]; n += 1) numbers.add(n);
    }
    let expanded = [];
    open.forEach((probe, i) => {
      const matches = candidates[i].intersect(this.lunr.TokenSet.fromClause(probe)).toArray();
      expanded = expanded.concat(matches);
      for (const term of matches) numbers.add(this.termPieces.get(term));
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

// The query language's, the facets' and the term lists' methods are the engine's too.
mixIn(Engine, Language, Facets, TermLists);
