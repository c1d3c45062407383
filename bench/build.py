"""Build speed: our site against plain Pelican, on a corpus of thousands of articles.

In one run, over a copy of the corpus (default: the BBC corpus, 2,225 articles):

1. cold build: empty extraction cache, empty output folder;
2. warm rebuild: nothing changed;
3. incremental rebuild: one article edited;
4. the baseline: plain Pelican (its default theme, Markdown reader) building the same
   articles converted to Markdown, one page per article;
5. spaCy's small pipeline alone over the cleaned texts with ``n_process=2``.

Prints wall time and peak memory (resident set size of the whole process tree,
sampled every 50 ms) of each, the output size, and the targets: warm and incremental
≤ 2× the baseline, cold ≤ 1.3× (spaCy alone + baseline), peak memory ≤ 1.5 GB.

    .venv/bin/python bench/build.py [--corpus DIR] [--work DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newscorpus.entities.nlp import DEFAULT_MODEL  # noqa: E402
from newscorpus.reading.parse import UnreadableFile, parse_article  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
MEMORY_LIMIT = 1.5 * 1024**3


@dataclass
class Run:
    seconds: float
    peak_bytes: int


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024
                for line in status.splitlines()
                if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def measure(command: list[str], cwd: Path = ROOT) -> Run:
    """Run a command to the end; its wall time and the peak RSS of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(process.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-3000:]}")
    return Run(seconds, peak)


def folder_size(folder: Path) -> tuple[int, int, int]:
    """(files, HTML pages, bytes) under a folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.suffix == ".html")
    return len(files), pages, sum(p.stat().st_size for p in files)


def pelican(corpus: Path, output: Path, settings: str, *overrides: str) -> list[str]:
    command = [sys.executable, "-m", "pelican", str(corpus), "-o", str(output), "-s", settings]
    return command + (["-e", *overrides] if overrides else [])


def to_markdown(corpus: Path, target: Path, files: list[Path]) -> list[str]:
    """Each article as a Markdown file (headline, body paragraphs); return the cleaned texts."""
    texts = []
    for number, path in enumerate(files):
        try:
            article = parse_article(path.read_bytes(), path.relative_to(corpus).as_posix())
        except UnreadableFile:
            continue
        body = "\n\n".join(block.text for block in article.blocks)
        texts.append(body)
        headline = article.headline.replace("\n", " ")
        (target / f"{number:05d}.md").write_text(
            f"Title: {headline}\nDate: 2020-01-01\nSlug: a{number:05d}\n\n{body}\n",
            encoding="utf-8",
        )
    return texts


def spacy_alone(texts: list[str], work: Path) -> Run:
    """spaCy's small pipeline over the texts with two processes, in a child process."""
    script = work / "spacy-texts.txt"
    script.write_text("\n\x00\n".join(texts), encoding="utf-8")
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({DEFAULT_MODEL!r})\n"
        f"texts = open({str(script)!r}, encoding='utf-8').read().split('\\n\\x00\\n')\n"
        "for _ in nlp.pipe(texts, n_process=2, batch_size=64): pass\n"
    )
    try:
        return measure([sys.executable, "-c", code])
    finally:
        script.unlink()


@contextlib.contextmanager
def work_folder(given: Path | None) -> Iterator[Path]:
    """The scratch folder asked for, or a temporary one removed afterwards."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = parser.parse_args()
    with work_folder(args.work) as work:
        run(args, work)


def run(args: argparse.Namespace, work: Path) -> None:
    files = sorted(args.corpus.rglob("*.txt"))[: args.limit or None]
    corpus, cache, output = work / "corpus", work / "cache", work / "output"
    for folder in (corpus, cache, output):
        shutil.rmtree(folder, ignore_errors=True)
    for path in files:
        target = corpus / path.relative_to(args.corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    print(f"{len(files)} files from {args.corpus}, in {corpus}")

    ours = pelican(corpus, output, "pelicanconf.py", f'CACHE_PATH="{cache}"')
    runs = {"cold build": measure(ours)}
    runs["warm rebuild"] = measure(ours)
    edited = files[len(files) // 2]
    target = corpus / edited.relative_to(args.corpus)
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\nThe council said on Tuesday that the review would be published.\n")
    runs["incremental (1 edited)"] = measure(ours)
    size = folder_size(output)

    markdown, baseline_output = work / "markdown", work / "baseline"
    shutil.rmtree(markdown, ignore_errors=True)
    shutil.rmtree(baseline_output, ignore_errors=True)
    markdown.mkdir()
    texts = to_markdown(corpus, markdown, sorted(corpus.rglob("*.txt")))
    settings = work / "baselineconf.py"
    settings.write_text(
        'SITEURL = ""\nTIMEZONE = "UTC"\nARTICLE_URL = "articles/{slug}/"\n'
        'ARTICLE_SAVE_AS = "articles/{slug}/index.html"\nFEED_ALL_ATOM = None\n'
        "CATEGORY_FEED_ATOM = None\nCACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n"
        "PLUGINS = []\n",
        encoding="utf-8",
    )
    runs["plain Pelican (Markdown)"] = measure(pelican(markdown, baseline_output, str(settings)))
    baseline_size = folder_size(baseline_output)
    runs["spaCy alone (n_process=2)"] = spacy_alone(texts, work)

    print(f"\n{'':28} {'wall':>8} {'peak memory':>12}")
    for name, run in runs.items():
        print(f"{name:28} {run.seconds:7.1f}s {run.peak_bytes / 1024**2:9,.0f} MB")
    print(f"\nour output:      {size[0]:,} files, {size[1]:,} HTML pages, {size[2] / 1e6:,.1f} MB")
    print(
        f"baseline output: {baseline_size[0]:,} files, {baseline_size[1]:,} HTML pages, "
        f"{baseline_size[2] / 1e6:,.1f} MB"
    )
    base = runs["plain Pelican (Markdown)"].seconds
    spacy = runs["spaCy alone (n_process=2)"].seconds
    peak = max(
        run.peak_bytes for name, run in runs.items() if not name.startswith(("plain", "spaCy"))
    )
    checks = [
        ("warm ≤ 2× baseline", runs["warm rebuild"].seconds, 2 * base),
        ("incremental ≤ 2× baseline", runs["incremental (1 edited)"].seconds, 2 * base),
        ("cold ≤ 1.3× (spaCy + baseline)", runs["cold build"].seconds, 1.3 * (spacy + base)),
        ("peak memory ≤ 1.5 GB", peak / 1024**3, MEMORY_LIMIT / 1024**3),
    ]
    print()
    for label, value, limit in checks:
        verdict = "ok" if value <= limit else "MISSED"
        print(f"{label:32} {value:8.1f} vs {limit:8.1f}  {verdict}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
