# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Merge a .pot template into a .po catalogue, keeping existing translations.

Prints the msgids still untranslated, one per line, and their count. Both files are
written as polib writes them (lines wrapped at 78), the layout OCA's po-pretty-format
check wants.
"""

import sys

import polib


def _module_terms(catalogue):
    """The catalogue's translations of the addon's own name and summary in the Apps list
    (model:ir.module.module,…:base.module_<addon>), which Odoo's export leaves out: the
    module's record is base's."""
    return [
        entry
        for entry in catalogue
        if any("ir.module.module," in where for where, _line in entry.occurrences)
    ]


def merge(pot_path, po_path):
    try:
        catalogue = polib.pofile(po_path)
    except OSError:
        catalogue = []
    pot = polib.pofile(pot_path)
    known = {(entry.msgctxt, entry.msgid) for entry in pot}
    for entry in _module_terms(catalogue):  # in the template too, or Odoo skips them
        if (entry.msgctxt, entry.msgid) not in known:
            pot.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgstr="",
                    occurrences=entry.occurrences,
                    comment=entry.comment,
                )
            )
    pot.sort(key=lambda entry: entry.msgid)
    pot.save(pot_path)
    old = {(e.msgctxt, e.msgid): e.msgstr for e in catalogue if e.msgstr}
    po = polib.POFile()
    po.metadata = dict(pot.metadata, Language="fr", **{"Plural-Forms": "nplurals=2; plural=n > 1;"})
    po.header = pot.header
    missing = []
    for entry in pot:
        entry.msgstr = old.get((entry.msgctxt, entry.msgid), "")
        if entry.msgstr == entry.msgid:  # the same in French: nothing to translate
            entry.msgstr = ""
        if not entry.msgstr:
            missing.append(entry.msgid)
        po.append(entry)
    po.sort(key=lambda entry: entry.msgid)  # as OCA's po-pretty-format orders them
    po.save(po_path)
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    print(f"{len(pot)} terms, {len(missing)} untranslated")


if __name__ == "__main__":
    merge(sys.argv[1], sys.argv[2])
