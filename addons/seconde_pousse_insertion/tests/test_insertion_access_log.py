# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Exports and prints of social data are logged (who, when, what), and the log is kept
as written; reading the social data stays restricted as before."""

from xmlrpc.client import Fault

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestAccessLog(InsertionCommon, HttpCase):
    def call(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def logs(self):
        return self.env["insertion.access.log"].search([("user_id", "=", self.counsellor.id)])

    def test_an_export_of_social_data_is_logged(self):
        rows = self.call(
            self.counsellor,
            "hr.employee",
            "export_data",
            [self.employee.id],
            ["name", "pass_iae_number", "social_situation"],
        )
        self.assertEqual(rows["datas"][0][1], "999992512345")
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(
            (log.kind, log.model, log.record_count, log.what),
            ("export", "hr.employee", 1, "pass_iae_number, social_situation"),
        )
        self.call(self.counsellor, "hr.employee", "export_data", [self.employee.id], ["name"])
        self.assertEqual(len(self.logs()), 1)  # a name is not social data

    def test_the_supervisor_is_refused_and_nothing_is_logged_for_them(self):
        with self.assertRaises(Fault) as caught:
            self.call(
                self.supervisor,
                "hr.employee",
                "export_data",
                [self.employee.id],
                ["social_situation"],
            )
        self.assertIn("social_situation", caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self.call(self.supervisor, "insertion.access.log", "search_read", [], fields=["what"])
        self.assertIn("(insertion.access.log)", caught.exception.faultString)

    def test_a_print_of_an_employee_file_is_logged(self):
        report = self.env["ir.actions.report"].with_user(self.counsellor)
        report._render_qweb_pdf(
            "seconde_pousse_insertion.action_report_skills_certificate", [self.employee.id]
        )
        log = self.logs()
        self.assertEqual((log.kind, log.model, log.record_count), ("print", "hr.employee", 1))

    def test_a_download_of_the_certificate_is_logged(self):
        """Through the report route the web client calls (a read-only route in Odoo)."""
        self.authenticate(self.counsellor.login, self.counsellor.login)
        url = f"/report/pdf/seconde_pousse_insertion.report_skills_certificate/{self.employee.id}"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.logs().mapped("kind"), ["print"])

    def test_the_log_is_kept_as_written(self):
        self.call(
            self.counsellor, "hr.employee", "export_data", [self.employee.id], ["pass_iae_end"]
        )
        log = self.logs().with_user(self.coordinator)
        self.assertEqual(log.user_id, self.counsellor)
        with self.assertRaises(UserError) as caught:
            log.write({"what": "rien"})
        self.assertIn("conservé tel qu'il a été écrit", str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            log.unlink()
        self.assertIn("insertion.access.log", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            log.sudo().unlink()
        self.assertIn("conservé tel qu'il a été écrit", str(caught.exception))
