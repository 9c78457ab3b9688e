# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The purchase import of ma-cantine by canteen SIRET: its columns, values and formats.

Schema: betagouv/ma-cantine, data/schemas/imports/achats_siret.json (frictionless table
schema "import-achats-siret", commit 04dddca of 2026-06-30, kept byte for byte in
tests/fixtures/macantine_achats_siret.json). It is the file the issue names
achats_siret_2026.json: ma-cantine renamed it on 2026-06-23 when the 2026 format became
the only one, changed the definitions of "local" and added definition_local_km. Its
importer checks the header against the schema's columns, names and order. fournisseur is
not required there; we always name the supplier.

ma-cantine refuses a file again only when it is byte-identical (the file's digest): files
by period (canteen.macantine.export) keep a purchase out of two files.
"""

import csv
import io

COLUMNS = [
    "siret",
    "description",
    "fournisseur",
    "date",
    "prix_ht",
    "famille_produits",
    "categories_egalim",
    "origine",
    "est_circuit_court",
    "est_local",
    "definition_local",
    "definition_local_km",
]
ORIGINS = ("FRANCE", "EUROPE")  # one of them, or nothing
YES, NO = "OUI", "NON"


def row(siret, description, supplier, day, amount, line):
    """One purchase as ma-cantine reads it. line holds the EGalim data (an invoice line)."""
    local = bool(line.egalim_local)
    definition = line.egalim_local_definition if local else ""
    return {
        "siret": siret,
        "description": " ".join(description.split()),
        "fournisseur": supplier,
        "date": day.strftime("%Y-%m-%d"),
        "prix_ht": f"{amount:.2f}",
        "famille_produits": line.egalim_family or "AUTRES",
        "categories_egalim": line.egalim_label_codes or "",
        "origine": line.egalim_origin if line.egalim_origin in ORIGINS else "",
        "est_circuit_court": YES if line.egalim_short_circuit else NO,
        "est_local": YES if local else NO,
        "definition_local": definition or "",
        "definition_local_km": str(line.egalim_local_km) if definition == "KM" else "",
    }


def to_csv(rows):
    """The rows as ma-cantine's CSV: UTF-8, comma-separated, a header line first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
