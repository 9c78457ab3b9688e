"""Merge a .pot template into a .po catalogue, keeping existing translations.

Prints the msgids still untranslated, one per line, and their count.
"""

import sys

import polib


def merge(pot_path, po_path):
    pot = polib.pofile(pot_path)
    try:
        old = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(po_path) if e.msgstr}
    except OSError:
        old = {}
    po = polib.POFile(wrapwidth=0)
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
