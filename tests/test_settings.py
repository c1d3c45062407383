"""The NEWS_* settings: one list of defaults, the README's tables in step with it."""

import re
from pathlib import Path

from newscorpus.settings import DEFAULTS, SETTINGS, markdown_table, shown, value, with_defaults

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TABLE_ROW = re.compile(r"^\| `(NEWS_[A-Z_]+)` \| ([^|]*?) \|", re.MULTILINE)
READ = re.compile(r"""value\([^,]+,\s*"(NEWS_[A-Z_]+)"\)""")


def test_the_readme_lists_every_setting_with_its_default():
    assert markdown_table() in README


def test_every_table_row_in_the_readme_gives_the_default_of_settings_py():
    rows = TABLE_ROW.findall(README)
    assert len(rows) > len(SETTINGS)  # the full table and the tables of each section
    for name, default in rows:
        assert name in DEFAULTS, name
        assert default == shown(DEFAULTS[name]), name


def test_every_setting_the_plugin_reads_or_the_project_sets_has_a_default():
    code = "\n".join(path.read_text() for path in (ROOT / "plugins").rglob("*.py"))
    read = set(READ.findall(code))
    assert "NEWS_SPACY_MODEL" in read and "NEWS_TOPIC_FEED_ATOM" in read
    configured = set()
    for conf in ("pelicanconf.py", "publishconf.py"):
        configured |= set(re.findall(r"^(NEWS_[A-Z_]+) =", (ROOT / conf).read_text(), re.M))
    assert configured
    assert (read | configured) <= set(DEFAULTS)


def test_a_setting_left_out_takes_its_default_and_a_setting_given_is_kept():
    settings = {"NEWS_STORY_MAX_DAYS": 3, "NEWS_CACHE": None}
    assert value(settings, "NEWS_QUOTES_PER_PAGE") == 200
    assert value(settings, "NEWS_CACHE") is None  # None turns caching off
    with_defaults(settings)
    assert settings["NEWS_STORY_MAX_DAYS"] == 3
    assert settings["NEWS_CACHE"] is None
    assert settings["NEWS_TOPIC_FEED_ATOM"] is None
    assert set(settings) == set(DEFAULTS)
