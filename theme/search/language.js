/* Our query language over lunr: each unit asked of lunr, then combined (Engine's). */

import { ungap } from "./files.js";
import { COMPACT_DESIGNATOR, DIGITS_FIRST, LETTERS_ONLY, parseQuery, plainWord } from "./query.js";
import { splitTerm, trim } from "./terms.js";

// A word this long that no term is one edit from gets suggestions two edits away.
export const TWO_EDITS_FROM = 6;

export class Language {
  /** The indexed terms of a word: split, stop words dropped, stemmed (content_terms). */
  contentTerms(word) {
    return splitTerm(word)
      .filter((term) => this.lunr.stopWordFilter(new this.lunr.Token(term)))
      .map((term) => this.lunr.stemmer(new this.lunr.Token(term)).toString());
  }

  /** The stem of a word's terms, to highlight what the query matched. */
  stems(word) {
    return splitTerm(word).map((term) => this.lunr.stemmer(new this.lunr.Token(term)).toString());
  }

  /** The documents of ``docs`` where the phrase's terms stand next to each other, in
   * order, in one field (stop words do not count, in the text or in the phrase). */
  async phraseDocs(unit, docs, entries) {
    const terms = unit.words.flatMap((word) => this.contentTerms(word));
    if (terms.length < 2) return docs;
    const numbers = [...new Set(await Promise.all(terms.map((term) => this.pieceOf(term))))];
    const loaded = await Promise.all(numbers.map((n) => this.positions(n)));
    // term -> field -> doc -> Set of positions
    const where = new Map();
    for (const term of new Set(terms)) {
      const entry = entries.get(term);
      const rows = loaded.map((piece) => piece.get(term)).find(Boolean);
      if (!entry || !rows) return new Set();
      const fields = this.fields.map((_, f) => {
        const flat = entry[2 + f];
        const byDoc = new Map();
        let doc = 0;
        for (let i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          byDoc.set(doc, new Set(ungap(rows[f][i / 2])));
        }
        return byDoc;
      });
      where.set(term, fields);
    }
    const adjacent = (doc) =>
      this.fields.some((_, f) => {
        const first = where.get(terms[0])[f].get(doc);
        if (!first) return false;
        return [...first].some((p) =>
          terms.every((term, i) => {
            const at = where.get(term)[f].get(doc);
            return at && at.has(p + i);
          }),
        );
      });
    return new Set([...docs].filter(adjacent));
  }

  /** The lunr clauses of one unit of a query (a phrase's words, or the unit's own lunr
   * syntax; its plain words when lunr cannot read it), without stop words. */
  clausesOf(unit, notes) {
    const query = new this.lunr.Query(this.fields);
    const words = unit.phrase ? unit.words : [unit.text];
    for (const word of words) {
      if (unit.phrase || unit.plain) {
        query.term(word);
        continue;
      }
      try {
        new this.lunr.QueryParser(word, query).parse();
      } catch (error) {
        if (!(error instanceof this.lunr.QueryParseError)) throw error;
        const plain = plainWord(word);
        notes.push(`“${word}” was searched as “${plain}”.`);
        for (const part of plain.split(/\s+/)) if (trim(part)) query.term(part);
      }
    }
    const kept = query.clauses.filter(
      (clause) => !clause.usePipeline || this.contentTerms(clause.term).length,
    );
    if (!kept.length) {
      notes.push(`“${unit.phrase ? unit.words.join(" ") : unit.text}” is too common a word to search for.`);
    }
    return kept;
  }

  /** Read "s400", "F35s" and "S 400" as the designators S-400 and F-35 when the index
   * holds them (the corpus's own designators; nothing else is guessed). */
  async resolveDesignators(parsed, notes) {
    const groups = parsed.groups;
    const candidates = [];
    groups.forEach((group, i) => {
      if (group.length !== 1 || !group[0].plain) return;
      const word = group[0].text;
      const next = groups[i + 1];
      if (LETTERS_ONLY.test(word) && next && next.length === 1 && next[0].plain && DIGITS_FIRST.test(next[0].text)) {
        candidates.push({ i, span: 2, said: `${word} ${next[0].text}`, text: `${word}-${next[0].text}` });
      }
      const compact = word.match(COMPACT_DESIGNATOR);
      if (compact) candidates.push({ i, span: 1, said: word, text: `${compact[1]}-${compact[2]}` });
    });
    if (!candidates.length) return;
    const terms = candidates.map((c) => this.pipeline.runString(c.text)[0] || "");
    // The plain words' pieces come in the same round: the query needs most of them.
    const words = groups.flat().filter((unit) => unit.plain).flatMap((unit) => this.pipeline.runString(unit.text));
    const [pieces] = await Promise.all([this.piecesOf(terms), this.piecesOf(words)]);
    let taken = Infinity;
    // From the end, so earlier positions stay put; a pair is tried before a single word.
    const order = candidates.map((c, k) => k).sort((a, b) => candidates[b].i - candidates[a].i);
    for (const k of order) {
      const c = candidates[k];
      if (!terms[k] || !pieces[k].has(terms[k]) || c.i + c.span > taken) continue;
      groups.splice(c.i, c.span, [{ text: c.text, plain: true }]);
      notes.push(`“${c.said}” was read as ${c.text.toUpperCase()}.`);
      taken = c.i;
    }
  }

