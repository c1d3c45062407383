"""How well extraction finds names and time expressions in two gold sets (not a test).

Parses and extracts (cold) the articles of each set and scores them against its gold
annotation as the gum-news README says ("Scoring an extractor against it"):

- gum-news: the 24 articles of ``../shared/corpora/gum-news`` against its ``gold.json``;
- bbc: 20 articles of ``../shared/corpora/bbc`` against our own hand annotation,
  ``bench/gold/bbc-entities.json`` (same structure; which files and the rules are in its
  ``_about``). It stores no text: each time expression's sentence is read from the file.
  BBC articles carry no date, so there is no dateline to score.

For each set, one after the other:

- entities: our (type, canonical name) pairs of PERSON, ORG and PLACE; micro precision and
  recall per type, with types and with types ignored (then a gold OTHER entity may match
  too); recall over the scored gold entities and over all; the per-document mean. Matched
  by our canonical name only, and by our name or any of our mention strings;
- time expressions: non-nested gold times among our date mentions, strict and lenient;
- dateline: our publication date against ``dateline.date``; throughput and peak memory
  (of the whole process so far: for the second set it includes the first).

    .venv/bin/python bench/entities.py [--set gum|bbc|both] [--corpus DIR] [--bbc DIR]
        [--bbc-gold FILE] [--show N] [--dump FILE]

``--dump FILE`` with both sets writes ``FILE`` with ``.gum-news`` and ``.bbc`` before the suffix.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain, zip_longest
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.entities.extract import Extraction, extract_corpus  # noqa: E402
from newscorpus.entities.nlp import DEFAULT_MODEL, load_pipeline  # noqa: E402
from newscorpus.model import Article  # noqa: E402
from newscorpus.reading.parse import parse_article  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "gum-news"
DEFAULT_BBC = ROOT.parent / "shared" / "corpora" / "bbc"
DEFAULT_BBC_GOLD = ROOT / "bench" / "gold" / "bbc-entities.json"
SETS = {"gum": ("gum-news",), "bbc": ("bbc",), "both": ("gum-news", "bbc")}
SCORED = ("PERSON", "ORG", "PLACE")
KINDS = (*SCORED, "all")
VARIANTS = ("by canonical name", "by any mention")
SETTINGS = [(variant, typed) for variant in VARIANTS for typed in (True, False)]
SPACES = re.compile(r"\s+")
LEADING_THE = re.compile(r"^the ")
TRAILING_POSSESSIVE = re.compile(r"(?:'s|')$")
AWAY = "not in our body text"
SEPARATORS = re.compile(r"[\s,;:()\"“”]+")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)")

Pair = tuple[str, str]  # (type, canonical name)
Pairs = dict[Pair, set[str]]  # each with its mention strings
Setting = tuple[str, bool]  # (variant, typed)
GoldSet = tuple[list[str], dict[str, dict], list[Path]]  # documents, gold pages, their files


def norm(text: str) -> str:
    """The README's form of a name: casefolded, ’ as ', spaces collapsed, no the/'s."""
    text = SPACES.sub(" ", text.casefold().replace("\u2019", "'")).strip()
    return TRAILING_POSSESSIVE.sub("", LEADING_THE.sub("", text, count=1))


def time_norm(text: str) -> str:
    """The README's form of a time expression: casefolded, spaces collapsed."""
    return SPACES.sub(" ", text.casefold()).strip()


def strings_of(name: str, mentions: set[str] | list[str]) -> set[str]:
    """An entity's strings to compare: its name and mentions, normalised."""
    return {norm(name), *map(norm, mentions)}


