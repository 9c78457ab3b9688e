# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.view_validation import get_expression_field_names

from .common import InsertionCommon

ACTIONS = {
    "supervisor": [
        "hr_employee_insertion_action",
        "insertion_pathway_action",
        "insertion_skill_evaluation_action",
        "insertion_work_hours_action",
    ],
    "counsellor": [
        "hr_employee_insertion_action",
        "insertion_pathway_action",
        "insertion_barrier_action",
        "insertion_action_action",
        "insertion_skill_evaluation_action",
        "insertion_work_hours_action",
        "insertion_work_hours_analysis_action",
        "insertion_action_analysis_action",
        "insertion_barrier_analysis_action",
        "insertion_pathway_exit_action",
    ],
}


@tagged("post_install", "-at_install")
class TestViews(InsertionCommon, TransactionCase):
    """Each role opens its menus as the web client would: views, then the records with
    every field those views show. Nothing may raise an access error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["insertion.barrier"].create(
            {"pathway_id": cls.pathway.id, "barrier_type": "housing", "name": "Logement"}
        )
        cls.env["insertion.action"].create(
            {"pathway_id": cls.pathway.id, "action_type": "interview", "name": "Entretien"}
        )
        cls.env["insertion.skill.evaluation"].create(
            {
                "employee_id": cls.employee.id,
                "skill_id": cls.skill_weeding.id,
                "skill_level_id": cls.level_beginner.id,
                "evaluator_id": cls.supervisor.id,
            }
        )
        cls.env["insertion.work.hours"].create(
            {"employee_id": cls.employee.id, "month": "2025-02-01", "hours": 100}
        )

    def spec(self, fields):
        spec = {}
        for name, description in fields.items():
            if description["type"] in ("many2one", "many2many", "one2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def open_action(self, user, xmlid):
        action = self.env.ref(f"seconde_pousse_insertion.{xmlid}")
        model = self.env[action.res_model].with_user(user)
        modes = [mode for mode in action.view_mode.split(",") if mode != "form"] + ["form"]
        model.get_views([(False, "search")])
        views = []
        for mode in modes:  # fields read by the client: those of the list, kanban, form…
            result = model.get_views([(False, mode)])
            view_model = next(iter(result["models"]))
            records = model.env[view_model].search([], limit=5)
            self.assertTrue(records, xmlid)
            records.web_read(self.spec(result["models"][view_model]["fields"]))
            views.append(result["views"][mode])
        return views

    def test_supervisor_opens_menus(self):
        for xmlid in ACTIONS["supervisor"]:
            with self.subTest(action=xmlid):
                for view in self.open_action(self.supervisor, xmlid):
                    self.assertNotIn("pass_iae", view["arch"])
                    self.assertNotIn("barrier_ids", view["arch"])

    def test_counsellor_opens_menus(self):
        for xmlid in ACTIONS["counsellor"]:
            with self.subTest(action=xmlid):
                self.open_action(self.counsellor, xmlid)
        form = self.env["hr.employee"].with_user(self.counsellor).get_views([(False, "form")])
        self.assertIn("pass_iae_number", form["views"]["form"]["arch"])

    def test_counsellor_employee_form_needs_only_fields_she_reads(self):
        """The web client fails on a modifier naming a field it was not given (another
        module's button on hr_work_entry's `has_work_entries`, for HR officers only)."""
        result = self.env["hr.employee"].with_user(self.counsellor).get_views([(False, "form")])
        fields = result["models"]["hr.employee"]["fields"]
        arch = etree.fromstring(result["views"]["form"]["arch"])
        self.assertNotIn("has_work_entries", fields)
        for node in arch.iter(etree.Element):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue  # a sub-view of another model
            if node.tag == "field":
                self.assertIn(node.get("name"), fields)
            for attribute in ("invisible", "readonly", "required", "column_invisible"):
                names = get_expression_field_names(node.get(attribute) or "")
                unknown = {n for n in names if "." not in n} - set(fields) - {"context", "uid"}
                self.assertFalse(unknown, etree.tostring(node)[:200])
        # her deadline reminders and the history, in the chatter
        self.employee.with_user(self.counsellor).read(["activity_ids", "message_ids"])

    def test_counsellor_opens_indicators_and_settings(self):
        wizard_views = (
            self.env["insertion.indicator.wizard"]
            .with_user(self.counsellor)
            .get_views([(False, "form")])
        )
        self.assertIn("dynamic_exit_rate", wizard_views["views"]["form"]["arch"])
        settings = self.env["res.config.settings"].get_views([(False, "form")])
        self.assertIn("insertion_agreed_posts", settings["views"]["form"]["arch"])

    def test_hr_officer_opens_employee_form_without_insertion_data(self):
        officer = new_test_user(
            self.env, login="ins_view_officer", groups="base.group_user,hr.group_hr_user"
        )
        Employee = self.env["hr.employee"].with_user(officer)
        result = Employee.get_views([(False, "form")])
        arch = result["views"]["form"]["arch"]
        self.assertNotIn("pass_iae_number", arch)
        self.assertNotIn("social_situation", arch)
        self.employee.with_user(officer).web_read(
            self.spec(result["models"]["hr.employee"]["fields"])
        )

    def test_other_internal_user_opens_public_profile(self):
        user = new_test_user(self.env, login="ins_view_plain", groups="base.group_user")
        Employee = self.env["hr.employee"].with_user(user)
        result = Employee.get_views([(False, "form")])
        self.assertNotIn("insertion_stage", result["views"]["form"]["arch"])
        public = self.env["hr.employee.public"].with_user(user).browse(self.employee.id)
        public.web_read(self.spec(result["models"]["hr.employee.public"]["fields"]))
        with self.assertRaises(AccessError) as caught:
            Employee.search_read([("id", "=", self.employee.id)], ["current_pathway_id"])
        self.assertIn('champs "current_pathway_id"', str(caught.exception))

    def test_counsellor_opens_the_cddi_contract(self):
        Contract = self.env["hr.contract"].with_user(self.counsellor)
        for mode in ("list", "form"):
            result = Contract.get_views([(False, mode)])
            self.contract.with_user(self.counsellor).web_read(
                self.spec(result["models"]["hr.contract"]["fields"])
            )
        staff = self.env["hr.employee"].create({"name": "Paul Comptable"})
        staff_contract = self.make_contract(staff, contract_type_id=False, state="draft")
        contracts = Contract.search([])
        self.assertIn(self.contract, contracts)
        self.assertNotIn(staff_contract, contracts)
