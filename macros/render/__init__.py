"""Renderers: graph → Markdown fragments (lists, tables, badges) and inline SVG.

Renderers write Markdown links to source files (``../pratiques/fablab.md``);
MkDocs turns them into URLs and checks them, in directory and file mode alike.
"""