def is_scored(entity: dict) -> bool:
    """A gold entity of the main recall: with a mention, not embedded, not a group."""
    return bool(entity["mentions"]) and not entity.get("embedded") and not entity.get("group")


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    """Everything summed over the documents."""

    # Per (variant, typed) and type: found, right (pairs); gold, gold_hit, gold_all, gold_all_hit.
    entities: dict[Setting, dict[str, Counter]] = field(default_factory=lambda: defaultdict(dict))
    macro: dict[Setting, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    unscored: Counter[str] = field(default_factory=Counter)
    times: Counter[str] = field(default_factory=Counter)
    misses: list[tuple] = field(default_factory=list)
    false_positives: list[tuple] = field(default_factory=list)


def found_pairs(extraction: Extraction, unscored: Counter[str]) -> Pairs:
    """Our scored (type, name) pairs with their mention strings; other types counted."""
    pairs: Pairs = defaultdict(set)
    for entity in extraction.entities:
        if entity.type in SCORED:
            pairs[(entity.type, entity.name)] |= {m.text for m in entity.mentions}
        else:
            unscored[entity.type] += 1
    return pairs


def score_entities(
    pairs: Pairs, gold: list[dict], variant: str, typed: bool
) -> tuple[dict[str, Counter[str]], list[tuple], list[tuple]]:
    """Per-type counts of one document, the gold entities missed and our false positives."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    hit: set[int] = set()
    false_positives = []
    forms = [strings_of(entity["name"], entity["mentions"]) for entity in gold]
    for (kind, name), mentions in sorted(pairs.items()):
        strings = strings_of(name, mentions if variant == VARIANTS[1] else [])
        found = [
            index
            for index, entity in enumerate(gold)
            if (not typed or entity["type"] == kind) and strings & forms[index]
        ]
        hit.update(found)
        for key in (kind, "all"):
            counts[key].update(found=1, right=bool(found))
        if not found:
            false_positives.append((kind, name, sorted(mentions)))
    missed = []
    for index, entity in enumerate(gold):
        if entity["type"] not in SCORED:
            continue
        scored = is_scored(entity)
        for key in (entity["type"], "all"):
            counts[key].update(gold_all=1, gold_all_hit=index in hit, gold=scored)
            counts[key]["gold_hit"] += scored and index in hit
        if scored and index not in hit:
            missed.append((entity["type"], entity["name"], entity["mentions"]))
    return counts, missed, false_positives


def padded(text: str) -> str:
    """`` words `` of a normalised string, commas and brackets dropped: for overlaps."""
    return f" {' '.join(SEPARATORS.split(text))} "


def near(strings: set[str], candidates: list[tuple[str, str, set[str]]]) -> str:
    """The candidates (type, name, strings) that share one of ``strings`` or overlap it."""
    notes = [
        f"{'is' if strings & theirs else 'overlaps'} {kind} {name!r}"
        for kind, name, theirs in candidates
        if any(padded(a) in padded(b) or padded(b) in padded(a) for a in strings for b in theirs)
    ]
    return "; ".join(notes[:2]) or "nothing near"


def score_times(article: Article, extraction: Extraction, page: dict, tally: Tally) -> dict:
    """Count the non-nested gold times found strictly and leniently; return those missed.

    The dateline's date is found when it is the publication date read from it: the reader
    takes that line out of the body as the article's metadata. A page may have no dateline."""
    ours = [(date.start, date.end, time_norm(date.text)) for date in extraction.dates]
    strict, lenient = [], []
    dateline = page["dateline"]
    where = {page["title"]: "headline"} | ({dateline["text"]: "dateline"} if dateline else {})
    times = [gold for gold in page["times"] if not gold.get("nested")]
    dated = bool(dateline) and article.published.iso == dateline["date"]
    for gold in times:
        if dated and gold["sentence"] == dateline["text"]:
            tally.times["in the dateline, read as the publication date"] += 1
            continue
        text = time_norm(gold["text"])
        if all(text != found for _, _, found in ours):
            strict.append(gold["text"])
        spans = [m.span() for m in re.finditer(re.escape(gold["sentence"]), extraction.text)]
        if not spans:
            tally.times[f"outside: {where.get(gold['sentence'], 'removed by the cleaner')}"] += 1
        inside = [found for a, b, found in ours for s, e in spans if s <= a and b <= e]
        if not any(text in found or found in text for found in inside):
            lenient.append(gold["text"])
    tally.times.update(gold=len(times), strict=len(times) - len(strict))
    tally.times.update(lenient=len(times) - len(lenient))
    dates = [[date.text, date.iso] for date in extraction.dates]
    return {"date_mentions": dates, "missed_strict": strict, "missed_lenient": lenient}


def score_document(
    doc: str, page: dict, article: Article, extraction: Extraction, tally: Tally
) -> dict:
    """Score one document into ``tally``; return its found, missed and wrong lists."""
    pairs = found_pairs(extraction, tally.unscored)
    record: dict = {"found": [[k, n, sorted(m)] for (k, n), m in sorted(pairs.items())]}
    for variant, typed in SETTINGS:
        counts, missed, fps = score_entities(pairs, page["entities"], variant, typed)
        for kind in KINDS:
            tally.entities[variant, typed].setdefault(kind, Counter()).update(counts[kind])
        c = counts["all"]
        p = ratio(c["right"], c["found"]) if c["found"] else None
        r = ratio(c["gold_hit"], c["gold"]) if c["gold"] else None
        tally.macro[variant, typed].append((p, r, None if p is None or r is None else f1(p, r)))
        if (variant, typed) == (VARIANTS[0], True):
            ours = [(k, n, strings_of(n, m)) for (k, n), m in sorted(pairs.items())]
            theirs = [
                (e["type"], e["name"], strings_of(e["name"], e["mentions"]))
                for e in page["entities"]
            ]
            for miss in missed:
                seen = any(mention in extraction.text for mention in miss[2])
                tally.misses.append(
                    (doc, *miss, near(strings_of(*miss[1:]), ours) if seen else AWAY)
                )
            tally.false_positives += [(doc, *f, near(strings_of(*f[1:]), theirs)) for f in fps]
        key = f"{variant}, {'typed' if typed else 'types ignored'}"
        record[key] = {"missed": missed, "false_positives": fps}
    record["times"] = score_times(article, extraction, page, tally)
    iso, stated = article.published.iso, (page["dateline"] or {}).get("date")
    verdict = "undated" if not iso else "right" if iso == stated else "wrong"
    record["dateline"] = {"gold": stated, "ours": iso, "verdict": verdict}
    return record


def run_extraction(files: list[Path]) -> tuple[list[Article], list[Extraction], dict]:
    """Parse and extract every file cold (empty cache, unloaded model), timing each stage."""
    start = time.perf_counter()
    articles = [parse_article(path.read_bytes(), path.name) for path in files]
    parsed = time.perf_counter()
    load_pipeline.cache_clear()
    load_pipeline(DEFAULT_MODEL)
    loaded = time.perf_counter()
    corpus = extract_corpus(articles, processes=1)
    done = time.perf_counter()
    timing = {"parse": parsed - start, "load": loaded - parsed, "extract": done - loaded}
    return articles, list(corpus.articles), timing


def share(part: int, whole: int) -> str:
    """``0.659 (353/536)``."""
    return f"{ratio(part, whole):.3f} ({part:>3}/{whole:>3})"


def print_counts(title: str, totals: dict[str, Counter], macro: list[tuple]) -> None:
    """One block of the entity table: a line per type, then the per-document mean."""
    print(f"  {title}")
    for kind, c in totals.items():
        p, r = ratio(c["right"], c["found"]), ratio(c["gold_hit"], c["gold"])
        print(
            f"    {kind:<7} P {share(c['right'], c['found'])}  R {share(c['gold_hit'], c['gold'])}"
            f"  R-all {share(c['gold_all_hit'], c['gold_all'])}  F1 {f1(p, r):.3f}"
        )
    # A document with nothing found (or no gold) has no precision (or recall): left out.
    p, r, f = (fmean(row[i] for row in macro if row[i] is not None) for i in range(3))
    print(f"    {'macro':<7} P {p:.3f}            R {r:.3f}  (mean over documents)  F1 {f:.3f}")


def print_examples(tally: Tally, count: int) -> None:
    """Misses and false positives (typed, by canonical name), ``count`` of each per type."""
    for title, rows in (("missed", tally.misses), ("false positives", tally.false_positives)):
        for kind in SCORED:
            of_kind = [row for row in rows if row[1] == kind]
            by_doc: dict[str, list[tuple]] = defaultdict(list)
            for row in of_kind:
                by_doc[row[0]].append(row)
            spread = [row for row in chain(*zip_longest(*by_doc.values())) if row]
            print(f"\n{title} {kind} ({len(of_kind)}; doc: name, mentions, [ours/gold near it]):")
            for doc, _, name, mentions, note in spread[:count]:
                print(f"  {doc.removeprefix('GUM_news_')}: {name!r} {mentions}  [{note}]")


def load_gum(corpus: Path) -> GoldSet:
    """The gum-news documents, their gold pages and text files."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    docs = sorted(gold)
    return docs, gold, [corpus / "text" / f"{doc}.txt" for doc in docs]


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``start:end``: its line, cut after . ! or ? and space."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cuts = [m.end() for m in SENTENCE_END.finditer(text, line_start, line_end)]
    begin = max((cut for cut in cuts if cut <= start), default=line_start)
    finish = min((cut for cut in cuts if cut >= end), default=line_end)
    return text[begin:finish].strip()


def load_bbc(corpus: Path, gold_file: Path) -> GoldSet:
    """Our BBC annotation, completed from the files: the headline and each time's sentence.

    The sentence is unescaped as the reader does (``S&#227;o`` -> ``São``)."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    docs = sorted(doc for doc in gold if not doc.startswith("_"))
    files = [corpus / gold[doc]["source"] for doc in docs]
    for doc, path in zip(docs, files, strict=True):
        text = path.read_text(encoding="utf-8")
        page = gold[doc]
        page["title"] = text.split("\n", 1)[0]
        for time_ in page["times"]:
            start, end = time_["start"], time_["end"]
            if text[start:end] != time_["text"]:
                raise SystemExit(f"{path}: {time_['text']!r} is not at {start}:{end}")
            time_["sentence"] = html.unescape(sentence_at(text, start, end))
    return docs, gold, files


def score_set(corpus: Path, loaded: GoldSet, show: int, dump_to: Path | None) -> None:
    """Extract one set cold, score it and print the report."""
    docs, gold, files = loaded
    articles, extractions, timing = run_extraction(files)
    tally = Tally()
    dump = {
        doc: score_document(doc, gold[doc], article, extraction, tally)
        for doc, article, extraction in zip(docs, articles, extractions, strict=True)
    }
    print(f"corpus: {corpus}  documents: {len(docs)}  model: {DEFAULT_MODEL}")
    report(tally, dump, timing)
    if show:
        print_examples(tally, show)
    if dump_to:
        dump_to.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="both", help="which gold set(s) to score")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the gum-news set")
    parser.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="the bbc corpus folder")
    parser.add_argument("--bbc-gold", type=Path, default=DEFAULT_BBC_GOLD, help="our annotation")
    parser.add_argument("--show", type=int, default=0, help="print N misses and N FPs per type")
    parser.add_argument("--dump", type=Path, help="write per-document results as JSON here")
    args = parser.parse_args()

    names = SETS[args.set]
    for name in names:
        corpus = args.corpus if name == "gum-news" else args.bbc
        loaded = load_gum(corpus) if name == "gum-news" else load_bbc(corpus, args.bbc_gold)
        dump_to = args.dump
        if len(names) > 1:
            print(f"{'' if name == names[0] else chr(10)}######## {name}")
            if dump_to:
                dump_to = dump_to.with_name(f"{dump_to.stem}.{name}{dump_to.suffix}")
        score_set(corpus, loaded, args.show, dump_to)


