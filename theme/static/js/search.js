/* Full-text search in the browser: lunr.js over an index split by term.
 *
 * The files under the search folder are written by plugins/newscorpus/search.py:
 * manifest.json (fields, pipeline, where every piece starts), pieces/<n>.json (the
 * inverted-index entries and document weights of a run of terms), cards/<n>.json (what a
 * result shows), facets/tier-<t>/<k>.json (the facet values of a block of documents, in
 * tiers from the most common, for the counts over a query's results),
 * facets/labels/<n>.json (the values' labels), facets/values/<b>.json (the documents of a
 * bucket of facet values, for filters), positions/<n>.json (where a piece's terms stand,
 * for phrases only) and terms.json (every term, for fuzzy and leading-wildcard queries
 * only). Documents are numbered in date order, so the manifest's runs of dates give each
 * document's date.
 * A query fetches only the pieces holding its terms and rebuilds a small lunr index from
 * them; lunr's own query on it gives the single-file index's results and scores
 * (lunrSearch), and our query language combines such queries (search).
 *
 * Everything taken from articles is inserted with textContent, never as HTML.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const BASE = script.dataset.searchBase;
  const LUNR_VERSION = script.dataset.lunrVersion;
  const ROOT = script.dataset.siteRoot;
  const PAGE_SIZE = 10;
  const WEIGHT_SCALE = 1000;
  // A word this long that no term is one edit from gets suggestions two edits away.
  const TWO_EDITS_FROM = 6;
  // The most blocks of a facet tier after the first that a query's counts fetch.
  const TIER_BLOCKS = 8;
  const TYPE_LABELS = {
    PERSON: "People",
    ORG: "Organisations",
    PLACE: "Places",
    WEAPON: "Weapon systems",
  };

  /* ---- Terms: the twin of plugins/newscorpus/terms.py ---------------------------- */

  const HYPHENS = "-\u2010\u2011";
  const BREAKS = /([-\u2010\u2011\u2012\u2013\u2014\u2015/\\|])/;
  const APOSTROPHES = /[\u2019\u2018\u02bc]/g;
  const ALNUM = /[\p{L}\p{N}]/u;
  const LETTER = /\p{L}/u;
  const DIGIT = /\p{Nd}/u;

  // Latin letters lose their accents and marks, as fold() in terms.py does.
  const MARKED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g;
  const UNMARKED = {
    "\u0131": "i", // dotless i
    "\u0142": "l",
    "\u00f8": "o",
    "\u0111": "d",
    "\u00f0": "d",
    "\u00fe": "th",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u0153": "oe",
  };
  const fold = (text) =>
    text
      .toLowerCase()
      .replaceAll("\u0307", "")
      .replace(
        MARKED_LATIN,
        (letter) => UNMARKED[letter] ?? letter.normalize("NFD").replace(/\p{M}/gu, ""),
      );

  const trim = (part) => {
    const chars = Array.from(part);
    let start = 0;
    let end = chars.length;
    while (start < end && !ALNUM.test(chars[start])) start += 1;
    while (end > start && !ALNUM.test(chars[end - 1])) end -= 1;
    return chars.slice(start, end).join("");
  };

  const finish = (part) => {
    const trimmed = trim(part);
    return trimmed.endsWith("'s") ? trim(trimmed.slice(0, -2)) : trimmed;
  };

  /** The terms one whitespace-free word gives, before stop words and stemming. */
  const splitTerm = (word) => {
    const pieces = fold(word).replace(APOSTROPHES, "'").split(BREAKS);
    const parts = [pieces[0]];
    for (let i = 1; i < pieces.length; i += 2) {
      const separator = pieces[i];
      const piece = pieces[i + 1];
      const previous = parts[parts.length - 1];
      const last = Array.from(previous).pop() || "";
      const first = Array.from(piece)[0] || "";
      if (HYPHENS.includes(separator) && LETTER.test(last) && DIGIT.test(first)) {
        parts[parts.length - 1] = `${previous}-${piece}`;
      } else {
        parts.push(piece);
      }
    }
    return parts.map(finish).filter(Boolean);
  };

  const newsTerms = (token) => splitTerm(token.toString()).map((term) => token.clone(() => term));

  /* ---- The query language ---------------------------------------------------------- */

  /* Every word is required; "a OR b" wants either; NOT word, -word leave out; "two words"
   * want both (a phrase); title:word, gov*, erdgan~1 and turkey^10 are lunr's. parseQuery
   * reads the text into groups (every group must match; any unit of a group may) and
   * exclusions, with notes in plain words about anything read differently. */
  const OPERATORS = new Set(["AND", "OR", "NOT"]);
  const SYNTAX = /[:^~*"+\\]/g;
  const LUNR_SYNTAX = /[:^~*+\\]/;

  /** Words and quoted phrases, with their signs: [{text, phrase, sign}] or operators. */
  const queryTokens = (text) => {
    const tokens = [];
    const pattern = /([+-]?)"([^"]*)("?)|(\S+)/g;
    for (const match of text.matchAll(pattern)) {
      if (match[4] !== undefined) {
        const word = match[4];
        if (OPERATORS.has(word)) tokens.push({ operator: word });
        else if (/^[+-]./.test(word)) tokens.push({ text: word.slice(1), sign: word[0] });
        else tokens.push({ text: word, sign: "" });
      } else {
        tokens.push({ text: match[2], phrase: true, sign: match[1], open: !match[3] });
      }
    }
    return tokens;
  };

  /** A word stripped of lunr's syntax, for when its syntax cannot be read. */
  const plainWord = (word) => word.replace(SYNTAX, " ").trim();

  const parseQuery = (text) => {
    const notes = [];
    const groups = [];
    const excluded = [];
    let joinNext = false;
    let negateNext = false;
    for (const token of queryTokens(text)) {
      if (token.operator === "OR") {
        joinNext = groups.length > 0;
        continue;
      }
      if (token.operator === "NOT") {
        negateNext = true;
        continue;
      }
      if (token.operator === "AND") continue;
      let unit;
      if (token.phrase) {
        const words = token.text.split(/\s+/).map(plainWord).filter((w) => trim(w));
        if (!words.length) continue;
        unit = words.length === 1 ? { text: words[0], plain: true } : { words, phrase: true };
        if (token.open) notes.push(`The closing quote is missing; “${token.text.trim()}” was read as a phrase.`);
      } else {
        if (!trim(token.text.replace(/[~^]\d*/g, "").replace(SYNTAX, ""))) {
          notes.push(`“${token.text}” on its own is not a word to search for.`);
          negateNext = false;
          continue;
        }
        unit = { text: token.text, plain: !LUNR_SYNTAX.test(token.text) };
      }
      if (negateNext || token.sign === "-") {
        excluded.push(unit);
      } else if (joinNext) {
        groups[groups.length - 1].push(unit);
      } else {
        groups.push([unit]);
      }
      joinNext = false;
      negateNext = false;
    }
    let problem = null;
    if (!groups.length) {
      problem = excluded.length
        ? "A search needs a word to look for, not only words to leave out."
        : "Type a word, a name or a designator to search for.";
    }
    return { groups, excluded, notes, problem };
  };

  // "s400", "F35s", "mig29": a designator written without its hyphen.
  const COMPACT_DESIGNATOR = /^(\p{L}{1,5})(\d{1,4}\p{L}{0,2})$/u;
  const LETTERS_ONLY = /^\p{L}{1,5}$/u;
  const DIGITS_FIRST = /^\d{1,4}\p{L}{0,3}$/u;

  /* ---- Loading --------------------------------------------------------------------- */

  /* Pages do not carry the index's version (a page stays byte-identical when only the
   * index changes, so a rebuild rewrites only the pages whose own content changed). The
   * manifest is revalidated instead, and every other index file is fetched with the
   * manifest's version, so one search never mixes the files of two builds. */
  let version = "";
  const url = (path) => `${BASE}${path}?v=${version}`;

  const fetchJSON = async (path, options) => {
    const response = await fetch(url(path), options);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };

  const fetchManifest = async () => {
    const response = await fetch(`${BASE}manifest.json`, { cache: "no-cache" });
    if (!response.ok) throw new Error(`manifest.json: HTTP ${response.status}`);
    const manifest = await response.json();
    version = manifest.version;
    return manifest;
  };

  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = src;
      element.onload = resolve;
      element.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(element);
    });

  let engine = null;

  /** lunr.js and the manifest, loaded once (on first focus or first query). */
  const prepare = () => {
    if (!engine) {
      engine = Promise.all([
        window.lunr ? Promise.resolve() : loadScript(`${BASE}lunr.min.js?v=${LUNR_VERSION}`),
        fetchManifest(),
      ]).then(([, manifest]) => new Engine(window.lunr, manifest));
      engine.catch(() => {
        engine = null; // let the next attempt retry
      });
    }
    return engine;
  };

  /** Decode "gap" lists (each number the difference from the previous one). */
  const ungap = (gaps) => {
    const out = new Array(gaps.length);
    let value = 0;
    for (let i = 0; i < gaps.length; i += 1) {
      value += gaps[i];
      out[i] = value;
    }
    return out;
  };

  /** FNV-1a (32 bits) of name, NUL, key as UTF-16 code units (facet_key_hash in search.py). */
  const facetKeyHash = (name, key) => {
    const text = `${name}\u0000${key}`;
    let value = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value >>> 0;
  };

  class Engine {
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

    /** The indexed terms of a word: split, stop words dropped, stemmed (content_terms). */
    contentTerms(word) {
      return splitTerm(word)
        .filter((term) => this.lunr.stopWordFilter(new this.lunr.Token(term)))
        .map((term) => this.lunr.stemmer(new this.lunr.Token(term)).toString());
    }

    /** The documents of ``docs`` where the phrase's terms stand next to each other, in
     * order, in one field (stop words do not count, in the text or in the phrase). */
    async phraseDocs(unit, docs, entries) {
      const terms = unit.words.flatMap((word) => this.contentTerms(word));
      if (terms.length < 2) return docs;
      const numbers = [...new Set(terms.map((term) => this.pieceOf(term)))];
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

    card(n) {
      if (!this.cards.has(n)) {
        const loading = fetchJSON(`cards/${n}.json`);
        loading.catch(() => this.cards.delete(n));
        this.cards.set(n, loading);
      }
      return this.cards.get(n);
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

    /** The facets, in the order the page shows them: [{name, label, shown, fromDates}]
     * (``shown``: how many values of each group the page shows, 0 for all of them). */
    facetNames() {
      return this.manifest.facets.names.map(([name, label, shown, fromDates]) => ({ name, label, shown, fromDates }));
    }

    /** The month of document ``doc`` ("2019-05"; "2019" when only its year is known; ""
     * undated): documents are numbered in date order, and the manifest's runs say where
     * each month starts. */
    monthOf(doc) {
      if (!this.dateStarts) {
        this.dateStarts = [];
        this.dateValues = [];
        let start = 0;
        for (const [date, count] of this.manifest.facets.dates) {
          this.dateStarts.push(start);
          this.dateValues.push(date);
          start += count;
        }
      }
      let low = 0;
      let high = this.dateStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (this.dateStarts[middle] <= doc) low = middle;
        else high = middle - 1;
      }
      return this.dateValues[low] || "";
    }

    fetchOnce(cache, path) {
      if (!cache.has(path)) {
        const loading = fetchJSON(path);
        loading.catch(() => cache.delete(path));
        cache.set(path, loading);
      }
      return cache.get(path);
    }

    /** The values of the chosen filters: Map("name\0key" -> {key, label, group, docs}),
     * from the buckets that hold them only. */
    async filterValues(filters) {
      const buckets = this.manifest.facets.valueBuckets;
      const found = new Map();
      await Promise.all(
        filters.map(async ({ name, key }) => {
          const bucket = facetKeyHash(name, key) % buckets;
          const values = await this.fetchOnce(this.facetFiles, `facets/values/${bucket}.json`);
          const value = values.find((v) => v[0] === name && v[1] === key);
          if (value) {
            found.set(`${name}\0${key}`, {
              key,
              label: value[2],
              group: value[3],
              docs: new Set(ungap(value[4])),
            });
          }
        }),
      );
      return found;
    }

    /** Add to ``count`` (value number -> documents) the values of ``tier`` that the
     * blocks give the documents ``docs``, fetching their blocks only. */
    async countBlocks(tier, docs, count) {
      const size = this.manifest.facets.blockDocs;
      const blocks = [...new Set(docs.map((doc) => Math.floor(doc / size)))];
      const loaded = new Map(
        await Promise.all(
          blocks.map(async (k) => [k, await this.fetchOnce(this.facetFiles, `facets/tier-${tier}/${k}.json`)]),
        ),
      );
      for (const doc of docs) {
        for (const id of ungap(loaded.get(Math.floor(doc / size))[doc % size])) {
          count.set(id, (count.get(id) || 0) + 1);
        }
      }
    }

    /** Per facet name, the values shown for the documents ``docs`` and how many of them
     * have each: Map(name -> Map(key -> {value, count})). Shown are the most common of
     * each run of values (a facet's ``shown``, e.g. an entity type's first eight; every
     * value of the others), and only their labels are fetched. The years come from the
     * documents' months. Values are counted tier by tier (tiers in search.py): a value of
     * a later tier has fewer documents in all than this tier's threshold, so once every
     * list ends on a count that high (or has no value in a later tier), none can change it. */
    async facetCounts(docs) {
      const { runs, values: total, labelsPerFile, tiers, blockDocs, sampleBlocks } = this.manifest.facets;
      const names = this.facetNames();
      const count = new Map();
      const ends = runs.map((_, r) => (r + 1 < runs.length ? runs[r + 1][2] : total));
      const listed = () =>
        runs.map(([number, , first], r) => {
          const ids = [...count.keys()].filter((id) => id >= first && id < ends[r]);
          ids.sort((a, b) => count.get(b) - count.get(a) || a - b);
          const shown = names[number].shown;
          return shown ? ids.slice(0, shown) : ids;
        });
      // Results spread over more blocks than a query may fetch are counted in an even
      // sample of those blocks, and the counts scaled up (and said to be estimates).
      const blocks = [...new Set(docs.map((doc) => Math.floor(doc / blockDocs)))].sort((a, b) => a - b);
      let counted = docs;
      if (blocks.length > sampleBlocks) {
        const taken = new Set(Array.from({ length: sampleBlocks }, (_, i) => blocks[Math.floor((i * blocks.length) / sampleBlocks)]));
        counted = docs.filter((doc) => taken.has(Math.floor(doc / blockDocs)));
      }
      let lists = [];
      // A query spanning many blocks has its lists from the first tiers only, and the
      // page says from which number of articles on a name was counted.
      let from = 0;
      for (let tier = 0; tier < tiers.length; tier += 1) {
        const settled = runs.every(([number, , , lastTier], r) => {
          if (tier > lastTier) return true;
          if (tier === 0) return false;
          const list = lists[r];
          return list.length >= names[number].shown && count.get(list[list.length - 1]) >= tiers[tier - 1];
        });
        if (settled) break;
        if (tier > 0 && (blocks.length > TIER_BLOCKS || counted !== docs)) {
          from = tiers[tier - 1];
          break;
        }
        await this.countBlocks(tier, counted, count);
        lists = listed();
      }
      if (counted !== docs) {
        for (const [id, n] of count) count.set(id, Math.max(1, Math.round((n * docs.length) / counted.length)));
      }
      const shown = lists.flat();
      const files = [...new Set(shown.map((id) => Math.floor(id / labelsPerFile)))];
      const loaded = new Map(
        await Promise.all(
          files.map(async (n) => [n, await this.fetchOnce(this.facetFiles, `facets/labels/${n}.json`)]),
        ),
      );
      const counts = new Map(names.map(({ name }) => [name, new Map()]));
      for (const id of shown) {
        const [number, key, label, group] = loaded.get(Math.floor(id / labelsPerFile))[id % labelsPerFile];
        counts.get(names[number].name).set(key, { value: { key, label, group }, count: count.get(id), estimated: counted !== docs });
      }
      for (const { name, fromDates } of names) {
        if (!fromDates) continue;
        for (const doc of docs) {
          const year = this.monthOf(doc).slice(0, 4);
          const key = year || "undated";
          const known = counts.get(name).get(key);
          if (known) known.count += 1;
          else counts.get(name).set(key, { value: { key, label: year || "Undated", group: "" }, count: 1 });
        }
      }
      counts.countedFrom = from;
      counts.sample = counted === docs ? 0 : counted.length;
      return counts;
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
      const pieces = await Promise.all(terms.map((term) => this.piece(this.pieceOf(term))));
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
      const pieces = await Promise.all(near.map((t) => this.piece(this.pieceOf(t))));
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

    /** The stem of a word's terms, to highlight what the query matched. */
    stems(word) {
      return splitTerm(word).map((term) => this.lunr.stemmer(new this.lunr.Token(term)).toString());
    }
  }

  const MAX_BUCKET_LENGTH = 25;
  const bucketChar = (char) => (/^[a-z0-9]$/.test(char) ? char : "_");
  const bucketKey = (family, length, char) =>
    `${family}${Math.max(1, Math.min(length, MAX_BUCKET_LENGTH))}-${char}`;

  /** Vector elements ``[index, value, ...]`` in term-index order, as lunr.Vector needs. */
  const byTermIndex = (elements) => {
    let sorted = true;
    for (let i = 2; i < elements.length; i += 2) {
      if (elements[i] < elements[i - 2]) sorted = false;
    }
    if (sorted) return elements;
    const pairs = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([elements[i], elements[i + 1]]);
    return pairs.sort((a, b) => a[0] - b[0]).flat();
  };

  /** A query's words with lunr's syntax characters taken out. */
  const plainWords = (text) =>
    text
      .split(/\s+/)
      .map((word) => word.replace(/[:^~*"\\+]/g, ""))
      .filter((word) => trim(word) !== "");

  /* ---- State in the URL ---------------------------------------------------------- */

  const FACET_PARAMS = ["topic", "outlet", "section", "year", "entity"];

  const readState = () => {
    const params = new URLSearchParams(location.search);
    const filters = FACET_PARAMS.flatMap((name) =>
      params.getAll(name).map((key) => ({ name, key })),
    );
    const month = (name) => (/^\d{4}-\d{2}$/.test(params.get(name) || "") ? params.get(name) : "");
    const sort = ["newest", "oldest"].includes(params.get("sort")) ? params.get("sort") : "";
    return { q: params.get("q") || "", filters, sort, from: month("from"), to: month("to") };
  };

  const stateURL = (state) => {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const { name, key } of state.filters) params.append(name, key);
    for (const name of ["from", "to", "sort"]) if (state[name]) params.set(name, state[name]);
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  };

  const sameFilter = (a, b) => a.name === b.name && a.key === b.key;

  /* ---- DOM helpers ------------------------------------------------------------------ */

  const el = (tag, attributes = {}, ...children) => {
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

  const siteURL = (path) => (path ? `${ROOT}${path}` : null);

  /** Names as a sentence says them: "A", "A and B", "A, B and C". */
  const sayNames = (names) =>
    names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

  /** Text with the words whose stems the query matched wrapped in <mark>. */
  const highlighted = (engine, text, matched) => {
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

  const SNIPPET_WORDS = 36;
  const SNIPPETS = 3;

  /** About 36 words of ``text`` around its first matched word (or its start). */
  const snippet = (engine, text, matched) => {
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
  const bestPassages = (engine, paragraphs, matched) => {
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

  /* ---- The search page ---------------------------------------------------------- */

  class SearchPage {
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

    /** The next page of result items (their cards are fetched now). */
    async nextResults(search) {
      const batch = this.matches.slice(this.shown, this.shown + PAGE_SIZE);
      const cards = await Promise.all(batch.map((match) => search.card(match.doc)));
      return cards.map((card, i) => this.result(search, card, batch[i]));
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
        ...bestPassages(search, card.paragraphs || [card.text || ""], matched).map((passage) =>
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
          const byKey = (a, b) => b.value.key.localeCompare(a.value.key); // years: newest first
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

  const toggle = (filters, filter) =>
    filters.some((f) => sameFilter(f, filter))
      ? filters.filter((f) => !sameFilter(f, filter))
      : [...filters, filter];

  /** Rows as CSV (RFC 4180), with a cell that a spreadsheet would read as a formula
   * ("=", "+", "-", "@" first) quoted behind an apostrophe. */
  const toCSV = (rows) => {
    if (!rows.length) return "";
    const columns = Object.keys(rows[0]);
    const cell = (value) => {
      let text = String(value ?? "");
      if (/^[=+\-@]/.test(text)) text = `'${text}`;
      return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    return [columns.join(","), ...rows.map((row) => columns.map((c) => cell(row[c])).join(","))].join("\r\n") + "\r\n";
  };

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const monthName = (month) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

  /** The results within the state's months (a date known only to its year is in range when
   * the whole year is), sorted newest or oldest first when asked, undated last. Documents
   * are numbered in date order, so a sort by date is a sort by number (articles of the
   * same date stay in the corpus's order). */
  const byDate = (results, monthOf, { sort, from, to }) => {
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
  const applyFilters = (results, chosen, filters) => {
    let keep = results;
    for (const filter of filters) {
      const value = chosen.get(`${filter.name}\u0000${filter.key}`);
      const docs = value ? value.docs : new Set();
      keep = keep.filter((match) => docs.has(match.doc));
    }
    return keep;
  };

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
})();
