# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The files for ma-cantine, read against ma-cantine's own table schema of the purchase
import by SIRET, byte for byte in fixtures/macantine_achats_siret.json: betagouv/ma-cantine,
data/schemas/imports/achats_siret.json at commit 04dddca907df745d27935bf3e6884b1396451fac
(main, 2026-06-30; the file last changed in 10a7c0a1e615edc5023f700bdb11cb3d3498c4d7), git
blob 670e9f2249045913b635f1c2e8e29ffd29d19c09. There `fournisseur` is not required; our
files always fill it, which these tests check apart from the schema.
"""

import csv
import hashlib
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

from odoo.exceptions import UserError

from .test_egalim_statement import EgalimCase

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "macantine_achats_siret.json"
SCHEMA_BLOB = "670e9f2249045913b635f1c2e8e29ffd29d19c09"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
DELIMITER = ","  # the schema names none: frictionless's default, as ma-cantine's examples
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")  # frictionless's number, "." for decimals


class MaCantineFileCase(EgalimCase):
    """Reads our files as ma-cantine does: with its published table schema (frictionless
    fields, constraints and formats), then the rules of its Purchase model."""

    def rows_of(self, content):
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        return list(csv.reader(io.StringIO(content), delimiter=DELIMITER))

    def assertValidAgainstSchema(self, rows):
        header, *lines = rows
        self.assertEqual(header, [field["name"] for field in SCHEMA["fields"]])
        for line in lines:
            values = dict(zip(header, line, strict=True))
            for field in SCHEMA["fields"]:
                value = values[field["name"]]
                with self.subTest(field=field["name"], value=value):
                    self.assertValueFits(field, value)
            # ours: the supplier is always named, though ma-cantine does not require it
            self.assertTrue(values["fournisseur"].strip())
            # ma-cantine's Purchase model: prix_ht has MinValueValidator(0), and its
            # rules between columns (data/validators/purchase.py)
            self.assertGreaterEqual(float(values["prix_ht"]), 0)
            if values["est_local"] in ("NON", ""):
                self.assertEqual(values["definition_local"], "")
            if values["definition_local"] != "KM":
                self.assertEqual(values["definition_local_km"], "")

    def assertValueFits(self, field, value):
        """One cell against one field of the schema, as frictionless reads it: "" is a
        missing value (its default missingValues)."""
        constraints = field.get("constraints", {})
        if constraints.get("required"):
            self.assertTrue(value.strip())
        if value == "":
            return
        if "pattern" in constraints:
            self.assertRegex(value, f"^(?:{constraints['pattern']})$")
        if field["type"] == "date":
            datetime.strptime(value, field["format"])
        elif field["type"] == "number":
            self.assertRegex(value, NUMBER)
        elif field["type"] == "boolean":
            self.assertIn(value, field["trueValues"] + field["falseValues"])
        elif field["type"] == "string" and "doc_enum" in field:
            separator = (
                field.get("doc_enum_multiple_seperator") if field.get("doc_enum_multiple") else None
            )
            parts = value.split(separator) if separator else [value]
            self.assertLessEqual({part.strip() for part in parts}, set(field["doc_enum"]))


class TestMaCantineExport(MaCantineFileCase):
    def exported(self, statements):
        content = statements._macantine_csv().decode("utf-8")
        return content, self.rows_of(content)

    def test_the_schema_is_ma_cantine_s_own_file(self):
        """The fixture is upstream's file unchanged (its git blob id), not a digest of it:
        a change upstream is taken by replacing the file, and these tests then tell."""
        raw = SCHEMA_PATH.read_bytes()
        blob = hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()
        self.assertEqual(blob, SCHEMA_BLOB)
        self.assertEqual(SCHEMA["name"], "import-achats-siret")
        self.assertFalse(SCHEMA["fields"][2]["constraints"]["required"])  # fournisseur

    def test_the_export_matches_ma_cantine_s_columns_and_value_lists(self):
        content, rows = self.exported(self.statement())
        self.assertValidAgainstSchema(rows)
        self.assertTrue(content.startswith("siret,description,fournisseur,date,prix_ht,"))
        by_product = {line[1]: line for line in rows[1:]}
        self.assertEqual(
            by_product["Pommes de terre"],
            [
                "21130001700012",
                "Pommes de terre",
                "AMS Environnement – Seconde Pousse",
                "2026-03-31",
                "30.00",
                "FRUITS_ET_LEGUMES",
                "LABEL_ROUGE,HVE",
                "FRANCE",
                "OUI",
                "NON",
                "",
                "",
            ],
        )
        self.assertEqual(by_product["Pommes"][8:], ["OUI", "OUI", "KM", "30"])
        self.assertIn('"LABEL_ROUGE,HVE"', content)  # the list is one quoted cell

    def test_its_total_is_the_total_invoiced_to_the_canteen_that_year(self):
        _content, rows = self.exported(self.statement())
        total = round(sum(float(line[4]) for line in rows[1:]), 2)
        invoiced = sum((self.march | self.april | self.credit).mapped("amount_untaxed_signed"))
        self.assertEqual(total, invoiced)
        self.assertEqual(total, self.statement().amount_total)

    def test_a_credit_note_is_netted_with_the_invoice_it_corrects(self):
        _content, rows = self.exported(self.statement())
        tomatoes = [line for line in rows[1:] if line[1] == "Tomates"]
        self.assertEqual(
            sorted((line[3], line[4]) for line in tomatoes),
            [("2026-03-31", "24.00"), ("2026-04-30", "30.00")],
        )
        self.assertTrue(all(float(line[4]) >= 0 for line in rows[1:]))

    def test_every_canteen_in_one_file(self):
        statements = self.statement() | self.statement(self.college)
        _content, rows = self.exported(statements)
        self.assertValidAgainstSchema(rows)
        self.assertEqual({line[0] for line in rows[1:]}, {"21130001700012", "21130087600011"})
        self.assertEqual(statements._macantine_filename(), "achats-egalim-cantines-2026.csv")

    def test_no_siret_no_export(self):
        self.college.siret = False
        with self.assertRaisesRegex(
            UserError, "par le SIRET de la cantine : ajoutez-le d'abord à Collège"
        ):
            self.statement(self.college)._macantine_csv()

    def test_the_coordinator_downloads_it_from_the_back_office(self):
        statements = self.statement().with_user(self.coordinator)
        action = statements.action_export_macantine()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        self.assertEqual(attachment.name, "achats-egalim-21130001700012-2026.csv")
        self.assertEqual(attachment.raw, statements._macantine_csv())


class TestMaCantineByPeriod(MaCantineFileCase):
    """Files by period: a month, a quarter, or what is new since the canteen's last file;
    no purchase is in two of them, whatever the order they are asked for."""

    def export(self, kind, day=None, canteen=None):
        export = self.env["canteen.macantine.export"]._export(canteen or self.school, kind, day)
        rows = self.rows_of(export._file_content())
        self.assertValidAgainstSchema(rows)
        return export, rows[1:]

    def year_rows(self, *years):
        return [
            row
            for year in years
            for row in self.rows_of(self.statement(year=year)._macantine_csv())[1:]
        ]

    def test_files_since_the_last_one_never_share_a_row_and_make_the_year_files(self):
        first, first_rows = self.export("since_last")
        may = self.make_invoice(self.school, date(2026, 5, 20), [(self.apple, 5, 2.0)])
        second, second_rows = self.export("since_last")
        self.assertEqual(
            second_rows,
            [
                [
                    "21130001700012",
                    "Pommes",
                    "AMS Environnement – Seconde Pousse",
                    "2026-05-20",
                    "10.00",
                    "FRUITS_ET_LEGUMES",
                    "HVE",
                    "FRANCE",
                    "OUI",
                    "OUI",
                    "KM",
                    "30",
                ]
            ],
        )
        self.assertFalse({tuple(row) for row in first_rows} & {tuple(row) for row in second_rows})
        self.assertFalse(first.line_ids & second.line_ids)
        self.assertEqual(sorted(first_rows + second_rows), sorted(self.year_rows(2025, 2026)))
        self.assertEqual(second.line_ids.move_id, may)
        self.assertEqual(second.invoice_names, may.name)
        self.assertEqual(
            set(first.invoice_names.split(", ")),
            set((self.last_year | self.march | self.april | self.credit).mapped("name")),
        )
        with self.assertRaisesRegex(UserError, "Rien de nouveau pour ma-cantine"):
            self.export("since_last")

    def test_a_month_file(self):
        march, rows = self.export("month", date(2026, 3, 10))
        self.assertEqual((march.date_from, march.date_to), (date(2026, 3, 1), date(2026, 3, 31)))
        self.assertEqual(march.name, "achats-egalim-21130001700012-2026-03-envoi-1.csv")
        self.assertEqual(march.period_label, "mars 2026")
        # the credit note of 2 April corrects the March invoice: netted in March's file
        self.assertEqual(
            sorted((row[1], row[3], row[4]) for row in rows),
            [
                ("Pommes", "2026-03-31", "20.00"),
                ("Pommes de terre", "2026-03-31", "30.00"),
                ("Tomates", "2026-03-31", "24.00"),
            ],
        )
        self.assertEqual(march.line_ids.move_id, self.march | self.credit)
        self.assertEqual((march.row_count, march.amount_total), (3, 74.0))
        # what is new since: April and last year, never March again
        _since, since_rows = self.export("since_last")
        self.assertEqual(
            sorted((row[1], row[3]) for row in since_rows),
            [("Courgettes", "2026-04-30"), ("Pommes", "2025-10-15"), ("Tomates", "2026-04-30")],
        )
        with self.assertRaisesRegex(UserError, r"Rien de nouveau pour ma-cantine \(mars 2026\)"):
            self.export("month", date(2026, 3, 1))

    def test_a_quarter_file(self):
        second, rows = self.export("quarter", date(2026, 5, 5))
        self.assertEqual((second.date_from, second.date_to), (date(2026, 4, 1), date(2026, 6, 30)))
        self.assertEqual(second.name, "achats-egalim-21130001700012-2026-T2-envoi-1.csv")
        # April's purchases; the credit note of 2 April belongs to March's invoice
        self.assertEqual(
            sorted((row[1], row[4]) for row in rows),
            [("Courgettes", "50.00"), ("Tomates", "30.00")],
        )
        first, rows = self.export("quarter", date(2026, 1, 1))
        self.assertEqual(first.name, "achats-egalim-21130001700012-2026-T1-envoi-2.csv")
        self.assertEqual(first.period_label, "Trimestre 1 2026")
        self.assertIn(["Tomates", "24.00"], [[row[1], row[4]] for row in rows])
        self.assertEqual(
            round(first.amount_total + second.amount_total, 2), self.statement().amount_total
        )
        self.assertFalse(first.line_ids & second.line_ids)

    def test_a_late_credit_note_is_listed_to_enter_by_hand(self):
        """ma-cantine refuses a negative price: a credit note on an invoice already sent is
        not a row, the page names it for a correction by hand, and no later file has it."""
        self.export("since_last")
        credit = self.make_invoice(
            self.school, date(2026, 5, 4), [(self.tomato, 1, 3.0)], "out_refund", self.april
        )
        late, rows = self.export("since_last")
        self.assertEqual(rows, [])
        self.assertEqual(late.correction_line_ids.move_id, credit)
        self.assertEqual(late.correction_names, credit.name)
        self.assertFalse(late.line_ids)
        with self.assertRaisesRegex(UserError, "Rien de nouveau pour ma-cantine"):
            self.export("since_last")

    def test_each_canteen_its_own_files(self):
        self.export("since_last")
        college, rows = self.export("since_last", canteen=self.college)
        self.assertEqual([row[0] for row in rows], ["21130087600011"])
        self.assertEqual(college.line_ids.move_id, self.college_invoice)
        self.college.siret = False
        with self.assertRaisesRegex(UserError, "par le SIRET de la cantine : ajoutez-le"):
            self.export("since_last", canteen=self.college)

    def test_the_coordinator_makes_a_period_file_from_the_back_office(self):
        action = self.statement().with_user(self.coordinator).action_export_macantine_period()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.coordinator)
            .with_context(**action["context"])
            .create({"kind": "month", "day": date(2026, 4, 15)})
        )
        self.assertEqual(wizard.partner_id, self.school)
        url = wizard.action_export()["url"]
        export = self.env["canteen.macantine.export"].with_user(self.coordinator).search([])
        self.assertEqual(len(export), 1)
        self.assertIn(f"/web/content/canteen.macantine.export/{export.id}/file/", url)
        self.assertEqual(export.user_id, self.coordinator)
        self.assertEqual(export.invoice_names, self.april.name)
