"""What HTML and links contributed Markdown may carry, told with the line (docs/guides/securite.md).

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

from ..problems import Problems
from . import bounds
from .identifiers import is_functional_email
from .prose import line_at, mask_code

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
ALLOWED_ATTRIBUTES = frozenset(
    {
        "alt",
        "cite",
        "class",
        "colspan",
        "datetime",
        "height",
        "href",
        "id",
        "lang",
        "open",
        "rowspan",
        "scope",
        "src",
        "start",
        "title",
        "width",
        "style",
        "headers",
    }
)
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# presentation only: none of them can load anything
ALLOWED_STYLE_PROPERTIES = frozenset(
    {
        "text-align",
        "vertical-align",
        "color",
        "background-color",
        "font-weight",
        "font-style",
        "text-decoration",
        "width",
        "height",
    }
)
# the theme's own elements, which contributed ids must not shadow (DOM clobbering)
RESERVED_ID_RE = re.compile(r"^(?:__|md-)", re.IGNORECASE)
# what Markdown's own heading ids look like; anything else (quotes, « < ») is refused, since
# the theme copies ids into the table of contents
SAFE_ID_RE = re.compile(r"^[\w:.-]{1,100}$")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# for images: anything with a scheme, or starting with two (back)slashes, leaves the site
EXTERNAL_RE = re.compile(r"^([a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
# browsers drop tabs, newlines and other control characters inside URLs: so do we, then judge
URL_NOISE_RE = re.compile(r"[\x00-\x20\x7f]+")
STYLE_LOADS_RE = re.compile(
    r"url\s*\(|@import|expression\s*\(|behavior\s*:|image-set|\\", re.IGNORECASE
)
# an address, not a high-density image name such as logo@2x.png
EMAIL_IN_TEXT_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+@(?!\d+x\.)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE
)
# no look-around in the pattern (3x faster on long texts): boundaries are checked per match
PHONE_IN_TEXT_RE = re.compile(r"(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}")
# the same matches in a text without « +33 », found 5x faster (re seeks a literal « 0 »)
_NATIONAL_PHONE_RE = re.compile(PHONE_IN_TEXT_RE.pattern.replace(r"(?:\+33\s?|0)", "0", 1))
# the site's Markdown extensions, MkDocs' built-in fenced_code first (a test keeps them equal)
MARKDOWN_EXTENSIONS = (
    "fenced_code",
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.superfences",
)

# may the body hold markup or a link that is not plainly http(s), mailto, tel or relative?
# (plain substring tests first: a regex alternation is tried at every character of the text)
_SUSPECT_MARKS = ("<", "{", "&", "]:", "![")
_SUSPECT_LINK_RE = re.compile(r"\]\(\s*(?![hH][tT][tT][pP][sS]?://|mailto:|tel:)[\w+.-]*:")


def _suspect(body: str) -> bool:
    if any(mark in body for mark in _SUSPECT_MARKS):
        return True
    return "](" in body and _SUSPECT_LINK_RE.search(body) is not None


# start tags of the converted HTML; quoted values may hold « > » (bounded: bounds.py caps « < »)
_TAG_RE = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^<>"']|"[^"]{0,4000}"|'[^']{0,4000}')*)""")
_ATTR_RE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def is_external(url: str) -> bool:
    return bool(EXTERNAL_RE.match(URL_NOISE_RE.sub("", url)))


def allowed_image(url: str, hosts: frozenset[str]) -> bool:
    match = re.match(r"^https://([^/\\?#]+)/", URL_NOISE_RE.sub("", url), re.IGNORECASE)
    return bool(match) and match.group(1).lower() in hosts


def allowed_attribute_name(name: str) -> bool:
    """No ``data-…``: the theme's scripts act on some (``data-md-…``, ``data-clipboard-text``
    puts any text on the reader's clipboard)."""
    return name.startswith("aria-") or name in ALLOWED_ATTRIBUTES


def theme_classes(value: str) -> list[str]:
    """Classes of the theme's own interface (``md-button``, ``md-dialog``…), which would let
    a page imitate the site's controls."""
    return [name for name in value.split() if name.lower().startswith("md-")]


def is_reserved_id(value: str) -> bool:
    return bool(RESERVED_ID_RE.match(value))


def is_safe_id(value: str) -> bool:
    return bool(SAFE_ID_RE.match(value)) and not is_reserved_id(value)


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


