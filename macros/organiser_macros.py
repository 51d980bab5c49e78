"""Macros for organiser pages (mkdocs-macros "pluglet"); contributed pages never run them."""

from __future__ import annotations


def define_env(env) -> None:  # noqa: D103 - mkdocs-macros entry point
    pass
