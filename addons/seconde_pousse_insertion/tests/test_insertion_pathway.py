# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionPathway(InsertionCommon, TransactionCase):
    def test_overlapping_pathways_are_refused(self):
        Pathway = (
            self.env["insertion.pathway"].with_user(self.counsellor).with_context(lang="fr_FR")
        )
        with self.assertRefused(ValidationError, "a déjà un parcours sur ces dates"):
            Pathway.create({"employee_id": self.employee.id, "date_start": date(2025, 9, 1)})
        self.assertEqual(len(self.employee.pathway_ids), 1)

    def test_new_pathway_after_the_previous_one_ended(self):
        self.pathway.write(
            {
                "date_end": date(2025, 6, 30),
                "exit_date": date(2025, 6, 30),
                "exit_category": "withdrawal",
            }
        )
        self.pathway.action_exit()
        second = self.make_pathway(self.employee, date(2025, 9, 1))
        self.assertEqual(self.employee.current_pathway_id, second)
        self.assertEqual(self.employee.insertion_stage, "reception")

    def test_exit_without_category_is_refused(self):
        pathway = self.pathway.with_user(self.counsellor).with_context(lang="fr_FR")
        pathway.exit_date = date(2025, 6, 30)
        with self.assertRefused(
            ValidationError, "La sortie de Karim Benali doit avoir une catégorie"
        ):
            pathway.action_exit()
        self.assertEqual(self.pathway.stage, "pathway")

    def test_exit_records_category_and_dynamic_flag(self):
        employer = self.env["res.partner"].create({"name": "EARL des Vergers", "is_company": True})
        pathway = self.pathway.with_user(self.counsellor)
        pathway.write(
            {
                "exit_date": date(2025, 7, 4),
                "exit_category": "durable_job",
                "exit_employer_id": employer.id,
            }
        )
        pathway.action_exit()
        self.assertEqual(self.pathway.stage, "exit")
        self.assertEqual(self.pathway.date_end, date(2025, 7, 4))
        self.assertTrue(self.pathway.exit_is_dynamic)

    def test_which_exits_are_dynamic(self):
        """The funders' "dynamic exit" rate counts sustainable and transition jobs and
        positive exits (training, another insertion structure), nothing else."""
        expected = {
            "durable_job": True,
            "transition_job": True,
            "positive_exit": True,
            "other_exit": False,
            "withdrawal": False,
        }
        for category, dynamic in expected.items():
            self.pathway.exit_category = category
            self.assertEqual(self.pathway.exit_is_dynamic, dynamic, category)

    def test_create_flags_the_employee(self):
        employee = self.env["hr.employee"].create({"name": "Inès Garcia"})
        self.make_pathway(employee, date(2025, 4, 1))
        self.assertTrue(employee.is_insertion_employee)

    def test_form_fills_counsellor_from_employee(self):
        with Form(self.env["insertion.pathway"].with_user(self.counsellor)) as form:
            form.employee_id = self.make_employee("Marc Dupont")
            form.date_start = date(2025, 5, 5)
            self.assertEqual(form.counsellor_id, self.counsellor)
        self.assertEqual(form.record.stage, "reception")

    def test_supervisor_sees_stage_and_goal_only(self):
        self.env["insertion.barrier"].create(
            {"pathway_id": self.pathway.id, "barrier_type": "housing", "name": "Sans logement"}
        )
        pathway = self.pathway.with_user(self.supervisor)
        values = pathway.read(["stage", "professional_goal", "date_start", "employee_id"])[0]
        self.assertEqual(values["stage"], "pathway")
        self.assertEqual(values["professional_goal"], "Ouvrier agricole")
        self.assertEqual(values["employee_id"][1], "Karim Benali")
        for field in ("barrier_ids", "action_ids", "exit_category", "contract_id", "exit_comment"):
            with self.assertRaises(AccessError, msg=field) as caught:
                pathway.read([field])
            self.assertIn(f'champs "{field}" sur Insertion pathway', str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            pathway.export_data(["barrier_ids/name"])
        self.assertIn('champs "barrier_ids" sur Insertion pathway', str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            pathway.write({"professional_goal": "Autre"})
        self.assertIn("modifier les enregistrements 'Insertion pathway'", str(caught.exception))

    def test_supervisor_opens_pathway_views(self):
        Pathway = self.env["insertion.pathway"].with_user(self.supervisor)
        arch = Pathway.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("barrier_ids", arch)
        self.assertIn("professional_goal", arch)

    def test_hours_total(self):
        self.env["insertion.work.hours"].create(
            [
                {"employee_id": self.employee.id, "month": date(2025, 2, 1), "hours": 100},
                {"employee_id": self.employee.id, "month": date(2025, 3, 1), "hours": 104.5},
            ]
        )
        self.assertEqual(self.pathway.hours_total, 204.5)

    def test_supervisor_cannot_read_the_pathway_chatter(self):
        pathway = self.pathway.with_context(tracking_disable=False)
        message = pathway.with_user(self.counsellor).message_post(
            body="Rendez-vous avec le CCAS pour le logement",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        Message = self.env["mail.message"].with_user(self.supervisor)
        domain = [("model", "=", "insertion.pathway"), ("res_id", "=", self.pathway.id)]
        self.assertFalse(Message.search(domain))
        with self.assertRaises(AccessError) as caught:
            message.with_user(self.supervisor).read(["body"])
        self.assertIn("(Type de document : Message", str(caught.exception))
        self.assertEqual(
            self.env["mail.message"].with_user(self.counsellor).search(domain), message
        )
