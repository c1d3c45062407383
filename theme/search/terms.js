/* Terms: the twin of plugins/newscorpus/terms.py (fold, split, trim). */

export const HYPHENS = "-\u2010\u2011";
export const BREAKS = /([-\u2010\u2011\u2012\u2013\u2014\u2015/\\|])/;
export const APOSTROPHES = /[\u2019\u2018\u02bc]/g;
export const ALNUM = /[\p{L}\p{N}]/u;
export const LETTER = /\p{L}/u;
export const DIGIT = /\p{Nd}/u;

// Latin letters lose their accents and marks, as fold() in terms.py does.
export const MARKED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g;
export const UNMARKED = {
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
export const fold = (text) =>
  text
    .toLowerCase()
    .replaceAll("\u0307", "")
    .replace(
      MARKED_LATIN,
      (letter) => UNMARKED[letter] ?? letter.normalize("NFD").replace(/\p{M}/gu, ""),
    );

export const trim = (part) => {
  const chars = Array.from(part);
  let start = 0;
  let end = chars.length;
  while (start < end && !ALNUM.test(chars[start])) start += 1;
  while (end > start && !ALNUM.test(chars[end - 1])) end -= 1;
  return chars.slice(start, end).join("");
};

export const finish = (part) => {
  const trimmed = trim(part);
  return trimmed.endsWith("'s") ? trim(trimmed.slice(0, -2)) : trimmed;
};

/** The terms one whitespace-free word gives, before stop words and stemming. */
export const splitTerm = (word) => {
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

export const newsTerms = (token) => splitTerm(token.toString()).map((term) => token.clone(() => term));
