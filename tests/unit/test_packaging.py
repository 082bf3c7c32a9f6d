"""Packaging a user can trust (issue 32): the LICENSE file is the licence pyproject names, the
classifiers are real ones that say what the package is, every exact pin says why, and the
CHANGELOG has the version being released. (The built wheel's metadata: tests/e2e/test_wheel.py.)"""

from __future__ import annotations

import re

import tomli
import trove_classifiers

from aiplan_tui import __version__
from conftest import REPO

PROJECT = tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_license_file_is_the_license_pyproject_names() -> None:
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_classifiers_are_known_and_agree_with_the_rest_of_pyproject() -> None:
    classifiers = PROJECT["classifiers"]
    assert classifiers == sorted(classifiers) and len(set(classifiers)) == len(classifiers)
    assert not set(classifiers) - trove_classifiers.classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # `license` says it
    assert "Environment :: Console :: Curses" not in classifiers  # Textual is not curses
    assert PROJECT["requires-python"] == ">=3.10"
    versions = [c.rpartition(" :: ")[2] for c in classifiers if re.search(r":: 3\.\d+$", c)]
    assert versions and versions[0] == "3.10"


def test_every_exact_pin_says_why() -> None:
    """An `==` pin stops every fix and release; the line says what would break without it."""
    lines = (REPO / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    pinned = [line for line in lines if re.match(r'\s*"[A-Za-z0-9_.-]+(\[[^]]*\])?==', line)]
    assert pinned
    for line in pinned:
        assert re.search(r'",\s*#\s*\S', line), f"an exact pin without its reason: {line.strip()}"


def test_the_changelog_has_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n")
    assert re.search(rf"^## {re.escape(__version__)}\b", changelog, re.MULTILINE)
