"""What HTML and links contributed Markdown may carry, told with the line (DESIGN §6).

The rules are judged on what Python-Markdown actually produces from the body, with
the site's extensions (``attr_list`` included), so the check and the page never
disagree about what is code: Markdown has already escaped code, and whatever markup
remains is live. The same allow-list is enforced on every built page by
``sanitize.clean`` (nh3); this module only turns what it would remove into
``path:line:`` messages. Lines are found by looking up the offending name or value in
the source, outside code.

Bodies that cannot carry markup or a dangerous link (no « < », « { », « & », link
definition, image or link with an unusual scheme) are not converted: the common case
stays cheap.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from . import bounds
from .problems import Problems
from .prose import line_at, mask_code

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "var", "wbr",
})
ALLOWED_ATTRIBUTES = frozenset({
    "alt", "cite", "class", "colspan", "datetime", "height", "href", "id", "lang", "open",
    "rowspan", "scope", "src", "start", "title", "width", "style", "headers",
})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# presentation only: none of them can load anything
ALLOWED_STYLE_PROPERTIES = frozenset({
    "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style",
    "text-decoration", "width", "height",
})
# the theme's own elements, which contributed ids must not shadow (DOM clobbering)
RESERVED_ID_RE = re.compile(r"^(?:__|md-)", re.IGNORECASE)
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# for images: anything with a scheme, or starting with two (back)slashes, leaves the site
EXTERNAL_RE = re.compile(r"^([a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
# browsers drop tabs, newlines and other control characters inside URLs: so do we, then judge
URL_NOISE_RE = re.compile(r"[\x00-\x20\x7f]+")
STYLE_LOADS_RE = re.compile(r"url\s*\(|@import|expression\s*\(|behavior\s*:|image-set|\\",
                            re.IGNORECASE)
# an address, not a high-density image name such as logo@2x.png
EMAIL_IN_TEXT_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?!\d+x\.)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b",
                              re.IGNORECASE)
# no look-around in the pattern (3x faster on long texts): boundaries are checked per match
PHONE_IN_TEXT_RE = re.compile(r"(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}")
# images come from the repository itself; organisers may allow hosts in vocabulaires.yml
# (`hotes_images`), knowing that every request to a third party leaks the reader's address
IMAGE_HOSTS_KEY = "hotes_images"
# the site's Markdown extensions, MkDocs' built-in fenced_code first (a test keeps them equal)
MARKDOWN_EXTENSIONS = ("fenced_code", "abbr", "admonition", "attr_list", "def_list", "footnotes",
                       "md_in_html", "tables", "toc", "pymdownx.details")

# may the body hold markup or a link that is not plainly http(s), mailto, tel or relative?
_SUSPECT_RE = re.compile(
    r"[<{&]|\]:|!\[|\]\(\s*(?![hH][tT][tT][pP][sS]?://|mailto:|tel:)[\w+.-]*:")
# start tags of the converted HTML; quoted values may hold « > » (bounded: bounds.py caps « < »)
_TAG_RE = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^<>"']|"[^"]{0,4000}"|'[^']{0,4000}')*)""")
_ATTR_RE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def is_external(url: str) -> bool:
    return bool(EXTERNAL_RE.match(URL_NOISE_RE.sub("", url)))


def allowed_image(url: str, hosts: frozenset[str]) -> bool:
    match = re.match(r"^https://([^/\\?#]+)/", URL_NOISE_RE.sub("", url), re.IGNORECASE)
    return bool(match) and match.group(1).lower() in hosts


def allowed_attribute_name(name: str) -> bool:
    """``data-md-…`` attributes drive the theme's scripts: contributed markup has none."""
    if name.startswith(("aria-", "data-")):
        return not name.startswith("data-md")
    return name in ALLOWED_ATTRIBUTES


def is_reserved_id(value: str) -> bool:
    return bool(RESERVED_ID_RE.match(value))


