"""mkdocs-macros renders organiser pages with Jinja: make that Jinja a sandbox.

mkdocs-macros builds a plain ``jinja2.Environment``, in which a template can
walk Python attributes up to ``os``. We swap it for an immutable sandboxed
environment with the same loader, delimiters, globals and filters, so even an
organiser page that opted in cannot reach the machine that builds the site.
"""

from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment


def sandbox_macros(plugins) -> bool:
    """Replace the macros plugin's Jinja environment by a sandbox; True when done."""
    macros = plugins.get("macros") if hasattr(plugins, "get") else None
    if macros is None or not hasattr(macros, "_env"):
        return False
    plain = macros._env
    if isinstance(plain, ImmutableSandboxedEnvironment):
        return True
    safe = ImmutableSandboxedEnvironment(
        loader=plain.loader,
        undefined=plain.undefined,
        block_start_string=plain.block_start_string,
        block_end_string=plain.block_end_string,
        variable_start_string=plain.variable_start_string,
        variable_end_string=plain.variable_end_string,
        comment_start_string=plain.comment_start_string,
        comment_end_string=plain.comment_end_string,
        autoescape=False,
    )
    safe.globals.update(plain.globals)
    safe.filters.update(plain.filters)
    macros._env = safe
    return True