  /** Terms of the index near ``word``'s term, most documents first: [{term, docs}] (at
   * most ``limit``). One edit away; for a word of TWO_EDITS_FROM characters or more that
   * has none, two, the first letter kept ("Erdigen" -> "erdogan"). */
  async suggestions(word, limit = 3) {
    const [term] = this.contentTerms(word);
    if (!term || term.length < 3) return [];
    const near = await this.nearTerms(term, 1);
    if (!near.length && Array.from(term).length >= TWO_EDITS_FROM) {
      near.push(...(await this.nearTerms(term, 2)));
    }
    const pieces = await this.piecesOf(near);
    const counted = near.map((t, i) => {
      const entry = pieces[i].get(t);
      const docs = new Set();
      if (entry) {
        for (let f = 0; f < this.fields.length; f += 1) {
          let doc = 0;
          const flat = entry[2 + f];
          for (let k = 0; k < flat.length; k += 2) docs.add((doc += flat[k]));
        }
      }
      return { term: t, docs: docs.size };
    });
    return counted
      .filter((c) => c.docs)
      .sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }

  /** The index's terms within ``distance`` edits of ``term`` (``term`` itself left out). */
  async nearTerms(term, distance) {
    const probe = { term, editDistance: distance, fields: this.fields, boost: 1, usePipeline: false, wildcard: this.lunr.Query.wildcard.NONE };
    const candidates = await this.candidates(probe);
    return candidates.intersect(this.lunr.TokenSet.fromClause(probe)).toArray().filter((t) => t !== term);
  }

  /**
   * Run a query in our query language: ``{results: [{doc, score, terms}], anyWord,
   * problem, notes, fetchMs, queryMs}``. Results have every group of the query and
   * none of its exclusions, ranked by lunr's score for all their words; when no
   * article has every group, ``anyWord`` is true and the results have some of them.
   */
  async search(text) {
    const started = performance.now();
    const parsed = parseQuery(text);
    const notes = [...parsed.notes];
    const answer = { results: [], anyWord: false, problem: parsed.problem, notes, fetchMs: 0, queryMs: 0 };
    if (parsed.problem) return answer;
    await this.resolveDesignators(parsed, notes);
    for (const unit of [...parsed.groups.flat(), ...parsed.excluded]) {
      unit.clauses = this.clausesOf(unit, notes);
    }
    const groups = parsed.groups
      .map((group) => group.filter((unit) => unit.clauses.length))
      .filter((group) => group.length);
    const excluded = parsed.excluded.filter((unit) => unit.clauses.length);
    if (!groups.length) {
      answer.problem = "Every word of this search is too common to search for.";
      return answer;
    }
    const all = new this.lunr.Query(this.fields);
    for (const unit of [...groups.flat(), ...excluded]) all.clauses.push(...unit.clauses);
    const entries = await this.plan(all);
    const fetched = performance.now();
    const index = this.assemble(entries, false);
    const { REQUIRED, OPTIONAL } = this.lunr.Query.presence;
    const asked = new Map(); // unit -> its documents (lunr is asked once per unit)
    const docsOf = (unit) => {
      if (!asked.has(unit)) {
        const found = index.query((q) => {
          for (const clause of unit.clauses) q.clause({ ...clause, presence: REQUIRED });
        });
        asked.set(unit, new Set(found.map((r) => Number(r.ref))));
      }
      return asked.get(unit);
    };
    const union = (sets) => new Set(sets.flatMap((set) => [...set]));
    const unitDocs = async (unit) =>
      unit.phrase ? this.phraseDocs(unit, docsOf(unit), entries) : docsOf(unit);
    const groupDocs = await Promise.all(
      groups.map(async (group) => union(await Promise.all(group.map(unitDocs)))),
    );
    const left = union(await Promise.all(excluded.map(unitDocs)));
    // A word that finds nothing: the index's nearest terms, most used first.
    answer.suggestions = [];
    for (const unit of groups.flat()) {
      if (!unit.plain || unit.phrase || docsOf(unit).size) continue;
      const near = await this.suggestions(unit.text);
      if (near.length) answer.suggestions.push({ word: unit.text, terms: near.map((n) => n.term) });
    }
    let keep = [...groupDocs[0]].filter((doc) => groupDocs.every((set) => set.has(doc)));
    if (!keep.length && groups.length > 1) {
      keep = [...union(groupDocs)];
      answer.anyWord = keep.some((doc) => !left.has(doc));
    }
    keep = new Set(keep.filter((doc) => !left.has(doc)));
    const ranked = index.query((q) => {
      for (const unit of groups.flat()) {
        for (const clause of unit.clauses) q.clause({ ...clause, presence: OPTIONAL });
      }
    });
    answer.results = ranked
      .filter((r) => keep.has(Number(r.ref)))
      .map((r) => ({ doc: Number(r.ref), score: r.score, terms: Object.keys(r.matchData.metadata) }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    answer.fetchMs = fetched - started;
    answer.queryMs = performance.now() - fetched;
    return answer;
  }
}
