# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestRoster(PlanningCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.make_intervention(day=3)

    def setUp(self):
        super().setUp()
        self.assign(self.sup_employee, role="supervisor")
        self.assign(self.amina)
        self.assign(
            self.sup_employee2,
            intervention=self.other,
            role="supervisor",
            user=self.supervisor_user2,
        )
        self.assign(self.bruno, intervention=self.other, user=self.supervisor_user2)
        self.book(self.van)

    def wizard(self, **values):
        return self.env(user=self.supervisor_user)["farm.roster.wizard"].create(
            {"week_date": date(2026, 3, 4), **values}
        )

    def test_roster_pdf_has_one_page_per_team(self):
        wizard = self.wizard()
        self.assertEqual(wizard.week_start, date(2026, 3, 2))
        teams = wizard._roster_teams()
        self.assertEqual([team[0] for team in teams], [self.sup_employee2, self.sup_employee])
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "seconde_pousse_planning.report_weekly_roster")
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "seconde_pousse_planning.report_weekly_roster", wizard.ids
        )
        html = html.decode()
        for text in (
            "Marc Encadrant",
            "Claire Encadrante",
            "Amina Salariée",
            "Bruno Salarié",
            "AA-123-BB",
        ):
            self.assertIn(text, html)

    def test_roster_pdf_is_a_pdf(self):
        wizard = self.wizard(supervisor_ids=[self.sup_employee.id])
        pdf, report_format = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("seconde_pousse_planning.report_weekly_roster", wizard.ids)
        )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_roster_of_one_team(self):
        wizard = self.wizard(supervisor_ids=[self.sup_employee.id])
        teams = wizard._roster_teams()
        self.assertEqual(len(teams), 1)
        self.assertEqual(teams[0][1][0][1].employee_id, self.sup_employee | self.amina)

    def test_email_each_employee_their_week(self):
        self.amina.work_email = False
        action = self.wizard().action_send()
        mails = self.env["mail.mail"].search([("subject", "like", "02/03/2026")])
        self.assertEqual(
            sorted(mails.mapped("email_to")),
            ["bruno@example.com", "claire@example.com", "marc@example.com"],
        )
        bruno_mail = mails.filtered(lambda m: m.email_to == "bruno@example.com")
        self.assertIn("Ferme du Planning", bruno_mail.body_html)
        self.assertNotIn("Amina", bruno_mail.body_html)
        self.assertIn("Amina Salariée", action["params"]["message"])

    def test_empty_week_is_refused(self):
        with self.assertRaises(UserError) as caught:
            self.wizard(week_date=date(2026, 8, 12)).action_print()
        self.assertIn("Personne n'est planifié la semaine", str(caught.exception))
