# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The social data of insertion employees, proven field by field from the models.

Which fields are confidential is read from the registry, not from a hand list:
- every field, on any model, that carries the counsellor or coordinator group (and not
  the supervisor's, which shares it with all staff, nor the accountant's, which shares
  it with the accountant, one of the roles refused below);
- every field our addons define on the employee and on the insertion models (pathway,
  barrier, action, evaluation, hours, and any insertion model added later), except the
  few shared on purpose, listed in ``SHARED`` with the roles that need them and why.

So a new field on these models is confidential until someone says otherwise: if it comes
without its group, the tests below fail. For each confidential field, the supervisor,
an HR officer without the counsellor role, the accountant and the farmer are refused
over XML-RPC, as any client, whether they read it, search on it or export it; and the
counsellor, as a control, can do all three (so a refusal comes from the field's rule,
not from a broken call).
"""

import re
from datetime import date
from xmlrpc.client import Fault

from odoo.models import MAGIC_COLUMNS
from odoo.tests import HttpCase, tagged

from odoo.addons.seconde_pousse_base.models.roles import COORDINATOR, COUNSELLOR, SUPERVISOR
from odoo.addons.seconde_pousse_base.tests.common import make_role_user
from odoo.addons.seconde_pousse_insertion.tests.common import InsertionCommon

GUARDED_GROUPS = {COUNSELLOR, COORDINATOR}
STAFF_GROUP = SUPERVISOR  # fields it carries are shared with staff
ACCOUNTANT_GROUP = "account.group_account_invoice"  # and with the accountant: not social data
OUR_PREFIX = "seconde_pousse_"
EMPLOYEE_MODELS = ("hr.employee",)
ROLES = ("supervisor", "hr_officer", "accountant", "farmer")
ACCESS_ERROR = 4  # Odoo's XML-RPC fault code for an AccessError
EVERY_FIELD = "*"
# fmt: off
# Fields of the guarded models that other roles may read, with who and why.
SHARED = {
    "hr.employee": {
        # Supervisors plan teams of insertion employees and see their pathway stage.
        "is_insertion_employee": {"supervisor", "hr_officer", "accountant"},
        "referent_counsellor_id": {"supervisor", "hr_officer", "accountant"},
        "pathway_ids": {"supervisor"},
        "current_pathway_id": {"supervisor"},
        "insertion_stage": {"supervisor"},
        "skill_evaluation_ids": {"supervisor"},
        "assignment_ids": {"supervisor"},
        "licence_ids": {"supervisor", "hr_officer", "accountant"},
        # Odoo keeps an employee's chatter and activities to HR officers (counsellors too).
        **dict.fromkeys(
            [
                "activity_ids", "activity_state", "activity_user_id", "activity_type_id",
                "activity_type_icon", "activity_date_deadline", "my_activity_date_deadline",
                "activity_summary", "activity_exception_decoration", "activity_exception_icon",
                "message_is_follower", "message_follower_ids", "message_partner_ids",
                "message_ids", "has_message", "message_needaction",
                "message_needaction_counter", "message_has_error", "message_has_error_counter",
                "message_attachment_count", "message_main_attachment_id",
            ],
            frozenset({"hr_officer"}),
        ),
    },
    # The supervisor sees the frame of a pathway (who, since when, stage, goal, hours),
    # never its barriers, actions, contract or exit.
    "insertion.pathway": dict.fromkeys(
        [
            "name", "active", "company_id", "employee_id", "counsellor_id", "date_start",
            "date_end", "stage", "professional_goal", "evaluation_ids", "work_hours_ids",
            "hours_total",
        ],
        frozenset({"supervisor"}),
    ),
    # Supervisors record what they observe in the field (their own evaluations only).
    "insertion.skill.evaluation": {EVERY_FIELD: {"supervisor"}},
    # Supervisors record the hours; whether they fall outside the PASS is counsellors'.
    "insertion.work.hours": dict.fromkeys(
        ["employee_id", "month", "hours", "pathway_id", "company_id", "source", "note",
         "assignment_id"],
        frozenset({"supervisor"}),
    ),
}
# fmt: on


def guarded_models(registry):
    """The employee, and every stored model the insertion addon creates."""
    names = set(EMPLOYEE_MODELS)
    for name, model in registry.items():
        if name.startswith("insertion.") and not model._transient and not model._abstract:
            names.add(name)
    return names


def confidential_fields(env):
    """(model, field) pairs that only counsellors (and coordinators) may read."""
    found = set()
    for name in env.registry:
        model = env[name]
        if model._abstract:
            continue
        for fname, field in model._fields.items():
            groups = set((field.groups or "").split(","))
            if groups & GUARDED_GROUPS and not {STAFF_GROUP, ACCOUNTANT_GROUP} & groups:
                found.add((name, fname))
    for name in guarded_models(env.registry):
        for fname, field in env[name]._fields.items():
            ours = (field._module or "").startswith(OUR_PREFIX)
            if ours and fname not in MAGIC_COLUMNS and fname != "display_name":
                found.add((name, fname))
    return found


def allowed_roles(model, fname):
    shared = SHARED.get(model, {})
    return shared.get(fname, shared.get(EVERY_FIELD, set()))


@tagged("post_install", "-at_install")
class TestConfidentialFields(InsertionCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = {"supervisor": cls.supervisor, "counsellor": cls.counsellor}
        for role in ("hr_officer", "accountant", "farmer"):
            cls.users[role] = make_role_user(env, role, login=f"conf_{role}")
        export = env.ref("base.group_allow_export")
        for user in cls.users.values():
            user.sudo().groups_id = [(4, export.id)]
        pathway = cls.pathway
        pathway.write({"exit_comment": "Suivi psychologique", "exit_date": date(2025, 6, 1)})
        env["insertion.barrier"].create(
            {"name": "Logement", "pathway_id": pathway.id, "barrier_type": "housing"}
        )
        env["insertion.action"].create(
            {"name": "CACES", "pathway_id": pathway.id, "action_type": "training"}
        )
        env["insertion.skill.evaluation"].create(
            {
                "employee_id": cls.employee.id,
                "skill_id": cls.skill_weeding.id,
                "skill_level_id": cls.level_beginner.id,
                "evaluator_id": cls.supervisor.id,
            }
        )
        env["insertion.work.hours"].create(
            {"employee_id": cls.employee.id, "month": date(2025, 2, 1), "hours": 80}
        )
        cls.make_pass_history(cls.make_employee("Léo Fabre"))
        env["insertion.access.log"]._log("export", "hr.employee", 1, "pass_iae_number")
        cls.make_funding_records(env, cls.employee, 2025)
        cls.confidential = sorted(confidential_fields(env))
        cls.ids = {}  # one record of each model to read and export
        for model in {model for model, __ in cls.confidential}:
            found = env[model].with_context(active_test=False).search([], limit=1)
            assert found, f"No {model} record to read: the test world must make one."
            cls.ids[model] = found.ids

    def call(self, role, model, method, *args, **kwargs):
        user = self.users[role]
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def calls(self, model, fname, ids):
        """Read, search and export of one field, as a real client makes them."""
        field = self.env[model]._fields[fname]
        yield "read", ("read", ids, [fname])
        if field.store or field.search:
            yield "search", ("search", [(fname, "!=", False)])
        yield "export", ("export_data", ids, [fname])

    def leak(self, role, model, fname, label, call):
        """Why the call was not refused by the field's rule, or None if it was."""
        try:
            self.call(role, model, *call)
        except Fault as fault:
            code, text = fault.faultCode, fault.faultString
        else:
            return f"{role} could {label} {model}.{fname}"
        # Odoo sends a non-HR user's employee search to the public profile, which lacks it.
        models = {model, "hr.employee.public"} if model == "hr.employee" else {model}
        if code == ACCESS_ERROR:
            if re.search(rf"[\"“]{fname}[\"”]", text) or any(f"({m})" in text for m in models):
                return None
        if model == "hr.employee" and f"Invalid field hr.employee.public.{fname} in" in text:
            return None
        return f"{role} {label} {model}.{fname}, refused for another reason: {text[:300]}"

    def test_the_list_covers_every_guarded_model(self):
        models = {model for model, __ in self.confidential}
        for model in ("hr.employee", "insertion.pathway", "insertion.barrier", "insertion.action"):
            self.assertIn(model, models)
        fields = set(self.confidential)
        for pair in [
            ("insertion.pathway", "exit_employer_id"),
            ("insertion.pathway", "training_ids"),
            ("hr.employee", "pass_iae_start"),
            ("hr.employee", "social_situation"),
            ("insertion.work.hours", "outside_pass_iae"),
        ]:
            self.assertIn(pair, fields)

    def test_counsellor_reads_searches_and_exports_every_confidential_field(self):
        for model, fname in self.confidential:
            for label, call in self.calls(model, fname, self.ids[model]):
                with self.subTest(model=model, field=fname, call=label):
                    self.call("counsellor", model, *call)

    def test_other_roles_cannot_read_search_or_export_them(self):
        leaks = []
        for model, fname in self.confidential:
            for role in ROLES:
                if role in allowed_roles(model, fname):
                    continue
                for label, call in self.calls(model, fname, self.ids[model]):
                    leaks.append(self.leak(role, model, fname, label, call))
        self.assertEqual([leak for leak in leaks if leak], [])
