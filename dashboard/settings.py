"""Every ``DASHBOARD_*`` environment variable, declared once and checked at start-up.

Each setting is a record (name, what it means, its default, how its text is read), as
datasette declares its settings. ``read`` checks them all at once and raises one
``SettingsError`` naming every bad value and what was expected; the command line and
``app.py`` print it as one line and exit, never a traceback. The README's table of
settings is tested against ``SETTINGS`` (``tests/test_docs.py``).

Nothing here imports the rest of the package: every layer may read its settings.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parent / "data"

#: ``frame-ancestors`` sources: 'self', 'none', or http(s) origins such as
#: https://moodle.example.edu, separated by spaces.
_ORIGIN = re.compile(r"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                     r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?$")
_HOSTNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
FRAME_FORMS = "'self', 'none', or http(s) origins such as https://lms.example.edu"


class SettingsError(ValueError):
    """One or more settings hold values the app cannot use; the message names them all."""


def _path(text: str) -> Path:
    return Path(text).expanduser()


def _host(text: str) -> str:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        if not _HOSTNAME.match(text):
            raise ValueError("an IP address such as 127.0.0.1 or 0.0.0.0, or a host "
                             "name") from None
    return text


def _whole(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            raise ValueError(f"a whole number from {low} to {high}")
        return int(text)
    return parse


def frame_ancestors(text: str) -> str:
    """Check a ``frame-ancestors`` list; ``*`` (any site may embed the app) is refused.

    >>> frame_ancestors("'self'  https://lms.example.edu:8443")
    "'self' https://lms.example.edu:8443"
    >>> frame_ancestors("*")
    Traceback (most recent call last):
    ...
    ValueError: 'self', 'none', or http(s) origins such as https://lms.example.edu \
(not '*')
    """
    sources = text.split()
    bad = [s for s in sources if s not in ("'self'", "'none'") and not _ORIGIN.match(s)]
    if bad or not sources:
        raise ValueError(f"{FRAME_FORMS} (not {' '.join(bad) or text!r})"
                         if bad else FRAME_FORMS)
    if "'none'" in sources and len(sources) > 1:
        raise ValueError("'none' alone, or a list without it")
    return " ".join(sources)


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, meaning, default (as text) and reader."""

    name: str
    meaning: str
    default: str
    parse: Callable[[str], object]

    def read(self, environ: Mapping[str, str]) -> object:
        text = environ.get(self.name, "").strip()
        return self.parse(text or self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting("DASHBOARD_DATA", "the corpus directory to serve", str(DEFAULT_DATA_DIR), _path),
    Setting("DASHBOARD_HOST", "the address to listen on (0.0.0.0 opens the app to the "
            "network)", "127.0.0.1", _host),
    Setting("DASHBOARD_PORT", "the port to listen on", "8050", _whole(1, 65535)),
    Setting("DASHBOARD_WORKERS", "`make serve`: worker processes", str((os.cpu_count() or 1)
                                                                        + 1), _whole(1, 64)),
    Setting("DASHBOARD_CONNECTIONS", "`make serve`: open connections per worker (a browser "
            "keeps up to six)", "1000", _whole(1, 10000)),
    Setting("DASHBOARD_CACHE", "where computed layout positions are kept between runs",
            str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                / "ivanov-1955"), _path),
    Setting("DASHBOARD_FRAME_ANCESTORS", "sites allowed to embed the app in a frame: "
            + FRAME_FORMS, "'self'", frame_ancestors),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def read(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Every setting's value, by name; ``SettingsError`` lists every bad one at once.

    >>> read({"DASHBOARD_PORT": "8051"})["DASHBOARD_PORT"]
    8051
    >>> read({"DASHBOARD_PORT": "eighty", "DASHBOARD_WORKERS": "0"})
    Traceback (most recent call last):
    ...
    dashboard.settings.SettingsError: DASHBOARD_PORT='eighty': expected a whole number from 1 \
to 65535; DASHBOARD_WORKERS='0': expected a whole number from 1 to 64
    """
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    bad: list[str] = []
    for setting in SETTINGS:
        try:
            values[setting.name] = setting.read(environ)
        except ValueError as err:
            bad.append(f"{setting.name}={environ.get(setting.name, '')!r}: expected {err}")
    if bad:
        raise SettingsError("; ".join(bad))
    return values


def get(name: str, environ: Mapping[str, str] | None = None) -> object:
    """One setting's value; ``SettingsError`` when it is bad."""
    setting = BY_NAME[name]
    environ = os.environ if environ is None else environ
    try:
        return setting.read(environ)
    except ValueError as err:
        raise SettingsError(f"{name}={environ.get(name, '')!r}: expected {err}") from err
