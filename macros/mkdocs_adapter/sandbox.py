"""mkdocs-macros renders organiser pages with Jinja: make that Jinja a sandbox of plain data.

mkdocs-macros builds a plain ``jinja2.Environment``, in which a template can walk Python
attributes up to ``os``, and hands templates live objects (the MkDocs configuration with
its plugins, pages, files) whose methods read and write files. We swap the environment
for an immutable sandbox that only reads attributes of plain data (text, numbers, lists,
dicts), and give templates a plain-data copy of the configuration: an organiser page can
print ``config.extra.…`` and call the engine's macros, nothing else.
"""

from __future__ import annotations

from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

PLAIN_TYPES = (str, int, float, bool, type(None), list, tuple, dict, Markup)


class PlainDataSandbox(ImmutableSandboxedEnvironment):
    """Attributes are read on plain data only (a plugin, a page or a path has none to give)."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, PLAIN_TYPES) and super().is_safe_attribute(obj, attr, value)


def plain(value: Any, depth: int = 0) -> Any:
    """``value`` as nested dicts, lists and scalars; other objects are left out."""
    if depth > 20:
        return None
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value if _is_data(v)]
    if hasattr(value, "items"):
        return {str(k): plain(v, depth + 1) for k, v in value.items() if _is_data(v)}
    return None


def _is_data(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool, type(None), list, tuple, dict)) or (
        hasattr(value, "items") and not callable(getattr(value, "on_config", None))
    )


def sandbox_macros(plugins) -> bool:
    """Replace the macros plugin's Jinja environment by a sandbox; True when done."""
    macros = plugins.get("macros") if hasattr(plugins, "get") else None
    if macros is None or not hasattr(macros, "_env"):
        return False
    variables = getattr(macros, "variables", None)
    if isinstance(variables, dict):
        if "config" in variables:
            variables["config"] = plain(variables["config"])
        for live in ("plugin", "files", "navigation"):  # objects with file access
            variables.pop(live, None)
    plain_env = macros._env
    if isinstance(plain_env, PlainDataSandbox):
        return True
    safe = PlainDataSandbox(
        loader=plain_env.loader,
        undefined=plain_env.undefined,
        block_start_string=plain_env.block_start_string,
        block_end_string=plain_env.block_end_string,
        variable_start_string=plain_env.variable_start_string,
        variable_end_string=plain_env.variable_end_string,
        comment_start_string=plain_env.comment_start_string,
        comment_end_string=plain_env.comment_end_string,
        autoescape=False,
    )
    safe.globals.update(plain_env.globals)
    safe.filters.update(plain_env.filters)
    macros._env = safe
    return True
