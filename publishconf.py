"""Settings for the published site: pelicanconf.py plus the public URL.

SITEURL comes from the environment so the same file serves a user site
(https://<user>.github.io) and a project site (https://<user>.github.io/<repo>).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Feeds need absolute links, so they are built for the published site only.
FEED_ALL_ATOM = "feeds/all.atom.xml"
NEWS_TOPIC_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
FEED_MAX_ITEMS = 100

# sitemap.xml, by the pelican-sitemap plugin (its clock is pinned by our plugin).
PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]  # noqa: F405
SITEMAP = {"format": "xml", "exclude": [r"^404\.html$"]}
