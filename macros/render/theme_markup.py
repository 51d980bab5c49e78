"""Last touches on built HTML pages."""

from __future__ import annotations

import re

EXTERNAL_LINK_RE = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>')


EMAIL_RE = re.compile(r"(?<![&#\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _entities(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(ch)};" for ch in match.group(0))


def harden(html: str) -> str:
    """External links get ``rel="noopener"`` (the target page cannot reach back to ours) and
    e-mail addresses are written as HTML entities (shown as usual, missed by harvesters)."""
    html = EXTERNAL_LINK_RE.sub(r'<a rel="noopener" \1>', html)
    return EMAIL_RE.sub(_entities, html) if "@" in html else html


# Markup Material for MkDocs 9.8 emits that the Nu HTML Checker rejects (tested by
# tests/build/test_html_validity.py). Each fix keeps what browsers already do with the markup.
INPUT_RE = re.compile(r"<input\b[^>]*>")
CHECKBOX_AUTOCOMPLETE_RE = re.compile(r'\s+autocomplete="[^"]*"')
EMPTY_TABINDEX = 'tabindex=""'
LABEL_FOR_RE = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
# the footer's previous/next links: Material escapes a title MkDocs already escaped
FOOTER_LABEL_RE = re.compile(r'(<a [^>]*class="md-footer__link[^"]*" aria-label=")([^"]*)"')
DOUBLE_ESCAPED_RE = re.compile(r"&amp;(#x?[0-9a-fA-F]+|amp|quot|lt|gt|apos);")


def _checkbox_without_autocomplete(match: re.Match[str]) -> str:
    tag = match.group(0)
    return CHECKBOX_AUTOCOMPLETE_RE.sub("", tag) if 'type="checkbox"' in tag else tag


def _without_empty_tabindex(html: str) -> str:
    """What ``re.sub(r'\\s+tabindex=""', "", html)`` gives, in linear time (the pattern
    retries every run of spaces of the page's indentation: a tenth of the build's time)."""
    if EMPTY_TABINDEX not in html:
        return html
    parts = html.split(EMPTY_TABINDEX)
    out = []
    for part in parts[:-1]:
        kept = part.rstrip()  # str.rstrip and \s agree on what a space is
        out.append(kept if len(kept) < len(part) else part + EMPTY_TABINDEX)
    out.append(parts[-1])
    return "".join(out)


def conform_theme_markup(html: str) -> str:
    """Make the theme's page frame valid HTML, without changing what readers get:

    - ``autocomplete`` on the drawer and search checkboxes (``base.html``) is not allowed on
      checkboxes; Material uses it so Firefox does not restore an open drawer, which
      ``docs/overrides/main.html`` now does by closing both toggles on a fresh page load;
    - ``tabindex=""`` on section labels (``nav-item.html``) is an invalid value that browsers
      ignore: dropping it changes nothing;
    - ``<label for="__toc">`` (``toc.html``) names a checkbox that only pages listed in the
      navigation have: on the others the label points nowhere, so its ``for`` is dropped;
    - the footer's ``aria-label="Précédent: Types d&amp;#x27;acteurs"`` (``footer.html``
      escapes a title that is already escaped) is read out with its entity, unlike the
      visible title (axe-core: label-content-name-mismatch): escaped once only.
    """
    html = INPUT_RE.sub(_checkbox_without_autocomplete, html)
    html = _without_empty_tabindex(html)
    html = FOOTER_LABEL_RE.sub(
        lambda m: m.group(1) + DOUBLE_ESCAPED_RE.sub(r"&\1;", m.group(2)) + '"', html
    )
    # plain substring searches: a page has few labels but many ids (cheaper than collecting)
    return LABEL_FOR_RE.sub(
        lambda m: m.group(0) if f'id="{m.group(2)}"' in html else m.group(1), html
    )
