"""Every DASHBOARD_* variable is declared once (dashboard/settings.py), documented in the
README's table, checked at start-up, and a bad value is one line, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import settings

ROOT = Path(__file__).resolve().parent.parent


def readme_table() -> dict[str, str]:
    """The README's settings table: variable -> meaning."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(DASHBOARD_[A-Z_]+)` \| [^|]+ \| (.+?) \|$", section, re.M)
    return dict(rows)


def test_the_readme_lists_every_setting_with_its_meaning():
    assert readme_table() == {s.name: s.meaning for s in settings.SETTINGS}


def test_no_module_reads_a_dashboard_variable_but_settings():
    """One module declares them: the others ask ``settings``."""
    readers = []
    for path in [*(ROOT / "dashboard").rglob("*.py"), ROOT / "app.py",
                 ROOT / "gunicorn.conf.py"]:
        text = path.read_text(encoding="utf-8")
        if path.name != "settings.py" and re.search(r"environ(?:\.get)?[\[(]\s*[\"']DASHBOARD_",
                                                     text):
            readers.append(str(path.relative_to(ROOT)))
    assert readers == []


@pytest.mark.parametrize(("name", "value", "words"), [
    ("DASHBOARD_PORT", "eighty", "a whole number from 1 to 65535"),
    ("DASHBOARD_PORT", "70000", "a whole number from 1 to 65535"),
    ("DASHBOARD_WORKERS", "0", "a whole number from 1 to 64"),
    ("DASHBOARD_HOST", "not a host!", "an IP address"),
    ("DASHBOARD_FRAME_ANCESTORS", "*", "(not '*')"),
    ("DASHBOARD_FRAME_ANCESTORS", "https://-.-", "http(s) origins"),
    ("DASHBOARD_FRAME_ANCESTORS", "'self' 'none'", "'none' alone"),
])
def test_a_bad_value_is_named_with_what_was_expected(name, value, words):
    with pytest.raises(settings.SettingsError) as caught:
        settings.read({name: value})
    assert name in str(caught.value) and words in str(caught.value)


def test_every_bad_value_is_reported_at_once():
    with pytest.raises(settings.SettingsError) as caught:
        settings.read({"DASHBOARD_PORT": "x", "DASHBOARD_CONNECTIONS": "-1"})
    assert "DASHBOARD_PORT" in str(caught.value) and "DASHBOARD_CONNECTIONS" in str(caught.value)


def test_the_defaults_are_valid():
    values = settings.read({})
    assert values["DASHBOARD_PORT"] == 8050 and values["DASHBOARD_HOST"] == "127.0.0.1"
    assert values["DASHBOARD_FRAME_ANCESTORS"] == "'self'"


@pytest.mark.parametrize("command", [
    [sys.executable, "app.py"],
    [sys.executable, "-m", "dashboard", "run"],
    [sys.executable, "-c", "import app"],
])
def test_a_bad_setting_stops_every_start_with_one_line(command):
    env = {**os.environ, "DASHBOARD_FRAME_ANCESTORS": "*"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "DASHBOARD_FRAME_ANCESTORS" in lines[0]
