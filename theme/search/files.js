/* The search folder's files: fetched with the manifest's version, and decoded. */

const script = document.querySelector("script[data-search-base]");
export const BASE = script.dataset.searchBase;
export const LUNR_VERSION = script.dataset.lunrVersion;
export const ROOT = script.dataset.siteRoot;

/* Pages do not carry the index's version (a page stays byte-identical when only the
 * index changes, so a rebuild rewrites only the pages whose own content changed). The
 * manifest is revalidated instead, and every other index file is fetched with the
 * manifest's version, so one search never mixes the files of two builds. */
let version = "";
export const url = (path) => `${BASE}${path}?v=${version}`;

export const fetchJSON = async (path, options) => {
  const response = await fetch(url(path), options);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
};

export const fetchManifest = async () => {
  const response = await fetch(`${BASE}manifest.json`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`manifest.json: HTTP ${response.status}`);
  const manifest = await response.json();
  version = manifest.version;
  return manifest;
};

export const loadScript = (src) =>
  new Promise((resolve, reject) => {
    const element = document.createElement("script");
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(element);
  });

/** Decode "gap" lists (each number the difference from the previous one). */
export const ungap = (gaps) => {
  const out = new Array(gaps.length);
  let value = 0;
  for (let i = 0; i < gaps.length; i += 1) {
    value += gaps[i];
    out[i] = value;
  }
  return out;
};

/** FNV-1a (32 bits) of name, NUL, key as UTF-16 code units (facet_key_hash in search.py). */
export const facetKeyHash = (name, key) => {
  const text = `${name}\u0000${key}`;
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value >>> 0;
};

export const MAX_BUCKET_LENGTH = 25;
export const bucketChar = (char) => (/^[a-z0-9]$/.test(char) ? char : "_");
export const bucketKey = (family, length, char) =>
  `${family}${Math.max(1, Math.min(length, MAX_BUCKET_LENGTH))}-${char}`;

/** Vector elements ``[index, value, ...]`` in term-index order, as lunr.Vector needs. */
export const byTermIndex = (elements) => {
  let sorted = true;
  for (let i = 2; i < elements.length; i += 2) {
    if (elements[i] < elements[i - 2]) sorted = false;
  }
  if (sorted) return elements;
  const pairs = [];
  for (let i = 0; i < elements.length; i += 2) pairs.push([elements[i], elements[i + 1]]);
  return pairs.sort((a, b) => a[0] - b[0]).flat();
};

/** The index of the last of ``sorted`` (strings or numbers, ascending) that is at most
 * ``value`` (0 when none is). */
export const lastAtMost = (sorted, value) => {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
};
