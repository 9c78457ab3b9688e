# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

from odoo.exceptions import UserError

from .test_egalim_statement import EgalimCase

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "macantine_achats_siret.json").read_text()
)
NUMBER = re.compile(r"^\d+(\.\d+)?$")


class TestMaCantineExport(EgalimCase):
    def exported(self, statements):
        content = statements._macantine_csv().decode("utf-8")
        return content, list(csv.reader(io.StringIO(content), delimiter=SCHEMA["delimiter"]))

    def assertValidAgainstSchema(self, rows):
        header, *lines = rows
        self.assertEqual(header, [column["name"] for column in SCHEMA["columns"]])
        for line in lines:
            values = dict(zip(header, line, strict=True))
            for column in SCHEMA["columns"]:
                value = values[column["name"]]
                with self.subTest(column=column["name"], value=value):
                    self.assertValueFits(column, value)
            # ma-cantine's own rules between columns (data/validators/purchase.py)
            if values["est_local"] in ("NON", ""):
                self.assertEqual(values["definition_local"], "")
            if values["definition_local"] != "KM":
                self.assertEqual(values["definition_local_km"], "")

    def assertValueFits(self, column, value):
        if column["required"]:
            self.assertTrue(value.strip())
        if not value:
            return
        if column["type"] == "date":
            datetime.strptime(value, column["format"])
        elif column["type"] == "number":
            self.assertRegex(value, NUMBER)
        elif column["type"] == "boolean":
            self.assertIn(value, column["true_values"] + column["false_values"])
        if "enum" in column:
            parts = value.split(column.get("multiple_separator", "\0"))
            self.assertLessEqual(set(parts), set(column["enum"]))

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
