# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Merge a .pot template into a .po catalogue, keeping existing translations.

Prints the msgids still untranslated, one per line, and their count. Both files are
written as polib writes them (lines wrapped at 78), the layout OCA's po-pretty-format
check wants.
"""

import sys

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    pot.save(pot_path)
    try:
        old = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(po_path) if e.msgstr}
    except OSError:
        old = {}
    po = polib.POFile()
    po.metadata = dict(pot.metadata, Language="fr", **{"Plural-Forms": "nplurals=2; plural=n > 1;"})
    po.header = pot.header
    missing = []
    for entry in pot:
        entry.msgstr = old.get((entry.msgctxt, entry.msgid), "")
        if not entry.msgstr:
            missing.append(entry.msgid)
        po.append(entry)
    po.save(po_path)
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    print(f"{len(pot)} terms, {len(missing)} untranslated")


if __name__ == "__main__":
    merge(sys.argv[1], sys.argv[2])