# tags a word processor or a web page leaves behind: dropped at publication, their text kept
PRESENTATION_TAGS = frozenset(
    {
        "font",
        "center",
        "big",
        "tt",
        "strike",
        "nobr",
        "o:p",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "main",
        "address",
        "label",
        "colgroup",
        "col",
    }
)
# specific advice for what contributors paste most
TAG_REMEDIES = {
    "iframe": "pour une vidéo, mettez un lien : [Titre de la vidéo](https://…)",
    "center": 'pour centrer, écrivez style="text-align: center" sur le paragraphe',
    "font": 'pour une couleur, écrivez <span style="color: …">',
}
ATTRIBUTE_REMEDIES = {
    "align": 'écrivez style="text-align: …" à la place',
    "valign": 'écrivez style="vertical-align: …" à la place',
    "bgcolor": 'écrivez style="background-color: …" à la place',
    "name": 'écrivez id="…" à la place',
    "target": "les liens s'ouvrent dans l'onglet du lecteur, qui reste libre d'en ouvrir un autre",
    "rel": 'le site ajoute lui-même rel="noopener" aux liens vers d\'autres sites',
}
KEPT_STYLES = (
    "text-align, vertical-align, color, background-color, font-weight, font-style, "
    "text-decoration, width et height"
)


def _tag_pattern(tag: str) -> str:
    return rf"<\s*{re.escape(tag)}(?![\w:-])"


def _attribute_pattern(name: str, valued: bool = True) -> str:
    """Where an attribute is written: « name= », or a bare name inside « < » or « { »."""
    if valued:
        return rf"(?<![\w-]){re.escape(name)}\s*="
    return rf"[<{{][^<>{{}}\n]*(?<![\w-]){re.escape(name)}(?![\w-])"


def _value_pattern(value: str, raw: str, fallback: str) -> str:
    """Where a value is written: as Markdown wrote it out (entities) or as typed."""
    options = {re.escape(v[:12]) for v in (value, raw) if v}
    return "|".join(sorted(options)) if options else fallback


def judge(page_html: str, image_hosts: frozenset[str] = frozenset()):
    """(code, what, remedy, pattern) for each thing of ``page_html`` the sanitiser would
    remove: E029 for what could run, load or mislead, W002 for formatting that is only
    dropped. ``pattern`` finds where it is written in the source."""
    for tag_match in _TAG_RE.finditer(page_html):
        tag = tag_match.group(1).lower()
        if tag not in ALLOWED_TAGS:
            code = "W002" if tag in PRESENTATION_TAGS else "E029"
            remedy = TAG_REMEDIES.get(
                tag,
                "retirez-la ou décrivez son contenu en Markdown"
                if code == "E029"
                else "son texte est gardé, sans elle",
            )
            yield code, f"balise <{tag}>", remedy, _tag_pattern(tag_match.group(1))
            if code == "E029":
                continue
        for attr in _ATTR_RE.finditer(tag_match.group(2)):
            name = attr.group(1).lower()
            raw = next((v for v in attr.group(2, 3, 4) if v is not None), "")
            valued = any(v is not None for v in attr.group(2, 3, 4))
            found = _judge_attribute(tag, name, html.unescape(raw), raw, image_hosts, valued)
            if tag in ALLOWED_TAGS:
                yield from found
            else:  # the tag goes, with its attributes: only what could run is worth a word
                yield from (
                    item
                    for item in found
                    if item[0] == "E029"
                    and (name.startswith("on") or name in URL_ATTRIBUTES or name == "style")
                )


def _judge_attribute(
    tag: str, name: str, value: str, raw: str, image_hosts: frozenset[str], valued: bool = True
):
    where = _attribute_pattern(name, valued)
    if name.startswith("on"):
        yield "E029", f"attribut « {name} » sur <{tag}>", "les scripts sont interdits", where
    elif name in ATTRIBUTE_REMEDIES:
        yield "W002", f"attribut « {name} » sur <{tag}>", ATTRIBUTE_REMEDIES[name], where
    elif not allowed_attribute_name(name):
        yield "E029", f"attribut « {name} » sur <{tag}>", "retirez cet attribut", where
    elif name in URL_ATTRIBUTES and dangerous_url(value):
        shown = URL_NOISE_RE.sub("", value)[:30]
        yield (
            "E029",
            f"adresse « {shown} » sur <{tag}>",
            "utilisez un lien https:// ou un fichier du dépôt",
            _value_pattern(value, raw, where),
        )
    elif (
        tag == "img"
        and name == "src"
        and is_external(value)
        and not allowed_image(value, image_hosts)
    ):
        shown = value if len(value) <= 60 else value[:59] + "…"
        yield (
            "E029",
            f"image externe « {shown} »",
            "enregistrez l'image dans le dépôt, à côté "
            "de la page, et écrivez ![description](nom-du-fichier.png) ; un organisateur "
            "peut autoriser un hôte d'images (hotes_images dans vocabulaires.yml)",
            _value_pattern(value, raw, where),
        )
    elif name == "style":
        yield from _judge_style(tag, value, where)
    elif name == "class" and theme_classes(value):
        yield (
            "E029",
            f"classe « {theme_classes(value)[0]} » réservée au site",
            "retirez-la",
            _value_pattern(value, raw, where),
        )
    elif name == "id" and is_reserved_id(value):
        yield (
            "E029",
            f"identifiant « {value[:30]} » réservé au site",
            "choisissez un autre id",
            _value_pattern(value, raw, where),
        )
    elif name == "id" and not is_safe_id(value):
        yield (
            "E029",
            f"identifiant « {value[:30]} » invalide",
            "lettres, chiffres et tirets seulement",
            _value_pattern(value, raw, where),
        )


