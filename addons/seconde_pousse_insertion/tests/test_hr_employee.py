# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import InsertionCommon

PASS_FIELDS = ["pass_iae_number", "pass_iae_start", "pass_iae_end"]
SOCIAL_FIELDS = ["social_situation", "social_benefit", "unemployment_months"]


@tagged("post_install", "-at_install")
class TestHrEmployee(InsertionCommon, TransactionCase):
    def test_pass_ending_before_start_is_refused_in_french(self):
        employee = self.employee.with_user(self.counsellor).with_context(lang="fr_FR")
        with self.assertRefused(
            ValidationError, "Le PASS IAE de Karim Benali ne peut pas finir avant"
        ):
            employee.write({"pass_iae_end": date(2024, 12, 31)})
        self.assertEqual(self.employee.pass_iae_end, date(2026, 12, 31))

    def test_counsellor_manages_insertion_employees(self):
        Employee = self.env["hr.employee"].with_user(self.counsellor)
        employee = Employee.create(
            {
                "name": "Nadia Cherif",
                "is_insertion_employee": True,
                "pass_iae_number": "999992599999",
                "pass_iae_start": date(2025, 3, 1),
                "pass_iae_end": date(2027, 2, 28),
            }
        )
        employee.write({"social_situation": "Suivie par le CCAS"})
        values = Employee.search_read([("id", "=", employee.id)], PASS_FIELDS + SOCIAL_FIELDS)[0]
        self.assertEqual(values["pass_iae_number"], "999992599999")
        self.assertEqual(values["social_situation"], "Suivie par le CCAS")

    def test_counsellor_cannot_change_other_staff(self):
        staff = self.env["hr.employee"].create({"name": "Paul Comptable"})
        with self.assertRaises(AccessError) as caught:
            staff.with_user(self.counsellor).write({"job_title": "Directeur"})
        self.assertIn(
            "n'a pas d'accès 'écrire' à :\n- Employé (hr.employee)", str(caught.exception)
        )

    def test_supervisor_reads_stage_but_not_pass_nor_social_data(self):
        Employee = self.env["hr.employee"].with_user(self.supervisor)
        values = Employee.search_read(
            [("id", "=", self.employee.id)], ["name", "is_insertion_employee", "current_pathway_id"]
        )[0]
        self.assertTrue(values["is_insertion_employee"])
        self.assertEqual(values["current_pathway_id"][0], self.pathway.id)
        public = self.env["hr.employee.public"].with_user(self.supervisor).browse(self.employee.id)
        self.assertEqual(public.insertion_stage, "pathway")
        for field in PASS_FIELDS + SOCIAL_FIELDS:
            with self.assertRaises(AccessError, msg=field) as caught:
                Employee.search_read([("id", "=", self.employee.id)], ["name", field])
            self.assertIn(f'champs "{field}" sur Employee', str(caught.exception))
            with self.assertRaises(AccessError, msg=field) as caught:
                Employee.browse(self.employee.id).read([field])
            self.assertIn(f'champs "{field}" sur Employee', str(caught.exception))

    def test_supervisor_cannot_export_pass_data(self):
        employee = self.employee.with_user(self.supervisor)
        with self.assertRaises(AccessError) as caught:
            employee.export_data(["name", "pass_iae_number"])
        self.assertIn("“pass_iae_number”", str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            employee.export_data(["social_situation"])
        self.assertIn("“social_situation”", str(caught.exception))
        rows = self.employee.with_user(self.counsellor).export_data(["name", "pass_iae_number"])[
            "datas"
        ]
        self.assertEqual(rows, [["Karim Benali", "999992512345"]])

    def test_hr_officer_without_counsellor_role_cannot_read_pass(self):
        officer = new_test_user(
            self.env, login="ins_hr_officer", groups="base.group_user,hr.group_hr_user"
        )
        employee = self.employee.with_user(officer)
        self.assertEqual(employee.name, "Karim Benali")
        with self.assertRaises(AccessError) as caught:
            employee.read(["pass_iae_number"])
        self.assertIn('champs "pass_iae_number"', str(caught.exception))

    def test_coordinator_reads_everything(self):
        values = self.employee.with_user(self.coordinator).read(PASS_FIELDS + SOCIAL_FIELDS)[0]
        self.assertEqual(values["social_situation"], "Hébergé chez un proche")

    def test_current_pathway_prefers_the_open_one(self):
        self.assertEqual(self.employee.current_pathway_id, self.pathway)
        self.assertEqual(self.employee.insertion_stage, "pathway")

    @freeze_time("2026-12-05")
    def test_cron_warns_counsellor_before_pass_ends_once(self):
        Employee = self.env["hr.employee"]
        Employee._cron_insertion_deadlines()
        Employee._cron_insertion_deadlines()
        activity_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_pass_end")
        activities = self.employee.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.counsellor)
        self.assertEqual(activities.date_deadline, date(2026, 12, 5))

    def test_the_pass_warning_comes_30_days_before_the_end(self):
        """The PASS ends on 2026-12-31: nothing on 30 November, the warning on 1 December."""
        activity_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_pass_end")
        for day, expected in (("2026-11-30", []), ("2026-12-01", [date(2026, 12, 1)])):
            with freeze_time(day):
                self.env["hr.employee"]._cron_insertion_deadlines()
            activities = self.employee.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            self.assertEqual(activities.mapped("date_deadline"), expected, day)

    @freeze_time("2025-06-10")
    def test_cron_warns_counsellor_before_contract_ends(self):
        self.env["hr.employee"]._cron_insertion_deadlines()
        activity_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_contract_end")
        activity = self.employee.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2025, 6, 10))
        self.assertIn("CDDI Karim Benali", activity.summary)
        pass_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_pass_end")
        self.assertFalse(
            self.employee.activity_ids.filtered(lambda a: a.activity_type_id == pass_type)
        )

    def test_skills_certificate_renders_history(self):
        Evaluation = self.env["insertion.skill.evaluation"]
        Evaluation.create(
            [
                {
                    "employee_id": self.employee.id,
                    "skill_id": self.skill_weeding.id,
                    "skill_level_id": level.id,
                    "evaluator_id": self.supervisor.id,
                    "date": day,
                    "comment": comment,
                }
                for level, day, comment in (
                    (self.level_beginner, date(2025, 2, 1), "Première parcelle"),
                    (self.level_autonomous, date(2025, 5, 1), "Serres de La Roque"),
                )
            ]
        )
        report = self.env.ref("seconde_pousse_insertion.action_report_skills_certificate")
        html = report.with_user(self.counsellor)._render_qweb_html(
            report.report_name, self.employee.ids
        )[0]
        html = html.decode()
        self.assertIn("Désherbage", html)
        self.assertIn("Première parcelle", html)
        self.assertIn("Serres de La Roque", html)
        evaluations = self.employee._get_certificate_evaluations()
        self.assertEqual(evaluations[self.skill_weeding][0].skill_level_id, self.level_autonomous)

    def test_skills_certificate_pdf(self):
        self.env["insertion.skill.evaluation"].create(
            {
                "employee_id": self.employee.id,
                "skill_id": self.skill_harvest.id,
                "skill_level_id": self.level_expert.id,
                "evaluator_id": self.supervisor.id,
                "date": date(2025, 6, 2),
            }
        )
        report = self.env.ref("seconde_pousse_insertion.action_report_skills_certificate")
        pdf, report_type = (
            report.with_user(self.counsellor)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, self.employee.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_certificate_offered_to_counsellors_only(self):
        report = self.env.ref("seconde_pousse_insertion.action_report_skills_certificate")
        Actions = self.env["ir.actions.actions"]
        for user, offered in ((self.counsellor, True), (self.supervisor, False)):
            bindings = Actions.with_user(user).get_bindings("hr.employee").get("report", [])
            self.assertEqual(report.id in [binding["id"] for binding in bindings], offered)
