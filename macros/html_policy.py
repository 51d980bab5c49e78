"""What HTML and links contributed Markdown may carry (DESIGN §6: content never runs code).

An allow-list of tags and attributes; scripts, frames, forms, event handlers,
``javascript:``/``data:`` URLs, external images and styles that load
resources are refused with the line where they are written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .problems import Problems
from .prose import line_at, mask_code

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
ALLOWED_ATTRIBUTES = frozenset({
    "alt", "cite", "class", "colspan", "datetime", "height", "href", "id", "lang", "markdown",
    "open", "rowspan", "scope", "src", "title", "width", "style", "headers",
})
DANGEROUS_URL_RE = re.compile(r"^(javascript|data|vbscript|file):", re.IGNORECASE)
# for images: anything with a scheme, or starting with two (back)slashes, leaves the site
EXTERNAL_RE = re.compile(r"^([a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
# browsers drop tabs, newlines and other control characters inside URLs: so do we, then judge
URL_NOISE_RE = re.compile(r"[\x00-\x20\x7f]+")
REF_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
STYLE_LOADS_RE = re.compile(r"url\s*\(|@import|expression\s*\(|behavior\s*:", re.IGNORECASE)
# an address, not a high-density image name such as logo@2x.png
EMAIL_IN_TEXT_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?!\d+x\.)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b",
                              re.IGNORECASE)
# no look-around in the pattern (3x faster on long texts): boundaries are checked per match
PHONE_IN_TEXT_RE = re.compile(r"(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}")
MD_LINK_RE = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
# images come from the repository itself; organisers may allow hosts in vocabulaires.yml
# (`hotes_images`), knowing that every request to a third party leaks the reader's address
IMAGE_HOSTS_KEY = "hotes_images"


class _Scanner(HTMLParser):
    def __init__(self, first_line: int, image_hosts: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.image_hosts = image_hosts
        self.found: list[tuple[int, str, str]] = []  # (line, what, remedy)

    def _report(self, what: str, remedy: str) -> None:
        self.found.append((self.first_line + self.getpos()[0] - 1, what, remedy))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self._report(f"balise <{tag}>", "retirez-la ou décrivez son contenu en Markdown")
            return
        for name, value in attrs:
            value = URL_NOISE_RE.sub("", value or "") if name in ("href", "src") else (value or "")
            if name.startswith("on"):
                self._report(f"attribut « {name} » sur <{tag}>", "les scripts sont interdits")
            elif name not in ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")):
                self._report(f"attribut « {name} » sur <{tag}>", "retirez cet attribut")
            elif name in ("href", "src") and DANGEROUS_URL_RE.match(value):
                self._report(f"adresse « {value[:30]} » sur <{tag}>",
                             "utilisez un lien https:// ou un fichier du dépôt")
            elif name == "src" and EXTERNAL_RE.match(value) and not _allowed_image(
                    value, self.image_hosts):
                self._report(f"image externe « {value[:40]} »",
                             "enregistrez l'image dans le dépôt, à côté de la page")
            elif name == "style" and STYLE_LOADS_RE.search(value):
                self._report(f"style qui charge une ressource sur <{tag}>",
                             "retirez url(), @import ou expression() du style")

    handle_startendtag = handle_starttag


def _allowed_image(url: str, hosts: frozenset[str]) -> bool:
    match = re.match(r"^https://([^/\\]+)/", url, re.IGNORECASE)
    return bool(match) and match.group(1).lower() in hosts


def check_body(body: str, body_line: int, path: str, problems: Problems,
               image_hosts: frozenset[str] = frozenset()) -> None:
    """Report every forbidden piece of HTML or link, and personal contact data, in a body."""
    prose = mask_code(body)  # code is shown, never interpreted
    _check_personal_data(prose, body_line, path, problems)
    if "<" in prose:
        scanner = _Scanner(body_line, image_hosts)
        try:
            scanner.feed(prose)
            scanner.close()
        except Exception:  # noqa: BLE001 - HTMLParser is lenient; never let it crash a check
            pass
        for line, what, remedy in scanner.found:
            problems.add(path, line, "E029", what=what, remedy=remedy)
    if "]:" in prose:
        for m in REF_DEFINITION_RE.finditer(prose):
            if DANGEROUS_URL_RE.match(URL_NOISE_RE.sub("", m.group(1))):
                problems.add(path, line_at(prose, m.start(), body_line), "E029",
                             what=f"lien « {m.group(1)[:30]} »",
                             remedy="utilisez un lien https:// ou un fichier du dépôt")
    if "](" in prose:
        for m in MD_LINK_RE.finditer(prose):
            is_image, url = m.group(1) == "!", URL_NOISE_RE.sub("", m.group(2))
            line = line_at(prose, m.start(), body_line)
            if DANGEROUS_URL_RE.match(url):
                problems.add(path, line, "E029", what=f"lien « {url[:30]} »",
                             remedy="utilisez un lien https:// ou un fichier du dépôt")
            elif is_image and EXTERNAL_RE.match(url) and not _allowed_image(url, image_hosts):
                problems.add(path, line, "E029", what=f"image externe « {url[:40]} »",
                             remedy="enregistrez l'image dans le dépôt, à côté de la page")


def _check_personal_data(prose: str, body_line: int, path: str, problems: Problems) -> None:
    """A person's e-mail or phone number goes in ``contacts`` with consent, not in the text."""
    from .model import is_functional_email

    if "@" in prose:
        for m in EMAIL_IN_TEXT_RE.finditer(prose):
            if not is_functional_email(m.group(0)):
                problems.add(path, line_at(prose, m.start(), body_line), "E030",
                             value=m.group(0))
    for m in PHONE_IN_TEXT_RE.finditer(prose):
        before = prose[m.start() - 1] if m.start() else " "
        after = prose[m.end()] if m.end() < len(prose) else " "
        if not (before.isalnum() or before in "_+") and not after.isdigit():
            problems.add(path, line_at(prose, m.start(), body_line), "E030", value=m.group(0))