def report(tally: Tally, dump: dict[str, dict], timing: dict[str, float]) -> None:
    """Print throughput and memory, the entity tables, times and datelines."""
    seconds = timing["parse"] + timing["extract"]
    print(
        f"time: parse {timing['parse']:.2f} s, extract {timing['extract']:.2f} s (cold) ->"
        f" {len(dump) / seconds:.1f} articles/s; model load {timing['load']:.2f} s on top"
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    print(f"found but not scored (entities of our other types): {dict(tally.unscored)}")
    for variant in VARIANTS:
        what = "our canonical name only" if variant == VARIANTS[0] else "our name or a mention"
        print(f"\n== entities matched {variant} ({what}); R-all: flagged gold entities too")
        print_counts("with types", tally.entities[variant, True], tally.macro[variant, True])
        print_counts("types ignored", tally.entities[variant, False], tally.macro[variant, False])
    away = sum(row[-1] == AWAY for row in tally.misses)
    print(f"\nmisses (typed, by name) with no mention in our body text (captions...): {away}")
    times = tally.times
    print(f"\n== time expressions, not nested: {times['gold']}")
    print(f"  strict {share(times['strict'], times['gold'])}", end="")
    print(f"  lenient {share(times['lenient'], times['gold'])}")
    outside = {k.split(": ")[1]: v for k, v in times.items() if k.startswith("outside")}
    print(f"  in a sentence missing from our body text: {sum(outside.values())} {outside}")
    dateline = times["in the dateline, read as the publication date"]
    print(f"  of those found: {dateline} in the dateline, read as the publication date")
    datelines = Counter(record["dateline"]["verdict"] for record in dump.values())
    if all(record["dateline"]["gold"] is None for record in dump.values()):
        print(f"\n== dateline: none in this set (not scored); ours: {dict(datelines)}")
        return
    wrong = [
        f"{doc}: {r['dateline']}" for doc, r in dump.items() if r["dateline"]["verdict"] != "right"
    ]
    print(f"\n== dateline (publication date = dateline.date): {dict(datelines)}", *wrong)


if __name__ == "__main__":
    main()
