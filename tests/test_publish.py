"""Publishing on GitHub Pages: the workflow is valid, pinned and least-privileged."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_workflow_matches_githubs_schema():
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_has_no_zizmor_findings_even_for_an_auditor():
    result = run(str(BIN / "zizmor"), "--offline", "--persona=auditor", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_and_permissions_are_per_job():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert len(uses) == 6
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert "permissions: {}" in text
    assert "make publish" in text and "SITEURL: ${{ steps.pages.outputs.base_url }}" in text
