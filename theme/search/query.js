/* The query language: words, phrases, operators and designators, read into groups. */

import { trim } from "./terms.js";

/* Every word is required; "a OR b" wants either; NOT word, -word leave out; "two words"
 * want both (a phrase); title:word, gov*, erdgan~1 and turkey^10 are lunr's. parseQuery
 * reads the text into groups (every group must match; any unit of a group may) and
 * exclusions, with notes in plain words about anything read differently. */
export const OPERATORS = new Set(["AND", "OR", "NOT"]);
export const SYNTAX = /[:^~*"+\\]/g;
export const LUNR_SYNTAX = /[:^~*+\\]/;

/** Words and quoted phrases, with their signs: [{text, phrase, sign}] or operators. */
export const queryTokens = (text) => {
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
export const plainWord = (word) => word.replace(SYNTAX, " ").trim();

export const parseQuery = (text) => {
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
export const COMPACT_DESIGNATOR = /^(\p{L}{1,5})(\d{1,4}\p{L}{0,2})$/u;
export const LETTERS_ONLY = /^\p{L}{1,5}$/u;
export const DIGITS_FIRST = /^\d{1,4}\p{L}{0,3}$/u;

/** A query's words with lunr's syntax characters taken out. */
export const plainWords = (text) =>
  text
    .split(/\s+/)
    .map((word) => word.replace(/[:^~*"\\+]/g, ""))
    .filter((word) => trim(word) !== "");
