"""How well the reader reads real pages: text, headline, outlet, date (not a test).

Runs :func:`newscorpus.reading.parse.parse_article` over the text dumps of the pages
development set (``../shared/corpora/pages``: ``text/`` and ``text-inscriptis/``), and
:func:`newscorpus.reading.webpage.parse_page` over its saved pages (``html/``), and scores them
against the set's gold, the way its README describes:

- article text: the "with" and "without" snippets found in the cleaned output
  (headline and body, whitespace collapsed), summed over pages; precision, recall
  and F1, with the keep-every-line baseline beside them, and the pages whose
  article is lost whole (no "with" snippet kept where the dump has some);
- headline: right when it is the page's own title (``og:title``, its first
  ``<h1>`` or its ``<title>``, each also with a " | Site" suffix taken off),
  derived when the reader made it from the lead, wrong otherwise;
- outlet: right when it names the site (``og:site_name`` or the domain), unknown,
  or wrong;
- date: on the pages with a gold date, right when the day (or the month or year,
  at that precision) agrees, undated, or wrong; and a second count on the pages with
  either gold date (the metadata's, or the one the set's annotators read on the page,
  ``annotated.date``), right when ours agrees with either: the metadata often holds a
  first-publication date where the page states a later edition's;
- pages per second (ours only) and the process's peak memory.

The dumps of one style are read as one corpus, as a build reads a folder: lines that
recur across its files as a template (:mod:`newscorpus.reading.recurring`) are
furniture; ``--alone`` reads each page on its own.

    .venv/bin/python bench/reading.py [--style text] [--lang en] [--show N] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import trafilatura  # noqa: E402
from newscorpus.reading.decode import INVISIBLE  # noqa: E402
from newscorpus.reading.parse import UNKNOWN_OUTLET, UnreadableFile, parse_article  # noqa: E402
from newscorpus.reading.recurring import lines_of, recurring_lines  # noqa: E402
from newscorpus.reading.webpage import decode_page, parse_page  # noqa: E402

PAGES = ROOT.parent / "shared" / "corpora" / "pages"
STYLES = ("text", "text-inscriptis", "html")
SPACES = re.compile(r"\s+")
TITLE_SEPARATORS = re.compile(r"\s+[|–—•·:»/-]+\s+|:\s+")
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def norm(text: str) -> str:
    """Whitespace collapsed, and the characters no reader sees left out (the reader
    drops them; a gold snippet copied from the page may hold a soft hyphen)."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", INVISIBLE.sub("", text))).strip()


def loose(text: str) -> str:
    """Letters and digits only, case-folded: how titles and names are compared."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in text if char.isalnum())


@dataclass
class Tally:
    """Counts for one group of pages (a style, a language)."""

    pages: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    base_tp: int = 0
    base_fp: int = 0
    base_fn: int = 0
    lost: int = 0
    headline: Counter[str] = field(default_factory=Counter)
    outlet: Counter[str] = field(default_factory=Counter)
    date: Counter[str] = field(default_factory=Counter)
    either_date: Counter[str] = field(default_factory=Counter)
    byline: Counter[str] = field(default_factory=Counter)
    dated_without_gold: int = 0
    day_off: int = 0

    def scores(self, tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def page_titles(html_path: Path) -> set[str]:
    """The page's own titles: og:title (the gold headline), first h1, title, suffix-free."""
    raw = html_path.read_bytes().decode("utf-8", "replace")
    titles = set()
    for pattern in (H1, TITLE):
        match = pattern.search(raw)
        if match:
            titles.add(norm(html.unescape(TAG.sub(" ", match.group(1)))))
    return titles


def title_forms(title: str, site: str) -> set[str]:
    """A title, its parts between separators ("Kicker: Title | Site"), without the site."""
    forms = {loose(title)}
    parts = [part for part in TITLE_SEPARATORS.split(title) if part.strip()]
    site_forms = {loose(site), loose(site.rsplit(".", 1)[0])} if site else set()
    for first in range(len(parts)):
        for last in range(first + 1, len(parts) + 1):
            forms.add(loose(" ".join(parts[first:last])))
    if site and loose(site):
        forms.add(loose(title).replace(loose(site), ""))
    return {form for form in forms if len(form) >= 4 and form not in site_forms}


def judge_headline(article, gold: dict, titles: set[str]) -> str:
    if article.headline_derived:
        return "derived"
    ours = loose(article.headline)
    forms = title_forms(gold["headline"], gold["site"] or "")
    for title in titles:
        forms |= title_forms(title, gold["site"] or "")
    return "right" if ours in forms else "wrong"


