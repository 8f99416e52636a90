"""File references in the plan (images, downloads) must stay inside docs/."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

def check_docs_path(ref: str, docs_dir: Path) -> str | None:
    """None when `ref` names an existing file inside docs_dir; otherwise a Danish error text.

    `ref` is relative to docs/ (e.g. "billeder/opret-sag.png"). Absolute paths, drive letters,
    backslashes and ".." are refused before the file system is consulted.
    """
    if not ref or ref.strip() != ref:
        return "Stien er tom eller har mellemrum i starten eller slutningen. Skriv stien under docs/, fx billeder/opret-sag.png."
    if "\\" in ref or PureWindowsPath(ref).drive or PurePosixPath(ref).is_absolute():
        return (f'Stien "{ref}" er absolut. Skriv stien i forhold til docs/ med / mellem mapperne, '
                "fx billeder/opret-sag.png.")
    if "://" in ref:
        return (f'"{ref}" er en webadresse. Sitet henter ikke billeder fra internettet: gem filen i docs/, '
                "fx docs/billeder/opret-sag.png, og skriv stien billeder/opret-sag.png.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in ref):
        return "Stien indeholder et usynligt kontroltegn. Skriv stien igen, fx billeder/opret-sag.png."
    if ".." in PurePosixPath(ref).parts:
        return f'Stien "{ref}" peger uden for docs/ (".."). Læg filen i docs/ og skriv stien derfra.'
    try:
        root = docs_dir.resolve()
        target = (root / ref).resolve()
        if root != target and root not in target.parents:
            return f'Stien "{ref}" peger uden for docs/ (via et link). Læg filen i docs/.'
        exists = target.is_file()
    except (OSError, RuntimeError):  # a name too long, a symlink loop, no permission
        return (f'Stien "{ref}" kan ikke slås op i docs/ (for langt navn, links i ring eller manglende adgang). '
                "Vælg en enkel sti, fx billeder/opret-sag.png.")
    if not exists:
        return f'Filen "docs/{ref}" findes ikke. Læg filen dér, eller ret stien.'
    return None
