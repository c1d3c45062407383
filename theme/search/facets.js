/* Facet counts over a query's results, from the blocks of its documents (Engine's). */

import { facetKeyHash, lastAtMost, ungap } from "./files.js";

// The most blocks of a facet tier after the first that a query's counts fetch.
export const TIER_BLOCKS = 8;

export class Facets {
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
    return this.dateValues[lastAtMost(this.dateStarts, doc)] || "";
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
}
