# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.view_validation import get_expression_field_names

from odoo.addons.seconde_pousse_base.models.roles import COUNSELLOR, STAFF

from .hr_contract import MAX_MONTHS as CDDI_MAX_MONTHS
from .hr_contract import cddi_months

# Odoo keeps an employee's chatter and activities to HR officers: counsellors, who follow
# insertion employees without being HR officers, need them too (deadline reminders).
HR_OR_COUNSELLOR = "hr.group_hr_user,seconde_pousse_base.group_counsellor"
DEADLINE_DAYS = 30
# A modifier that needs a field the user cannot read takes the value that hides it.
SAFE_MODIFIERS = {"invisible": "True", "column_invisible": "True", "readonly": "True"}


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "seconde_pousse.field.guard.mixin"]

    is_insertion_employee = fields.Boolean(
        string="Insertion employee",
        tracking=True,
        help="Employee in an insertion contract (CDDI) followed in a pathway.",
    )
    pass_iae_number = fields.Char(string="PASS IAE number", groups=COUNSELLOR, tracking=True)
    pass_iae_start = fields.Date(string="PASS IAE start", groups=COUNSELLOR, tracking=True)
    pass_iae_initial_end = fields.Date(
        string="PASS IAE end as issued",
        groups=COUNSELLOR,
        tracking=True,
        help="The end the PASS was issued with, before its suspensions and prolongations.",
    )
    pass_iae_end = fields.Date(
        string="PASS IAE end",
        compute="_compute_pass_iae_end",
        inverse="_inverse_pass_iae_end",
        store=True,
        groups=COUNSELLOR,
        tracking=True,
        help="The end as issued, moved by each suspension and prolongation.",
    )
    pass_iae_suspension_ids = fields.One2many(
        "insertion.pass.suspension", "employee_id", string="PASS IAE suspensions", groups=COUNSELLOR
    )
    pass_iae_prolongation_ids = fields.One2many(
        "insertion.pass.prolongation",
        "employee_id",
        string="PASS IAE prolongations",
        groups=COUNSELLOR,
    )
    pass_iae_state = fields.Selection(
        [
            ("future", "Not started"),
            ("valid", "Valid"),
            ("suspended", "Suspended"),
            ("expired", "Expired"),
        ],
        string="PASS IAE status",
        compute="_compute_pass_iae_state",
        groups=COUNSELLOR,
    )
    social_benefit = fields.Selection(
        [
            ("none", "None"),
            ("rsa", "RSA"),
            ("ass", "ASS"),
            ("aah", "AAH"),
            ("are", "Unemployment benefit (ARE)"),
            ("other", "Other"),
        ],
        string="Social benefit at hiring",
        groups=COUNSELLOR,
    )
    unemployment_months = fields.Integer(
        string="Months of unemployment at hiring", groups=COUNSELLOR
    )
    social_situation = fields.Text(string="Social situation", groups=COUNSELLOR)
    referent_counsellor_id = fields.Many2one(
        "res.users",
        string="Referent counsellor",
        domain=lambda self: [("groups_id", "in", self.env.ref(COUNSELLOR).ids)],
        tracking=True,
    )
    pathway_ids = fields.One2many(
        "insertion.pathway", "employee_id", string="Pathways", groups=STAFF
    )
    current_pathway_id = fields.Many2one(
        "insertion.pathway",
        string="Current pathway",
        compute="_compute_current_pathway_id",
        store=True,
        groups=STAFF,
    )
    insertion_stage = fields.Selection(
        related="current_pathway_id.stage", string="Pathway stage", groups=STAFF
    )
    skill_evaluation_ids = fields.One2many(
        "insertion.skill.evaluation", "employee_id", string="Skill evaluations", groups=STAFF
    )
    cddi_months = fields.Float(
        string="Months in CDDI",
        compute="_compute_cddi_months",
        digits=(16, 1),
        groups=COUNSELLOR,
        help="Total length of the employee's CDDI contracts, to date or to their planned end.",
    )
    cddi_over_limit = fields.Boolean(
        string="CDDI over 24 months", compute="_compute_cddi_months", groups=COUNSELLOR
    )
    # mail.activity.mixin and mail.thread, as hr declares them, plus counsellors
    activity_ids = fields.One2many(groups=HR_OR_COUNSELLOR)
    activity_state = fields.Selection(groups=HR_OR_COUNSELLOR)
    activity_user_id = fields.Many2one(groups=HR_OR_COUNSELLOR)
    activity_type_id = fields.Many2one(groups=HR_OR_COUNSELLOR)
    activity_type_icon = fields.Char(groups=HR_OR_COUNSELLOR)
    activity_date_deadline = fields.Date(groups=HR_OR_COUNSELLOR)
    my_activity_date_deadline = fields.Date(groups=HR_OR_COUNSELLOR)
    activity_summary = fields.Char(groups=HR_OR_COUNSELLOR)
    activity_exception_decoration = fields.Selection(groups=HR_OR_COUNSELLOR)
    activity_exception_icon = fields.Char(groups=HR_OR_COUNSELLOR)
    message_main_attachment_id = fields.Many2one(groups=HR_OR_COUNSELLOR)
    message_is_follower = fields.Boolean(groups=HR_OR_COUNSELLOR)
    message_follower_ids = fields.One2many(groups=HR_OR_COUNSELLOR)
    message_partner_ids = fields.Many2many(groups=HR_OR_COUNSELLOR)
    message_ids = fields.One2many(groups=HR_OR_COUNSELLOR)
    has_message = fields.Boolean(groups=HR_OR_COUNSELLOR)
    message_needaction = fields.Boolean(groups=HR_OR_COUNSELLOR)
    message_needaction_counter = fields.Integer(groups=HR_OR_COUNSELLOR)
    message_has_error = fields.Boolean(groups=HR_OR_COUNSELLOR)
    message_has_error_counter = fields.Integer(groups=HR_OR_COUNSELLOR)
    message_attachment_count = fields.Integer(groups=HR_OR_COUNSELLOR)

    @api.depends("pathway_ids.stage", "pathway_ids.date_start", "pathway_ids.active")
    def _compute_current_pathway_id(self):
        for employee in self:
            pathways = employee.pathway_ids.sorted("date_start", reverse=True)
            open_pathways = pathways.filtered(lambda p: p.stage != "exit")
            employee.current_pathway_id = (open_pathways or pathways)[:1]

    @api.depends("contract_ids.date_start", "contract_ids.date_end", "contract_ids.is_cddi")
    def _compute_cddi_months(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.cddi_months = cddi_months(employee.sudo().contract_ids, open_end=today)
            employee.cddi_over_limit = employee.cddi_months > CDDI_MAX_MONTHS

    @api.depends(
        "pass_iae_initial_end",
        "pass_iae_suspension_ids.days",
        "pass_iae_suspension_ids.active",
        "pass_iae_prolongation_ids.days",
        "pass_iae_prolongation_ids.active",
        "pass_iae_prolongation_ids.state",
    )
    def _compute_pass_iae_end(self):
        for employee in self:
            initial = employee.pass_iae_initial_end
            employee.pass_iae_end = initial and initial + timedelta(
                days=employee._pass_iae_moved_days()
            )

    def _inverse_pass_iae_end(self):
        """Writing the end (clients of the public name) sets the end as issued."""
        for employee in self:
            end = employee.pass_iae_end
            employee.pass_iae_initial_end = end and end - timedelta(
                days=employee._pass_iae_moved_days()
            )

    def _pass_iae_moved_days(self):
        """Every active suspension, and the prolongations granted (a request waiting for
        the prescriber moves nothing)."""
        granted = self.pass_iae_prolongation_ids.filtered(lambda p: p.state == "granted")
        periods = (self.pass_iae_suspension_ids, granted)
        return sum(sum(kind.filtered("active").mapped("days")) for kind in periods)

    @api.depends(
        "pass_iae_start",
        "pass_iae_end",
        "pass_iae_suspension_ids.date_start",
        "pass_iae_suspension_ids.date_end",
        "pass_iae_suspension_ids.active",
    )
    def _compute_pass_iae_state(self):
        today = fields.Date.context_today(self)
        for employee in self:
            start, end = employee.pass_iae_start, employee.pass_iae_end
            suspended = employee.pass_iae_suspension_ids.filtered(
                lambda s: s.active and s.date_start <= today <= s.date_end
            )
            employee.pass_iae_state = (
                False
                if not start or not end
                else "future"
                if today < start
                else "expired"
                if today > end
                else "suspended"
                if suspended
                else "valid"
            )

    def _pass_iae_end_moved(self):
        """A suspension or prolongation moved the end: the counsellor's reminder follows
        the new date (Odoo keeps one activity of a type: the stale one goes)."""
        activity_type = self.env.ref("seconde_pousse_insertion.mail_activity_type_pass_end")
        employees = self.sudo()
        employees.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).unlink()
        employees._schedule_pass_end_activities()

    @api.constrains("pass_iae_start", "pass_iae_end")
    def _check_pass_iae_dates(self):
        for employee in self.sudo():
            if (
                employee.pass_iae_start
                and employee.pass_iae_end
                and employee.pass_iae_end < employee.pass_iae_start
            ):
                raise ValidationError(
                    _(
                        "The PASS IAE of %(name)s cannot end before it starts.",
                        name=employee.name,
                    )
                )

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """Counsellors read employees without being HR officers. Odoo drops the fields
        they cannot read from the view, but an element of another module may still depend
        on one (hr_work_entry's button on `has_work_entries`), which crashes the web
        client: for them, such an element is hidden (or read-only) and the field left out.
        """
        result = super().get_view(view_id, view_type, **options)
        if self.env.user.has_group("hr.group_hr_user") or not self.browse().has_access("read"):
            return result  # HR officers read every field; others get the public profile
        hidden = {name for name, field in self._fields.items() if not field.is_accessible(self.env)}
        arch = etree.fromstring(result["arch"])
        for node in list(arch.iter(etree.Element)):
            in_subview = any(parent.tag == "field" for parent in node.iterancestors())
            if node.tag == "field" and node.get("name") in hidden and not in_subview:
                node.getparent().remove(node)
                continue
            for attribute, safe_value in SAFE_MODIFIERS.items():
                expression = node.get(attribute)
                if expression and get_expression_field_names(expression) & hidden:
                    node.set(attribute, safe_value)
        result["arch"] = etree.tostring(arch, encoding="unicode")
        return result

    def action_print_skills_certificate(self):
        return self.env.ref(
            "seconde_pousse_insertion.action_report_skills_certificate"
        ).report_action(self)

    def action_personal_data(self):
        """Right of access: one ZIP of everything held about the employee."""
        self.ensure_one()
        return (
            self.env["insertion.personal.data"].create({"employee_id": self.id}).action_download()
        )

    def _get_certificate_evaluations(self):
        """{skill: evaluations, latest first} for the skills certificate."""
        self.ensure_one()
        result = {}
        for evaluation in self.skill_evaluation_ids.sorted(
            lambda e: (e.skill_id.name, e.date), reverse=True
        ):
            result.setdefault(evaluation.skill_id, self.env["insertion.skill.evaluation"])
            result[evaluation.skill_id] |= evaluation
        return dict(sorted(result.items(), key=lambda item: item[0].name))

    @api.model
    def _cron_insertion_deadlines(self):
        """Warn the referent counsellor 30 days before a PASS IAE or a contract ends."""
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=DEADLINE_DAYS)
        self.sudo().search(
            [
                ("is_insertion_employee", "=", True),
                ("pass_iae_end", ">=", today),
                ("pass_iae_end", "<=", limit),
            ]
        )._schedule_pass_end_activities()
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search(
                [
                    ("employee_id.is_insertion_employee", "=", True),
                    ("state", "in", ("draft", "open")),
                    ("date_end", ">=", today),
                    ("date_end", "<=", limit),
                ]
            )
        )
        activity_contract = "seconde_pousse_insertion.mail_activity_type_contract_end"
        for contract in contracts:
            contract.employee_id._schedule_deadline_activity(
                activity_contract,
                contract.date_end,
                _(
                    "The contract %(contract)s of %(name)s ends on %(date)s.",
                    contract=contract.name,
                    name=contract.employee_id.name,
                    date=contract.date_end,
                ),
            )

    def _schedule_pass_end_activities(self):
        """The referent counsellor's reminder, 30 days before the PASS's (moved) end."""
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=DEADLINE_DAYS)
        for employee in self.filtered(
            lambda e: (
                e.is_insertion_employee and e.pass_iae_end and today <= e.pass_iae_end <= limit
            )
        ):
            employee._schedule_deadline_activity(
                "seconde_pousse_insertion.mail_activity_type_pass_end",
                employee.pass_iae_end,
                _(
                    "The PASS IAE of %(name)s ends on %(date)s.",
                    name=employee.name,
                    date=format_date(self.env, employee.pass_iae_end),
                ),
            )

    def _schedule_deadline_activity(self, activity_xmlid, end_date, note):
        """One activity of this type at a time, for the referent counsellor."""
        self.ensure_one()
        activity_type = self.env.ref(activity_xmlid)
        if self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
            return
        self.activity_schedule(
            activity_xmlid,
            date_deadline=max(
                end_date - timedelta(days=DEADLINE_DAYS), fields.Date.context_today(self)
            ),
            summary=note,
            user_id=(self.referent_counsellor_id or self.env.user).id,
        )
