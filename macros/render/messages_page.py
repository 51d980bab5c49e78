"""The "Messages d'erreur" guide page, generated from the message catalogue (one source)."""

from __future__ import annotations

from ..messages import MESSAGES, REMEDIES


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
        out += [f"## {code} — {title} {{ #{code.lower()} }}", "",
                f"Message : « {example} »", "", REMEDIES[code], ""]
    return "\n".join(out)
