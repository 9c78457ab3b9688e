# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from odoo.addons.seconde_pousse_base.models.roles import COUNSELLOR

EXIT_CATEGORIES = [
    ("durable_job", "Sustainable job"),
    ("transition_job", "Transition job"),
    ("positive_exit", "Positive exit"),
    ("other_exit", "Other exit"),
    ("withdrawal", "Withdrawal"),
]
DYNAMIC_EXITS = ("durable_job", "transition_job", "positive_exit")


class InsertionPathway(models.Model):
    _name = "insertion.pathway"
    _inherit = ["mail.thread", "mail.activity.mixin", "seconde_pousse.field.guard.mixin"]
    _description = "Insertion pathway"
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_insertion_employee", "=", True)],
    )
    counsellor_id = fields.Many2one(
        "res.users",
        string="Referent counsellor",
        compute="_compute_counsellor_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    contract_id = fields.Many2one(
        "hr.contract",
        string="CDDI contract",
        groups=COUNSELLOR,
        domain="[('employee_id', '=', employee_id)]",
        tracking=True,
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True, help="Planned end, or the exit date.")
    stage = fields.Selection(
        [("reception", "Reception and diagnosis"), ("pathway", "Pathway"), ("exit", "Exit")],
        default="reception",
        required=True,
        tracking=True,
        group_expand=True,
    )
    professional_goal = fields.Char(string="Professional goal", tracking=True)
    barrier_ids = fields.One2many(
        "insertion.barrier", "pathway_id", string="Barriers", groups=COUNSELLOR
    )
    action_ids = fields.One2many(
        "insertion.action", "pathway_id", string="Actions", groups=COUNSELLOR
    )
    training_ids = fields.One2many(
        "insertion.action",
        "pathway_id",
        string="Trainings",
        domain=[("action_type", "=", "training")],
        groups=COUNSELLOR,
    )
    placement_ids = fields.One2many(
        "insertion.action",
        "pathway_id",
        string="Work placements (PMSMP)",
        domain=[("action_type", "=", "pmsmp")],
        groups=COUNSELLOR,
    )
    evaluation_ids = fields.One2many(
        "insertion.skill.evaluation", "pathway_id", string="Skill evaluations"
    )
    work_hours_ids = fields.One2many("insertion.work.hours", "pathway_id", string="Hours worked")
    hours_total = fields.Float(string="Total hours worked", compute="_compute_hours_total")
    barrier_count = fields.Integer(compute="_compute_barrier_count", groups=COUNSELLOR)
    exit_date = fields.Date(string="Exit date", tracking=True, groups=COUNSELLOR)
    exit_category = fields.Selection(
        EXIT_CATEGORIES, string="Exit category", tracking=True, groups=COUNSELLOR
    )
    exit_is_dynamic = fields.Boolean(
        string="Dynamic exit", compute="_compute_exit_is_dynamic", store=True, groups=COUNSELLOR
    )
    exit_employer_id = fields.Many2one("res.partner", string="Employer at exit", groups=COUNSELLOR)
    exit_comment = fields.Text(string="Exit comment", groups=COUNSELLOR)

    @api.depends("employee_id.name", "date_start")
    def _compute_name(self):
        for pathway in self:
            pathway.name = _(
                "%(employee)s – since %(date)s",
                employee=pathway.employee_id.sudo().name or "",
                date=format_date(self.env, pathway.date_start) if pathway.date_start else "",
            )

    @api.depends("employee_id")
    def _compute_counsellor_id(self):
        for pathway in self:
            pathway.counsellor_id = pathway.employee_id.sudo().referent_counsellor_id

    @api.depends("work_hours_ids.hours")
    def _compute_hours_total(self):
        totals = {
            pathway.id: hours
            for pathway, hours in self.env["insertion.work.hours"]._read_group(
                [("pathway_id", "in", self.ids)], ["pathway_id"], ["hours:sum"]
            )
        }
        for pathway in self:
            pathway.hours_total = totals.get(pathway.id, 0.0)

    def _compute_barrier_count(self):
        for pathway in self:
            pathway.barrier_count = len(pathway.barrier_ids)

    @api.depends("exit_category")
    def _compute_exit_is_dynamic(self):
        for pathway in self:
            pathway.exit_is_dynamic = pathway.exit_category in DYNAMIC_EXITS

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pathway in self:
            if pathway.date_end and pathway.date_end < pathway.date_start:
                raise ValidationError(_("A pathway cannot end before it starts."))

    @api.constrains("stage", "exit_date", "exit_category")
    def _check_exit(self):
        for pathway in self.sudo().filtered(lambda p: p.stage == "exit"):
            if not pathway.exit_category:
                raise ValidationError(
                    _(
                        "The exit of %(name)s needs a category (sustainable job, transition job, positive exit, other exit or withdrawal).",  # noqa: E501
                        name=pathway.employee_id.name,
                    )
                )
            if not pathway.exit_date:
                raise ValidationError(
                    _("The exit of %(name)s needs a date.", name=pathway.employee_id.name)
                )

    @api.constrains("employee_id", "date_start", "date_end", "active")
    def _check_overlap(self):
        pathways = self.filtered("active")
        others = self.sudo().search([("employee_id", "in", pathways.employee_id.ids)])
        for pathway in pathways:
            other = next((o for o in others if pathway._overlaps(o)), None)
            if other:
                raise ValidationError(
                    _(
                        "%(name)s already has a pathway over these dates (%(other)s).",
                        name=pathway.employee_id.sudo().name,
                        other=other.name,
                    )
                )

    def _overlaps(self, other):
        self.ensure_one()
        return (
            other.id != self.id
            and other.employee_id == self.employee_id
            and (not other.date_end or other.date_end >= self.date_start)
            and (not self.date_end or other.date_start <= self.date_end)
        )

    @api.model_create_multi
    def create(self, vals_list):
        pathways = super().create(vals_list)
        pathways.employee_id.sudo().filtered(lambda e: not e.is_insertion_employee).write(
            {"is_insertion_employee": True}
        )
        pathways._relink_employee_records()
        return pathways

    def write(self, vals):
        employees = self.employee_id
        res = super().write(vals)
        if {"employee_id", "date_start", "date_end", "active"} & set(vals):
            self._relink_employee_records(employees)
        return res

    def _relink_employee_records(self, employees=None):
        """Evaluations and hours recorded before a pathway existed, or whose dates moved,
        follow the pathway running at their date."""
        employees = (employees or self.env["hr.employee"]) | self.employee_id
        for model in ("insertion.skill.evaluation", "insertion.work.hours"):
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("employee_id", "in", employees.ids)])
            )
            self.env.add_to_compute(records._fields["pathway_id"], records)

    @api.model
    def _match_pathways(self, records, date_field, whole_month=False):
        """Return {record id: pathway} for records having an employee_id and a date:
        the employee's pathway running at that date (during that month if whole_month)."""
        pathways = self.sudo().search(
            [("employee_id", "in", records.employee_id.ids)], order="date_start desc"
        )
        result = {}
        for record in records:
            day = record[date_field]
            if not day:
                continue
            last_day = day + relativedelta(day=31) if whole_month else day
            result[record.id] = next(
                (
                    p
                    for p in pathways
                    if p.employee_id == record.employee_id
                    and p.date_start <= last_day
                    and (not p.date_end or p.date_end >= day)
                ),
                self.browse(),
            )
        return result

    @api.model
    def action_start_pathway(self):
        self.write({"stage": "pathway"})

    def action_exit(self):
        for pathway in self:
            values = {"stage": "exit"}
            if not pathway.date_end:
                values["date_end"] = pathway.exit_date
            pathway.write(values)

    def action_reopen(self):
        self.write({"stage": "pathway"})
