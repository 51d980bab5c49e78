"""The only package that imports MkDocs, mkdocs-macros and Jinja: the plugin, the build and
the sandbox of organiser templates."""
