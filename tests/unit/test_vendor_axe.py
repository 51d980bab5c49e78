"""tests/browser/vendor_axe.py (``make axe``): what it writes satisfies the audit's own check of
the vendored copy, without downloading anything here."""

from __future__ import annotations

from tests.browser.vendor_axe import banner_version, readme


def test_the_readme_written_names_the_version_as_the_audit_expects() -> None:
    text = readme("9.8.7", "sha512-abc", b"/*! axe v9.8.7\n")
    # the same check as tests/browser/test_accessibility.py on the committed README
    assert "axe-core **9.8.7**" in text and "axe-core@9.8.7" in text
    assert "sha512-abc" in text and "make axe" in text


def test_the_banner_gives_the_version_of_the_script() -> None:
    assert banner_version(b"/*! axe v4.14.1\n * Copyright (c) 2015") == "4.14.1"
    assert banner_version(b"console.log('not axe')") == ""
