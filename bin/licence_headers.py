# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks (or, with --fix, writes) the copyright and licence header of every source file,
as OCA's repositories carry it: Python and shell in a comment at the top (after a shebang),
XML after the declaration, JavaScript and SCSS after the module's first line.
    bin/licence_headers.py [--fix] [paths…]   (default: addons bin bench tests docker .ci)
"""

import pathlib
import sys

OWNER = "Aix-Multi-Services Environnement"
LICENCE = "License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl)."
YEAR = "2026"
HASH = f"# Copyright {YEAR} {OWNER}\n# {LICENCE}\n"
XML = f"<!-- Copyright {YEAR} {OWNER}\n     {LICENCE} -->\n"
BLOCK = f"/* Copyright {YEAR} {OWNER}\n * {LICENCE} */\n"
STYLES = {".py": HASH, ".sh": HASH, ".xml": XML, ".js": BLOCK, ".scss": BLOCK, ".css": BLOCK}
DEFAULT = ["addons", "bin", "bench", "tests", "docker", ".ci", "conftest.py"]


def _first_lines_kept(lines):
    """How many leading lines stay above the header: a shebang or encoding line, the XML
    declaration, the @odoo-module marker of a JavaScript file."""
    if not lines:
        return 0
    first = lines[0]
    if first.startswith("#!") or first.startswith("<?xml") or "@odoo-module" in first:
        return 1
    return 0


def _files(paths):
    for path in map(pathlib.Path, paths):
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in candidates:
            if file.is_file() and file.suffix in STYLES and "/i18n/" not in str(file):
                yield file  # empty files are left out by check()


def _is_script(file):
    return file.parent.name in ("bin", ".ci") and file.suffix == "" and file.is_file()


def check(paths, fix=False):
    missing = []
    files = list(_files(paths))
    for root in map(pathlib.Path, paths):
        if root.is_dir() and root.name in ("bin", ".ci"):
            files += [f for f in sorted(root.iterdir()) if _is_script(f)]
    for file in files:
        text = file.read_text(encoding="utf-8")
        if LICENCE in text[:400] or not text.strip():
            continue
        missing.append(file)
        if fix:
            header = STYLES.get(file.suffix, HASH)
            lines = text.splitlines(keepends=True)
            kept = _first_lines_kept(lines)
            file.write_text("".join(lines[:kept]) + header + "".join(lines[kept:]), "utf-8")
    return missing


def main(argv):
    fix = "--fix" in argv
    paths = [a for a in argv if a != "--fix"] or DEFAULT
    missing = check(paths, fix=fix)
    for file in missing:
        print(f"{'added' if fix else 'missing'}: {file}")
    return 0 if fix or not missing else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
