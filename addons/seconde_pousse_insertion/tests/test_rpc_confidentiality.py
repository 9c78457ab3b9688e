# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import date, timedelta
from xmlrpc.client import Fault

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestRpcConfidentiality(InsertionCommon, HttpCase):
    """The same rules hold over XML-RPC, as an external client would call them."""

    def call(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def test_supervisor_search_read_pass_fields_refused(self):
        domain = [("id", "=", self.employee.id)]
        with self.assertRaises(Fault) as error:
            self.call(
                self.supervisor, "hr.employee", "search_read", domain, fields=["pass_iae_number"]
            )
        self.assertIn("pass_iae_number", error.exception.faultString)
        rows = self.call(
            self.supervisor,
            "hr.employee",
            "search_read",
            domain,
            fields=["name", "current_pathway_id"],
        )
        self.assertEqual(rows[0]["current_pathway_id"][0], self.pathway.id)

    def test_supervisor_barriers_and_exports_refused(self):
        with self.assertRaises(Fault) as caught:
            self.call(self.supervisor, "insertion.barrier", "search_read", [], fields=["name"])
        self.assertIn("(insertion.barrier)", caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self.call(
                self.supervisor, "hr.employee", "export_data", [self.employee.id], ["pass_iae_end"]
            )
        self.assertIn("“pass_iae_end”", caught.exception.faultString)
        with self.assertRaises(Fault) as caught:
            self.call(
                self.supervisor,
                "insertion.pathway",
                "export_data",
                [self.pathway.id],
                ["exit_category"],
            )
        self.assertIn('champs "exit_category"', caught.exception.faultString)

    def test_counsellor_reads_pass_over_rpc(self):
        rows = self.call(
            self.counsellor,
            "hr.employee",
            "search_read",
            [("id", "=", self.employee.id)],
            fields=["pass_iae_number", "social_situation"],
        )
        self.assertEqual(rows[0]["pass_iae_number"], "999992512345")
        exported = self.call(
            self.counsellor, "hr.employee", "export_data", [self.employee.id], ["pass_iae_number"]
        )
        self.assertEqual(exported["datas"], [["999992512345"]])

    def test_hours_of_a_month_are_bounded(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["seconde_pousse_insertion"], ["fr_FR"])
        self.counsellor.lang = "fr_FR"
        with self.assertRaises(Fault) as error:
            self.call(
                self.counsellor,
                "insertion.work.hours",
                "create",
                {"employee_id": self.employee.id, "month": "2025-02-01", "hours": 100000},
            )
        self.assertIn("220 heures", error.exception.faultString)

    def test_pass_periods_are_the_counsellors_only(self):
        """Suspensions and prolongations: counsellors and coordinators; a supervisor
        and an accountant neither read nor create them, over RPC as in the web client."""
        accountant = make_role_user(self.env, "accountant", login="ins_accountant")
        suspension = self.call(
            self.counsellor,
            "insertion.pass.suspension",
            "create",
            {
                "employee_id": self.employee.id,
                "date_start": str(date.today() - timedelta(days=10)),
                "date_end": str(date.today()),
                "reason": "contract_suspended",
            },
        )
        self.assertTrue(suspension)
        for user in (self.supervisor, accountant):
            for model in ("insertion.pass.suspension", "insertion.pass.prolongation"):
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(Fault) as caught:
                        self.call(user, model, "search_read", [], fields=["date_start"])
                    self.assertIn(f"({model})", caught.exception.faultString)
            with self.assertRaises(Fault) as caught:
                self.call(
                    user, "insertion.pass.suspension", "write", [suspension], {"active": False}
                )
            self.assertIn("(insertion.pass.suspension)", caught.exception.faultString)
        rows = self.call(
            self.coordinator, "insertion.pass.suspension", "search_read", [], fields=["days"]
        )
        self.assertEqual([row["days"] for row in rows if row["id"] == suspension], [10])

    def test_an_overlapping_suspension_is_refused_in_french(self):
        """The database refuses it (two counsellors at once included); the web client
        shows why, in the counsellor's language."""
        self.counsellor.lang = "fr_FR"
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["seconde_pousse_insertion"], ["fr_FR"])
        values = {
            "employee_id": self.employee.id,
            "date_start": str(date.today() - timedelta(days=10)),
            # ended yesterday: today the PASS is in progress, not suspended, and may be
            # suspended again (les emplois' Approval.can_be_suspended)
            "date_end": str(date.today() - timedelta(days=1)),
            "reason": "contract_suspended",
        }
        self.authenticate(self.counsellor.login, self.counsellor.login)
        route = "/web/dataset/call_kw/insertion.pass.suspension/create"
        params = {
            "model": "insertion.pass.suspension",
            "method": "create",
            "args": [values],
            "kwargs": {},
        }
        self.assertTrue(self.make_jsonrpc_request(route, params))
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        with mute_logger("odoo.http"):
            response = self.url_open(route, body, headers={"Content-Type": "application/json"})
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        self.assertIn("La période chevauche une autre suspension de ce PASS IAE", error["message"])

    def test_statements_and_personal_data_are_the_counsellors_only(self):
        """The monthly statement and the right of access, over RPC: a supervisor and an
        accountant neither read nor make them; a counsellor cannot forge a declaration."""
        accountant = make_role_user(self.env, "accountant", login="ins_accountant")
        annex = self.call(
            self.counsellor,
            "insertion.financial.annex",
            "create",
            {
                "structure_number": "0042",
                "year": 2025,
                "date_start": "2025-01-01",
                "date_end": "2025-12-31",
                "funded_fte": 8,
            },
        )
        self.contract.financial_annex_id = annex
        statement = self.call(
            self.counsellor,
            "insertion.asp.statement",
            "create",
            {"annex_id": annex, "month": "2025-03-01"},
        )
        with self.assertRaises(Fault) as caught:
            self.call(
                self.counsellor,
                "insertion.asp.statement",
                "write",
                [statement],
                {"state": "declared"},
            )
        self.assertIn("set by declaring it", caught.exception.faultString)
        self.call(self.counsellor, "insertion.asp.statement", "action_declare", [statement])
        with self.assertRaises(Fault) as caught:
            self.call(
                self.coordinator,
                "insertion.asp.statement",
                "write",
                [statement],
                {"month": "2025-04-01"},
            )
        self.assertIn("kept as declared", caught.exception.faultString)
        for user in (self.supervisor, accountant):
            for model in ("insertion.asp.statement", "insertion.asp.statement.line"):
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(Fault) as caught:
                        self.call(user, model, "search_read", [], fields=["id"])
                    self.assertIn(f"({model})", caught.exception.faultString)
            with self.subTest(user=user.login, action="personal data"):
                with self.assertRaises(Fault) as caught:
                    self.call(user, "hr.employee", "action_personal_data", [self.employee.id])
                self.assertIn("(insertion.personal.data)", caught.exception.faultString)
            with self.subTest(user=user.login, action="retention"):
                with self.assertRaises(Fault) as caught:
                    self.call(
                        user, "insertion.retention.policy", "search_read", [], fields=["months"]
                    )
                self.assertIn("(insertion.retention.policy)", caught.exception.faultString)
        rows = self.call(
            self.counsellor,
            "insertion.asp.statement",
            "read",
            [statement],
            ["state", "hours_total"],
        )
        self.assertEqual(rows[0]["state"], "declared")

    def test_the_right_of_access_downloads_as_a_counsellor(self):
        action = self.call(
            self.counsellor, "hr.employee", "action_personal_data", [self.employee.id]
        )
        self.authenticate(self.counsellor.login, self.counsellor.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.authenticate(self.supervisor.login, self.supervisor.login)
        with mute_logger("odoo.http"):
            response = self.url_open(action["url"])
        self.assertNotEqual(response.content[:2], b"PK")
