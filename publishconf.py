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
