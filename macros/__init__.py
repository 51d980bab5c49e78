"""Engine of the capitalisation site generator.

Data flows load → validate → graph → mkdocs → render → export; each step is
one module (or small package) here. The core (everything except
``mkdocs_plugin`` and ``organiser_macros``) knows nothing of MkDocs.
"""
