# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionIndicatorWizard(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env.company.insertion_agreed_posts = 2.0
        cls.second = cls.make_employee("Julie Roux")
        cls.third = cls.make_employee("Omar Haddad")
        cls.second_pathway = cls.make_pathway(cls.second, date(2025, 2, 3), stage="pathway")
        cls.third_pathway = cls.make_pathway(cls.third, date(2024, 9, 2), stage="pathway")
        cls.third_pathway.write(
            {
                "exit_date": date(2025, 3, 31),
                "exit_category": "transition_job",
                "date_end": date(2025, 3, 31),
            }
        )
        cls.third_pathway.action_exit()
        cls.second_pathway.write({"exit_date": date(2025, 6, 30), "exit_category": "other_exit"})
        cls.second_pathway.action_exit()
        Hours = env["insertion.work.hours"]
        for employee, month, hours in (
            (cls.employee, 1, 151.67),
            (cls.employee, 2, 151.67),
            (cls.second, 2, 100),
            (cls.third, 1, 51.67),
            (cls.third, 5, 10),  # outside the period
        ):
            Hours.create(
                {"employee_id": employee.id, "month": date(2025, month, 1), "hours": hours}
            )
        Action = env["insertion.action"]
        Action.create(
            [
                {
                    "pathway_id": cls.pathway.id,
                    "action_type": "training",
                    "name": "CACES",
                    "duration": 14,
                    "date": date(2025, 1, 20),
                },
                {
                    "pathway_id": cls.second_pathway.id,
                    "action_type": "training",
                    "name": "SST",
                    "duration": 7,
                    "date": date(2025, 2, 20),
                },
                {
                    "pathway_id": cls.pathway.id,
                    "action_type": "interview",
                    "name": "Bilan",
                    "duration": 1,
                    "date": date(2025, 2, 10),
                },
            ]
        )
        env["insertion.barrier"].create(
            [
                {
                    "pathway_id": cls.pathway.id,
                    "barrier_type": "mobility",
                    "name": "Permis",
                    "status": "identified",
                },
                {
                    "pathway_id": cls.second_pathway.id,
                    "barrier_type": "housing",
                    "name": "Logement",
                    "status": "lifted",
                    "support": "external",
                },
            ]
        )

    def make_wizard(self, user=None):
        return (
            self.env["insertion.indicator.wizard"]
            .with_user(user or self.counsellor)
            .create({"date_from": date(2025, 1, 1), "date_to": date(2025, 3, 31)})
        )

    def test_indicators_of_the_quarter(self):
        wizard = self.make_wizard()
        self.assertEqual(wizard.employee_count, 3)
        self.assertAlmostEqual(wizard.hours_total, 455.01)
        self.assertAlmostEqual(wizard.fte, 455.01 / (151.67 * 3), places=3)
        self.assertAlmostEqual(wizard.fte_rate, 100 * 455.01 / (151.67 * 3) / 2, places=2)
        self.assertEqual(wizard.training_hours, 21)
        self.assertEqual(wizard.exit_count, 1)
        self.assertEqual(wizard.dynamic_exit_count, 1)
        self.assertEqual(wizard.dynamic_exit_rate, 100)
        data = wizard._get_indicators()
        self.assertEqual(data["actions"]["training"], (2, 21))
        self.assertEqual(data["barriers"], {"identified": 1, "lifted": 1})
        self.assertEqual(data["exits"], {"transition_job": 1})

    def test_dynamic_share_over_the_half_year(self):
        wizard = self.make_wizard()
        wizard.date_to = date(2025, 6, 30)
        self.assertEqual(wizard.exit_count, 2)
        self.assertEqual(wizard.dynamic_exit_rate, 50)

    def count_queries(self, wizard):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizard._get_indicators()
        return self.env.cr.sql_log_count - before

    def test_indicators_queries_do_not_grow_with_records(self):
        wizard = self.make_wizard()
        wizard._get_indicators()  # warm the caches of the registry
        self.count_queries(wizard)
        queries = self.count_queries(wizard)
        for index in range(5):
            employee = self.make_employee(f"Salarié {index}")
            pathway = self.make_pathway(employee, date(2025, 1, 6))
            self.env["insertion.work.hours"].create(
                {"employee_id": employee.id, "month": date(2025, 2, 1), "hours": 100}
            )
            self.env["insertion.action"].create(
                {
                    "pathway_id": pathway.id,
                    "action_type": "workshop",
                    "name": "CV",
                    "date": date(2025, 2, 2),
                }
            )
        self.assertEqual(self.count_queries(wizard), queries)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            wizard._get_indicators()

    def test_xlsx_export(self):
        wizard = self.make_wizard().with_context(lang="fr_FR")
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.export_file)))
        self.assertEqual(book.sheetnames[0], "Synthèse")
        summary = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows()}
        self.assertEqual(summary["Salariés en parcours"], 3)
        exits = {row[0].value: row[1].value for row in book["Sorties"].iter_rows(min_row=2)}
        self.assertEqual(exits, {"Emploi de transition": 1})
        hours = list(book["Heures"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(hours), 4)

    def test_analysis_actions_filter_the_period(self):
        wizard = self.make_wizard()
        action = wizard.action_open_exits()
        self.assertEqual(self.env["insertion.pathway"].search(action["domain"]), self.third_pathway)

    def test_supervisor_has_no_indicators(self):
        with self.assertRaises(AccessError) as caught:
            self.make_wizard(self.supervisor)
        self.assertIn("(insertion.indicator.wizard)", str(caught.exception))