def judge_outlet(article, gold: dict) -> str:
    if article.outlet == UNKNOWN_OUTLET:
        return "unknown"
    ours = loose(re.sub(r"^the\s+", "", article.outlet, flags=re.IGNORECASE))
    names = set()
    if gold["site"]:
        names.add(loose(re.sub(r"^the\s+", "", gold["site"], flags=re.IGNORECASE)))
    if gold.get("domain"):
        names.add(loose(gold["domain"].rsplit(".", 1)[0]))
        names.add(loose(gold["domain"]))
    parts = re.split(r"[\s-]+", article.outlet)
    initials = loose("".join(word[:1] for word in parts if word[:1].isalpha()))
    gold_first = loose(gold["site"].split()[0]) if gold["site"] else ""
    if len(ours) >= 3 and ours == gold_first and article.outlet.isupper():
        return "right"  # "OSW" for "OSW Ośrodek Studiów Wschodnich"
    for name in names:
        if len(initials) >= 3 and initials == name:
            # "Bundesamt für Naturschutz" for bfn.de, "Rhein-Neckar-Zeitung" for rnz.de
            return "right"
        if len(ours) >= 3 and (ours == name or (len(ours) >= 4 and ours in name)):
            return "right"
        if len(name) >= 4 and name in ours and len(ours) <= len(name) + 12:
            return "right"
    return "wrong"


def judge_date(article, gold: dict) -> str:
    published = article.published
    if not published.iso:
        return "undated"
    return "right" if gold["published"].startswith(published.iso) else "wrong"


def gold_dates(gold: dict) -> list[str]:
    """The metadata's date and the annotators' (where each is given)."""
    annotated = (gold.get("annotated") or {}).get("date") or ""
    return [date for date in (gold["published"], annotated) if date]


def judge_either_date(article, gold: dict) -> str:
    published = article.published if article else None
    if not published or not published.iso:
        return "undated"
    right = any(date.startswith(published.iso) for date in gold_dates(gold))
    return "right" if right else "wrong"


def one_day_apart(article, gold: dict) -> bool:
    """The stated date is a day before or after the gold's."""
    ours = article.published.iso
    if len(ours) != len("2019-05-19") or len(gold["published"]) < len(ours):
        return False
    gold_day = dt.date.fromisoformat(gold["published"][:10])
    return abs((dt.date.fromisoformat(ours) - gold_day).days) == 1


def judge_byline(article, gold: dict) -> str | None:
    """Against the set's annotated author (where it has one): right, none or wrong."""
    author = (gold.get("annotated") or {}).get("author")
    if not author:
        return None
    if not article or not article.byline:
        return "none"
    wanted = loose(" ".join(author) if isinstance(author, list) else author)
    return "right" if any(loose(name) in wanted for name in article.byline) else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--style", choices=STYLES, action="append")
    parser.add_argument("--lang", help="only pages in this language")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N wrong cases of each kind")
    parser.add_argument("--dump", type=Path, help="write per-page results as JSON here")
    parser.add_argument("--alone", action="store_true", help="no lines recurring across pages")
    args = parser.parse_args()

    gold = json.loads((args.pages / "gold.json").read_text(encoding="utf-8"))
    stems = sorted(gold)
    if args.lang:
        stems = [s for s in stems if gold[s]["lang"] == args.lang]
    if args.limit:
        stems = stems[: args.limit]
    titles = {s: page_titles(args.pages / gold[s]["html"]) for s in stems}
    per_page: dict[str, dict] = defaultdict(dict)
    wrong: dict[str, list[str]] = defaultdict(list)

    for style in args.style or STYLES:
        tallies: dict[str, Tally] = defaultdict(Tally)
        payloads = [(s, page_bytes(args.pages, s, gold[s], style)) for s in stems]
        elapsed = 0.0
        recurring: dict[str, frozenset[str]] = {}
        if style != "html" and not args.alone:
            start = time.perf_counter()
            recurring = recurring_lines({stem: lines_of(raw) for stem, raw in payloads})
            elapsed += time.perf_counter() - start
        for stem, raw in payloads:
            page = gold[stem]
            lang = page["lang"] or "unknown"
            groups = ("all", lang if lang in ("de", "en") else "other")
            dump = baseline(raw, style)
            start = time.perf_counter()
            try:
                if style == "html":
                    article = parse_page(raw, f"{stem}.html")
                else:
                    article = parse_article(
                        raw, f"{stem}.txt", recurring=recurring.get(stem, frozenset())
                    )
            except UnreadableFile:
                article = None
            elapsed += time.perf_counter() - start
            # A saved page's title is its markup's, not a line of text: the body alone is
            # compared, as trafilatura's text (the reference) is.
            out = ""
            if article:
                body = article.body_text
                out = norm(body if style == "html" else f"{article.headline}\n{body}")
            with_hits = [norm(s) in out for s in page["with"]]
            without_hits = [norm(s) in out for s in page["without"]]
            base_with = [norm(s) in dump for s in page["with"]]
            base_without = [norm(s) in dump for s in page["without"]]
            verdicts = {}
            if article:
                verdicts["headline"] = judge_headline(article, page, titles[stem])
                verdicts["outlet"] = judge_outlet(article, page)
                if page["published"]:
                    verdicts["date"] = judge_date(article, page)
            for group in groups:
                tally = tallies[group]
                tally.pages += 1
                tally.tp += sum(with_hits)
                tally.fn += len(with_hits) - sum(with_hits)
                tally.fp += sum(without_hits)
                tally.tn += len(without_hits) - sum(without_hits)
                tally.base_tp += sum(base_with)
                tally.base_fn += len(base_with) - sum(base_with)
                tally.base_fp += sum(base_without)
                tally.lost += any(base_with) and not any(with_hits)
                tally.headline[verdicts.get("headline", "derived")] += 1
                tally.outlet[verdicts.get("outlet", "unknown")] += 1
                byline = judge_byline(article, page)
                if byline:
                    tally.byline[byline] += 1
                if page["published"]:
                    tally.date[verdicts.get("date", "undated")] += 1
                elif article and article.published.iso:
                    tally.dated_without_gold += 1
                if gold_dates(page):
                    tally.either_date[judge_either_date(article, page)] += 1
                if verdicts.get("date") == "wrong" and one_day_apart(article, page):
                    tally.day_off += 1
            record = per_page[stem].setdefault(style, {})
            record.update(verdicts)
            record["missed"] = [
                s for s, hit in zip(page["with"], with_hits, strict=True) if not hit
            ]
            record["kept_furniture"] = [
                s for s, hit in zip(page["without"], without_hits, strict=True) if hit
            ]
            if article:
                record["headline_text"] = article.headline
                record["outlet_text"] = f"{article.outlet} ({article.outlet_reason})"
                record["date_text"] = f"{article.published.iso} ({article.published.reason})"
                record["byline_text"] = list(article.byline)
            for kind, verdict in verdicts.items():
                if verdict == "wrong":
                    gold_value = {"headline": "headline", "outlet": "site", "date": "published"}
                    shown = record.get(f"{kind}_text", "")
                    wrong[f"{style} {kind}"].append(
                        f"{stem}: {shown!r} != {page[gold_value[kind]]!r}"
                    )
        report(style, tallies, len(payloads) / elapsed if elapsed else 0.0)
    if args.show:
        for kind, cases in wrong.items():
            print(f"\nwrong {kind} ({len(cases)}):")
            for case in cases[: args.show]:
                print(f"  {case}")
    if args.dump:
        args.dump.write_text(json.dumps(per_page, ensure_ascii=False, indent=1), encoding="utf-8")