def _judge_style(tag: str, style: str, where: str):
    if STYLE_LOADS_RE.search(style):
        yield (
            "E029",
            f"style qui charge une ressource sur <{tag}>",
            "retirez url(), @import ou expression() du style",
            where,
        )
        return
    dropped = sorted(_style_properties(style) - ALLOWED_STYLE_PROPERTIES)
    if dropped:
        names = ", ".join(f"« {p} »" for p in dropped[:4]) + (" …" if len(dropped) > 4 else "")
        yield (
            "W002",
            f"propriété{'s' if len(dropped) > 1 else ''} de style {names} sur <{tag}>",
            f"seules {KEPT_STYLES} sont gardées",
            where,
        )


def _style_properties(style: str) -> set[str]:
    return {part.split(":", 1)[0].strip().lower() for part in style.split(";") if part.strip()}


def check_body(
    body: str,
    body_line: int,
    path: str,
    problems: Problems,
    image_hosts: frozenset[str] = frozenset(),
) -> bool:
    """Report forbidden HTML, links and personal contact data in a body, each on its line.

    Returns False when the body is over a cost bound (reported): it must not be converted.
    """
    prose = mask_code(body)  # for personal data and for locating lines: code is an example
    _check_personal_data(prose, body_line, path, problems)
    if not bounds.check(body, body_line, path, problems):
        return False
    if not _suspect(body):
        return True
    try:
        converted = to_html(body)
    except RecursionError:  # a nesting the bounds did not foresee: refused, never a crash
        problems.add(
            path,
            body_line,
            "E035",
            what="imbrication trop profonde",
            remedy="réduisez l'imbrication des listes, citations et blocs",
        )
        return False
    locate = _Locator(prose, body, body_line)
    reported: dict[str, set[tuple[str, int]]] = {"E029": set(), "W002": set()}
    for code, what, remedy, pattern in judge(converted, image_hosts):
        line = locate(pattern)
        seen = reported[code]
        if (what, line) in seen or len(seen) > MAX_REPORTED:
            continue  # one link definition used by a thousand links: said once
        seen.add((what, line))
        if len(seen) > MAX_REPORTED:  # the rest is summed up in one line
            what, remedy = "et d'autres éléments du même genre", "corrigez d'abord les précédents"
        if code == "W002":
            problems.warn(path, line, code, what=what, remedy=remedy)
        else:
            problems.add(path, line, code, what=what, remedy=remedy)
    return True


# past this many problems of a kind in one text, the rest is summed up in one line
MAX_REPORTED = 50


class _Locator:
    """The line where a pattern is written: in the prose first (an example in code is not
    the culprit), then in the whole body (what a scanner of the source takes for code may be
    live). A pattern met again is looked up after its last place, and one that is not there
    any more keeps its last line: each search moves forward, so the lookups stay linear."""

    def __init__(self, prose: str, body: str, body_line: int) -> None:
        self.texts, self.body_line = (prose, body), body_line
        self.places: dict[str, tuple[int, int, int]] = {}  # pattern → (text, position, line)

    def __call__(self, pattern: str) -> int:
        last = self.places.get(pattern)
        regex = re.compile(pattern, re.IGNORECASE)
        for index, text in enumerate(self.texts):
            if last is not None and index < last[0]:
                continue
            same = last is not None and index == last[0]
            start = last[1] + 1 if same else 0
            match = regex.search(text, start)
            if match is not None:  # lines counted from the last place only
                line = (
                    last[2] + text.count("\n", last[1], match.start())
                    if same
                    else line_at(text, match.start(), self.body_line)
                )
                self.places[pattern] = (index, match.start(), line)
                return line
        if last is not None:
            self.places[pattern] = (len(self.texts), 0, last[2])  # searched to the end
            return last[2]
        self.places[pattern] = (len(self.texts), 0, self.body_line)
        return self.body_line


def _check_personal_data(prose: str, body_line: int, path: str, problems: Problems) -> None:
    """A person's e-mail or phone number goes in ``contacts`` with consent, not in the text."""
    if "@" in prose:
        for m in EMAIL_IN_TEXT_RE.finditer(prose):
            if not is_functional_email(m.group(0)):
                problems.add(path, line_at(prose, m.start(), body_line), "E043", value=m.group(0))
    for m in (PHONE_IN_TEXT_RE if "+33" in prose else _NATIONAL_PHONE_RE).finditer(prose):
        before = prose[m.start() - 1] if m.start() else " "
        after = prose[m.end()] if m.end() < len(prose) else " "
        if not (before.isalnum() or before in "_+") and not after.isdigit():
            problems.add(path, line_at(prose, m.start(), body_line), "E043", value=m.group(0))
