"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def valid_dir() -> Path:
    return FIXTURES / "valid"
