"""The "Messages d'erreur" guide page, generated from the message catalogue (one source)."""

from __future__ import annotations

from ..messages import MESSAGES, REMEDIES
from .links import md_escape, relative


def messages_page() -> str:
    out = [
        "# Messages d'erreur",
        "",
        "`capi check`, la construction du site et les annotations des pull requests affichent "
        "les problèmes sous la forme `chemin:ligne: [CODE] message`. Chaque code est expliqué "
        "ci-dessous ; le message lui-même indique la ligne à corriger et, quand c'est possible, "
        "la valeur la plus proche (« vouliez-vous dire … ? »).",
        "",
    ]
    for code, (template, title) in MESSAGES.items():
        example = template.replace("{", "‹").replace("}", "›")
        out += [
            f"## {code} — {title} {{ #{code.lower()} }}",
            "",
            f"Message : « {example} »",
            "",
            REMEDIES[code],
            "",
        ]
    return "\n".join(out)


def problems_block(problems: list, page_uri: str) -> str:
    """The problems of a file, shown at the top of its page in the preview (``make serve``),
    each with its line and a link to its explanation."""
    guide = relative(page_uri, "guides/messages-erreur.md")
    lines = [
        '!!! danger "À corriger avant la publication"',
        "",
        "    `capi check` signale dans ce fichier :",
        "",
    ]
    for problem in problems:
        lines.append(
            f"    - ligne {problem.line} : [{problem.code}](<{guide}#"
            f"{problem.code.lower()}>) {md_escape(problem.message)}"
        )
    return "\n".join(lines) + "\n\n"
