"""Engine of the capitalisation site generator.

Data flows content → graph → render → outputs, driven by mkdocs_adapter (the only
package that knows MkDocs) and commands (capi); macros/README.md draws the flow.
"""