def page_bytes(pages: Path, stem: str, page: dict, style: str) -> bytes:
    """A page as the style stores it: the saved HTML, or a text dump."""
    if style == "html":
        return (pages / page["html"]).read_bytes()
    return (pages / style / f"{stem}.txt").read_bytes()


def baseline(raw: bytes, style: str) -> str:
    """What ours is compared with: a text dump kept whole, or trafilatura's own text."""
    if style != "html":
        return norm(raw.decode("utf-8", "replace"))
    text = decode_page(raw)[0]
    extracted = trafilatura.extract(text, include_comments=False, include_tables=True)
    return norm(extracted or "")


def report(style: str, tallies: dict[str, Tally], rate: float) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n== {style}/  ({rate:,.1f} files/s, peak memory {peak:,.0f} MB)")
    if style == "html":
        print("  base F1 = trafilatura alone (its text, comments left out)")
    header = (
        f"{'pages':>12} {'P':>6} {'R':>6} {'F1':>6} {'base F1':>8} {'lost':>5}"
        f" | {'headline r/d/w':>16} | {'outlet r/u/w':>16} | {'date r/u/w (n)':>20}"
        f" | {'byline r/n/w (n)':>20}"
    )
    print(header)
    for group in ("all", "en", "de", "other"):
        if group not in tallies:
            continue
        t = tallies[group]
        _, _, f1 = t.scores(t.tp, t.fp, t.fn)
        precision, recall, _ = t.scores(t.tp, t.fp, t.fn)
        _, _, base_f1 = t.scores(t.base_tp, t.base_fp, t.base_fn)
        dated = sum(t.date.values())
        authored = sum(t.byline.values())
        print(
            f"{group:>5} {t.pages:>6} {precision:6.3f} {recall:6.3f} {f1:6.3f} {base_f1:8.3f}"
            f" {t.lost:>5} | {percent(t.headline, 'right', 'derived', 'wrong', t.pages):>16}"
            f" | {percent(t.outlet, 'right', 'unknown', 'wrong', t.pages):>16}"
            f" | {percent(t.date, 'right', 'undated', 'wrong', dated):>14} ({dated})"
            f" | {percent(t.byline, 'right', 'none', 'wrong', authored):>14} ({authored})"
        )
    either = tallies["all"].either_date
    print(
        f"  date r/u/w against the metadata or the annotators' date:"
        f" {percent(either, 'right', 'undated', 'wrong', sum(either.values()))}"
        f" ({sum(either.values())} pages; wrong {either['wrong']})"
    )
    print(f"  pages without a gold date given one: {tallies['all'].dated_without_gold}")
    print(
        f"  wrong dates one day from the gold (the page's local date against metadata"
        f" in UTC, or an edit the next day): {tallies['all'].day_off}"
    )


def percent(counts: Counter[str], a: str, b: str, c: str, total: int) -> str:
    if not total:
        return "-"
    return "/".join(f"{100 * counts[key] / total:.0f}" for key in (a, b, c))


if __name__ == "__main__":
    main()