def dangerous_url(url: str) -> bool:
    """A URL with a scheme other than http, https, mailto or tel (javascript:, data:…)."""
    compact = URL_NOISE_RE.sub("", url)
    return bool(SCHEME_RE.match(compact)) and not compact.lower().startswith(SAFE_SCHEMES)


@lru_cache(maxsize=1)
def _markdown():
    import markdown  # only bodies with markup pay for loading Python-Markdown

    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def to_html(body: str) -> str:
    """The body as the site's Markdown converts it (before the engine adds anything)."""
    converter = _markdown()
    converter.reset()
    return converter.convert(body)


def judge(page_html: str, image_hosts: frozenset[str] = frozenset()):
    """(what, remedy, needle) for each thing of ``page_html`` the sanitiser would remove."""
    for tag_match in _TAG_RE.finditer(page_html):
        tag = tag_match.group(1).lower()
        if tag not in ALLOWED_TAGS:
            yield (f"balise <{tag}>", "retirez-la ou décrivez son contenu en Markdown",
                   f"<{tag_match.group(1)}")
            continue
        for attr in _ATTR_RE.finditer(tag_match.group(2)):
            name = attr.group(1).lower()
            raw = next((v for v in attr.group(2, 3, 4) if v is not None), "")
            yield from _judge_attribute(tag, name, html.unescape(raw), raw, image_hosts)


def _judge_attribute(tag: str, name: str, value: str, raw: str, image_hosts: frozenset[str]):
    if name.startswith("on"):
        yield f"attribut « {name} » sur <{tag}>", "les scripts sont interdits", name
    elif not allowed_attribute_name(name):
        yield f"attribut « {name} » sur <{tag}>", "retirez cet attribut", name
    elif name in URL_ATTRIBUTES and dangerous_url(value):
        shown = URL_NOISE_RE.sub("", value)[:30]
        yield (f"adresse « {shown} » sur <{tag}>", "utilisez un lien https:// ou un fichier du "
               "dépôt", raw[:12] or name)
    elif tag == "img" and name == "src" and is_external(value) and not allowed_image(
            value, image_hosts):
        yield (f"image externe « {value[:40]} »", "enregistrez l'image dans le dépôt, à côté "
               "de la page", raw[:20])
    elif name == "style" and (STYLE_LOADS_RE.search(value) or _style_properties(value)
                              - ALLOWED_STYLE_PROPERTIES):
        yield (f"style non autorisé sur <{tag}>", "gardez seulement couleurs, alignement et "
               "graisse, sans url(), @import ni expression()", "style")
    elif name == "id" and is_reserved_id(value):
        yield f"identifiant « {value[:30]} » réservé au site", "choisissez un autre id", value


def _style_properties(style: str) -> set[str]:
    return {part.split(":", 1)[0].strip().lower() for part in style.split(";") if part.strip()}


def check_body(body: str, body_line: int, path: str, problems: Problems,
               image_hosts: frozenset[str] = frozenset()) -> bool:
    """Report forbidden HTML, links and personal contact data in a body, each on its line.

    Returns False when the body is over a cost bound (reported): it must not be converted.
    """
    prose = mask_code(body)  # for personal data and for locating lines: code is an example
    _check_personal_data(prose, body_line, path, problems)
    if not bounds.check(body, body_line, path, problems):
        return False
    if not _SUSPECT_RE.search(body):
        return True
    # where to look for the line: prose first (an example in code is not the culprit),
    # then the whole body (what a scanner of the source takes for code may be live)
    texts = (prose.lower(), body.lower())
    cursors: dict[str, int] = {}  # a needle met twice is looked up after its last place
    for what, remedy, needle in judge(to_html(body), image_hosts):
        needle = needle.lower()
        line = body_line
        for text in texts:
            position = text.find(needle, cursors.get(needle, 0)) if needle else -1
            if position >= 0:
                cursors[needle] = position + 1
                line = line_at(text, position, body_line)
                break
        problems.add(path, line, "E029", what=what, remedy=remedy)
    return True


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
