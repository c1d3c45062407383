"""Writes ``data/first-names-more.txt``: given names from Faker's person providers that
news does not use as a word, a country or a place (not a test; run it by hand).

The hand-kept ``first-names.txt`` names the common given names of English news; a
person from elsewhere ("Carolina Kluft", "Denis Hickie", "Aurelien Rougerie") needs a
wider table. Faker (MIT) keeps given names for about 80 locales. A name from it is kept
when all of these hold:

- it is written in Latin letters, at least three of them;
- the reference corpus (default: the BBC corpus) writes it in lower case at most once
  ("Autumn", "Star", "Job" are words);
- it is no country's or territory's English name (Babel);
- where the model reads it as the first word of a name in the reference corpus, it reads
  a person at least as often as anything else ("Boston", "Holland", "Wells" are not);
- the model reads "<name> Smith said on Monday that he would resign." as a person
  ("Houston Smith" is not one).

Faker is not a dependency of the site: install the pinned version beside the project's
(``pip install faker==40.63.0``) and run ``python bench/first_names.py``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.entities.nlp import load_pipeline  # noqa: E402
from newscorpus.wordlists import country_names, load_words  # noqa: E402

BBC = ROOT.parent / "shared" / "corpora" / "bbc"
OUT = ROOT / "plugins" / "newscorpus" / "data" / "first-names-more.txt"
FAKER_VERSION = "40.63.0"
NAME = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
NOT_PEOPLE = {"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
MAX_LOWER = 1
TEMPLATE = "{} Smith said on Monday that he would resign."


def faker_first_names() -> set[str]:
    """Every given name of Faker's person providers, in Latin letters."""
    import faker
    import faker.providers.person as providers

    if faker.VERSION != FAKER_VERSION:
        sys.exit(f"Faker {faker.VERSION} is installed; this table is made with {FAKER_VERSION}")
    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = importlib.import_module(f"{providers.__name__}.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attribute)
            if isinstance(value, list | tuple | dict):
                names.update(name for name in value if isinstance(name, str))
    return {
        name
        for name in names
        if NAME.fullmatch(name)
        and name[0].isupper()
        and len(name) >= 3
        and all(ord(char) < 0x250 for char in name)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help="reference corpus of .txt")
    args = parser.parse_args()
    texts = [p.read_text("latin-1") for p in sorted(args.corpus.rglob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files under {args.corpus}")
    lower: Counter[str] = Counter()
    for text in texts:
        lower.update(LOWER_WORD.findall(text))
    territories = country_names()
    known = load_words("first-names.txt")
    nlp = load_pipeline()
    read_as: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in nlp.pipe(texts, batch_size=64):
        for entity in doc.ents:
            read_as[entity.text.split()[0]][entity.label_] += 1

    dropped: Counter[str] = Counter()
    candidates = []
    for name in sorted(faker_first_names()):
        key = name.casefold()
        labels = read_as.get(name, Counter())
        other = sum(count for label, count in labels.items() if label in NOT_PEOPLE)
        if key in known:
            dropped["in first-names.txt"] += 1
        elif lower[key] > MAX_LOWER:
            dropped["a word"] += 1
        elif key in territories:
            dropped["a country"] += 1
        elif other and other >= labels["PERSON"]:
            dropped["read as a place or firm in the corpus"] += 1
        else:
            candidates.append(name)
    kept = []
    for name, doc in zip(
        candidates, nlp.pipe((TEMPLATE.format(n) for n in candidates), batch_size=256), strict=True
    ):
        if any(e.label_ == "PERSON" and e.text.startswith(name) for e in doc.ents):
            kept.append(name)
        else:
            dropped["not a person before a surname"] += 1
    header = [
        "# Given names from Faker's person providers (Faker "
        f"{FAKER_VERSION}), written by bench/first_names.py:",
        "# names news does not use as a word, a country or a place. Regenerate rather than",
        "# edit; add names by hand to first-names.txt.",
    ]
    lines = []
    line = ""
    for name in sorted({name.casefold() for name in kept}):
        if len(line) + len(name) + 1 > 88:
            lines.append(line)
            line = ""
        line = f"{line} {name}".strip()
    lines.append(line)
    OUT.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT.relative_to(ROOT)}")
    for reason, count in dropped.most_common():
        print(f"  dropped, {reason}: {count}")


if __name__ == "__main__":
    main()
