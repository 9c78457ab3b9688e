# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Retention of social data: notice 30 days before, anonymisation by the scheduled job
category by category, the funders' figures of a past year unchanged by it, and the
coordinator alone setting the periods."""

import io
import zipfile
from base64 import b64decode, b64encode
from datetime import date, timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon

YEAR = (date(2023, 1, 1), date(2023, 12, 31))


@tagged("post_install", "-at_install")
class TestRetention(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR", tracking_disable=False))
        cls.former = cls.make_employee(
            "Ancienne Salariée",
            pass_iae_start=date(2022, 9, 1),
            pass_iae_end=date(2024, 8, 31),
            identification_id="2870513055123",
        )
        # a record is tracked from the transaction after its creation, at commit
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        cls.former.pass_iae_number = "999992300001"
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        cls.old = cls.make_pathway(cls.former, date(2022, 9, 5), stage="pathway")
        cls.barrier = cls.env["insertion.barrier"].create(
            {
                "pathway_id": cls.old.id,
                "name": "Dette de loyer auprès de 13 Habitat",
                "barrier_type": "housing",
                "note": "Plan d'apurement signé",
                "date_identified": date(2022, 9, 10),
            }
        )
        cls.action = cls.env["insertion.action"].create(
            {
                "pathway_id": cls.old.id,
                "name": "Entretien budget",
                "action_type": "training",
                "date": date(2023, 3, 3),
                "duration": 6,
                "note": "Situation familiale difficile",
            }
        )
        for month in (1, 2, 3):
            cls.env["insertion.work.hours"].create(
                {"employee_id": cls.former.id, "month": date(2023, month, 1), "hours": 100}
            )
        cls.env["ir.attachment"].create(
            {
                "name": "bilan-social.pdf",
                "res_model": "insertion.pathway",
                "res_id": cls.old.id,
                "datas": b64encode(b"%PDF-1.4 bilan"),
            }
        )
        cls.old.write(
            {
                "stage": "exit",
                "date_end": date(2023, 6, 30),
                "exit_date": date(2023, 6, 30),
                "exit_category": "durable_job",
                "exit_comment": "CDI chez un maraîcher de Pertuis",
            }
        )

    def figures(self):
        wizard = self.env["insertion.indicator.wizard"].create(
            {"date_from": YEAR[0], "date_to": YEAR[1]}
        )
        book = openpyxl.load_workbook(io.BytesIO(wizard._build_xlsx()))
        return wizard._get_indicators(), {
            sheet.title: list(sheet.values) for sheet in book.worksheets
        }

    def run_cron(self):
        self.env["insertion.retention.policy"]._cron_retention()

    def tracked_values(self):
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "hr.employee"),
                ("mail_message_id.res_id", "=", self.former.id),
            ]
        )
        return tracked.mapped("old_value_char") + tracked.mapped("new_value_char")

    def test_anonymisation_keeps_the_figures_of_a_past_year(self):
        before = self.figures()
        self.assertEqual(before[0]["hours_total"], 300)
        self.assertIn("999992300001", self.tracked_values())
        self.run_cron()
        former, barrier, action = self.former.sudo(), self.barrier, self.action
        self.assertEqual(self.figures(), before)
        self.assertEqual(
            (barrier.name, barrier.note, barrier.barrier_type),
            ("Frein anonymisé", False, "housing"),
        )
        self.assertEqual(
            (action.name, action.note, action.duration), ("Action anonymisée", False, 6)
        )
        self.assertFalse(
            former.social_situation or former.pass_iae_number or former.identification_id
        )
        self.assertEqual((self.old.exit_comment, self.old.exit_category), (False, "durable_job"))
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "insertion.pathway"), ("res_id", "=", self.old.id)]
            )
        )
        self.assertNotIn("999992300001", self.tracked_values())
        self.assertEqual(
            set(self.old.anonymised_categories.split(",")),
            {"barriers", "actions", "social", "identifiers"},
        )
        self.assertIn("Anonymisé 24 mois après la sortie", self.old.message_ids[0].body)

    def test_the_counsellor_is_told_30_days_before(self):
        self.old.exit_date = date.today() - relativedelta(months=24) + timedelta(days=10)
        self.run_cron()
        self.run_cron()
        activities = self.old.activity_ids
        self.assertEqual(len(activities), 4)  # one per category, once
        self.assertEqual(activities.user_id, self.counsellor)
        self.assertIn("Anonymisation le", activities[0].summary)
        self.assertTrue(self.barrier.note)  # not yet

    def test_a_later_pathway_keeps_the_persons_own_data(self):
        self.make_contract(self.former, date_start=date(2024, 3, 4), date_end=date(2024, 8, 31))
        self.make_pathway(self.former, date(2024, 3, 4), stage="pathway")
        self.run_cron()
        self.assertEqual(self.barrier.name, "Frein anonymisé")  # the old pathway's own
        self.assertEqual(self.former.sudo().social_situation, "Hébergé chez un proche")
        self.assertEqual(self.old.anonymised_categories, "barriers,actions")

    def test_the_coordinator_sets_the_periods(self):
        policy = self.env.ref("seconde_pousse_insertion.retention_policy_barriers")
        with self.assertRefused(AccessError, "(insertion.retention.policy)"):
            policy.with_user(self.counsellor).months = 6
        policy.with_user(self.coordinator).months = 60
        self.run_cron()  # 41 months after the exit: kept 60
        self.assertEqual(self.barrier.note, "Plan d'apurement signé")
        self.assertNotIn("barriers", self.old.anonymised_categories)
        with self.assertRefused(ValidationError, "de 1 à 240"):
            policy.with_user(self.coordinator).months = 0

    def test_the_right_of_access_gives_everything(self):
        action = self.former.with_user(self.counsellor).action_personal_data()
        wizard_id = int(action["url"].split("id=")[1].split("&")[0])
        wizard = self.env["insertion.personal.data"].browse(wizard_id)
        self.assertEqual(wizard.filename, "donnees_personnelles_Ancienne_Salariée.zip")
        archive = zipfile.ZipFile(io.BytesIO(b64decode(wizard.file)))
        names = set(archive.namelist())
        expected = {"salarie.csv", "parcours.csv", "freins.csv", "actions.csv", "heures.csv"}
        self.assertLessEqual(expected | {"historique.csv", "LISEZMOI.txt"}, names)
        self.assertTrue(any(name.endswith("-bilan-social.pdf") for name in names), names)

        def text(name):
            return archive.read(name).decode("utf-8-sig")

        for value in ("999992300001", "Hébergé chez un proche"):
            self.assertIn(value, text("salarie.csv"))
        # the identity number is the HR officers' field: not the counsellor's to export
        self.assertNotIn("2870513055123", text("salarie.csv"))
        self.assertIn("Dette de loyer auprès de 13 Habitat", text("freins.csv"))
        self.assertIn("CDI chez un maraîcher", text("parcours.csv"))
        self.assertIn("Situation familiale difficile", text("actions.csv"))
        history = text("historique.csv")
        self.assertIn("Numéro de PASS IAE: 999992512345 → 999992300001", history)
        self.assertIn(";Ancienne Salariée;", history)
        log = self.env["insertion.access.log"].search([], limit=1)
        self.assertEqual(
            (log.user_id, log.what), (self.counsellor, "Droit d'accès : Ancienne Salariée")
        )
