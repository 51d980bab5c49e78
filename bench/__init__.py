"""Benchmark harness of the site generator (``make bench``): not a test.

It generates a realistic corpus of N entries with the project's own model,
times ``capi check``, the project's full build and a plain Material build of
the same Markdown, and writes the results as a French page
(``docs/performances.md``).
"""
