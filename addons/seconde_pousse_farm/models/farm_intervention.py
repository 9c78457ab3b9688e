# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_datetime

from odoo.addons.seconde_pousse_base.models.timezone import local_tz

MAX_TEAM_SIZE = 50
MAX_DAYS = 14  # one visit: a fortnight at most (a season is a recurring request)
MAX_LINE_HOURS = 1000
MAX_RATE = 10000
FIRST_DAY, LAST_DAY = datetime(2000, 1, 1), datetime(2099, 12, 31, 23, 59)
# fields that stay writable on an invoiced intervention: its chatter and activities
CHATTER = ("message_", "activity_", "access_token")
STATES = [
    ("draft", "Draft"),
    ("planned", "Planned"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("reviewed", "Reviewed"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]


class FarmIntervention(models.Model):
    _name = "farm.intervention"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "farm.state.mixin"]
    _description = "Farm intervention"
    _order = "date_start desc, id desc"
    _workflow_fields = ("state", "invoice_id")

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    request_id = fields.Many2one("farm.intervention.request", index=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Farm",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_farm", "=", True)],
    )
    date_start = fields.Datetime("Start", required=True, tracking=True)
    date_end = fields.Datetime("End", required=True, tracking=True)
    line_ids = fields.One2many(
        "farm.intervention.line", "intervention_id", string="Tasks", copy=True
    )
    planned_hours = fields.Float(compute="_compute_totals", store=True)
    done_hours = fields.Float(compute="_compute_totals", store=True)
    amount_untaxed = fields.Monetary("Amount (excl. tax)", compute="_compute_totals", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Supervisor",
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    team_size = fields.Integer(default=1, help="People sent to the farm, supervisor included.")
    review_ids = fields.One2many("farm.intervention.review", "intervention_id", string="Reviews")
    review_state = fields.Selection(related="review_ids.state", string="Review")
    invoice_id = fields.Many2one("account.move", readonly=True, copy=False, tracking=True)
    # every invoice that billed it, a cancelled or credited one included: its invoicing
    # history, for the accountants and the coordinators (who read the links already)
    invoice_link_ids = fields.One2many(
        "farm.intervention.invoice",
        "intervention_id",
        string="Invoicing history",
        groups="account.group_account_invoice,seconde_pousse_base.group_coordinator",
    )
    notes = fields.Html(groups="base.group_user", help="Internal: never shown to the farm.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    calendar_label = fields.Char(
        compute="_compute_calendar_label", help="The farm and the team lead, for calendars."
    )
    schedule_label = fields.Char(
        "When",
        compute="_compute_schedule_label",
        help="Day and hours, in the company's time zone (else the user's).",
    )

    @api.depends("partner_id.name", "user_id.name")
    def _compute_calendar_label(self):
        for intervention in self:
            parts = [intervention.partner_id.name, intervention.user_id.name]
            intervention.calendar_label = " · ".join(part for part in parts if part)

    @api.depends("date_start", "date_end")
    @api.depends_context("tz", "company")
    def _compute_schedule_label(self):
        tz = local_tz(self.env)
        for intervention in self:
            start, end = intervention.date_start, intervention.date_end
            if not (start and end):
                intervention.schedule_label = ""
                continue
            same_day = format_datetime(self.env, start, tz, "yyyyMMdd") == format_datetime(
                self.env, end, tz, "yyyyMMdd"
            )
            end_format = "HH:mm" if same_day else "EEE d MMM, HH:mm"
            intervention.schedule_label = (
                f"{format_datetime(self.env, start, tz, 'EEE d MMM y, HH:mm')} – "
                f"{format_datetime(self.env, end, tz, end_format)}"
            )

    @api.depends("line_ids.planned_hours", "line_ids.done_hours", "line_ids.price_unit")
    def _compute_totals(self):
        for intervention in self:
            lines = intervention.line_ids
            intervention.planned_hours = sum(lines.mapped("planned_hours"))
            intervention.done_hours = sum(lines.mapped("done_hours"))
            intervention.amount_untaxed = sum(line.done_hours * line.price_unit for line in lines)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for intervention in self:
            intervention.access_url = f"/my/interventions/{intervention.id}"
        return result

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for intervention in self:
            if intervention.date_end <= intervention.date_start:
                raise ValidationError(
                    _("%(name)s: the end must be after the start.", name=intervention.name)
                )
            if not (FIRST_DAY <= intervention.date_start and intervention.date_end <= LAST_DAY):
                raise ValidationError(
                    _(
                        "%(name)s: the dates must fall between 2000 and 2099.",
                        name=intervention.name,
                    )
                )
            if intervention.date_end - intervention.date_start > timedelta(days=MAX_DAYS):
                raise ValidationError(
                    _(
                        "%(name)s: an intervention lasts %(max)s days at most; plan a recurring request for a longer job.",  # noqa: E501
                        name=intervention.name,
                        max=MAX_DAYS,
                    )
                )

    def _creation_message(self):
        return self._feminine_creation_message()

    @api.model
    def _check_team_size(self, vals):
        """Before saving: a size out of range would otherwise reach PostgreSQL."""
        size = vals.get("team_size")
        if size is not None and size is not False and not 1 <= size <= MAX_TEAM_SIZE:
            raise ValidationError(_("Team size: between 1 and %(max)s people.", max=MAX_TEAM_SIZE))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_team_size(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_team_size(vals)
        self._check_not_invoiced(vals)
        result = super().write(vals)
        if "state" in vals:
            self.request_id._sync_state_from_interventions()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self._check_not_invoiced()

    def _check_supervisor(self, action):
        self._check_role("seconde_pousse_base.group_supervisor", action)

    def _check_not_invoiced(self, vals=None):
        """An invoiced intervention, its tasks, hours and prices no longer change: a credit
        note on its invoice is the way back. Its chatter stays open."""
        if self.env.su or (vals is not None and all(name.startswith(CHATTER) for name in vals)):
            return
        for intervention in self.filtered(lambda i: i.state == "invoiced"):
            raise UserError(
                _(
                    "%(name)s is invoiced (%(invoice)s): it can no longer be changed. Issue a credit note on the invoice to correct it.",  # noqa: E501
                    name=intervention.name,
                    invoice=intervention.sudo().invoice_id.display_name,
                )
            )

    def action_plan(self):
        self._check_supervisor(_("plan an intervention"))
        self._check_state(("draft",), _("planned"))
        if any(not intervention.line_ids for intervention in self):
            raise UserError(_("Add at least one task before planning the intervention."))
        self.sudo().state = "planned"
        return True

    def action_start(self):
        self._check_supervisor(_("start an intervention"))
        self._check_state(("planned",), _("started"))
        self.sudo().state = "in_progress"
        return True

    def action_done(self):
        self._check_supervisor(_("close an intervention"))
        self._check_state(("planned", "in_progress"), _("marked as done"))
        for intervention in self:
            if intervention.done_hours <= 0:
                raise UserError(
                    _("%(name)s: record the hours done before closing it.", name=intervention.name)
                )
        self.sudo().state = "done"
        return True

    def action_cancel(self):
        self._check_supervisor(_("cancel an intervention"))
        self._check_state(("draft", "planned", "in_progress", "done"), _("cancelled"))
        self.sudo().state = "cancelled"
        return True

    def action_reset_draft(self):
        self._check_supervisor(_("reset an intervention to draft"))
        self._check_state(("cancelled",), _("reset to draft"))
        self.sudo().state = "draft"
        return True

    def action_open_review(self):
        self.ensure_one()
        self._check_state(("done", "reviewed", "invoiced"), _("reviewed"))
        review = self.review_ids[:1] or self.env["farm.intervention.review"].create(
            {"intervention_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "farm.intervention.review",
            "res_id": review.id,
            "view_mode": "form",
        }

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
        }

    def _back_to_invoiceable(self, reason):
        """The invoice was cancelled or credited: the work is to invoice again."""
        invoiced = self.filtered(lambda i: i.state == "invoiced").sudo()
        for intervention in invoiced:
            intervention.message_post(body=reason)
        invoiced.write({"state": "reviewed", "invoice_id": False})


class FarmInterventionLine(models.Model):
    _name = "farm.intervention.line"
    _description = "Intervention task"
    _order = "intervention_id, sequence, id"

    intervention_id = fields.Many2one(
        "farm.intervention", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    task_type_id = fields.Many2one(
        "farm.task.type", string="Task", required=True, ondelete="restrict"
    )
    description = fields.Char()
    planned_hours = fields.Float("Planned hours")
    done_hours = fields.Float("Hours done")
    price_unit = fields.Float(
        "Hourly rate",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        digits="Product Price",
    )
    amount = fields.Float(compute="_compute_amount", digits="Product Price")

    @api.depends("task_type_id", "description")
    def _compute_display_name(self):
        for line in self:
            parts = [line.task_type_id.display_name, line.description]
            line.display_name = " – ".join(part for part in parts if part)

    @api.model_create_multi
    def create(self, vals_list):
        interventions = self.env["farm.intervention"].browse(
            [vals.get("intervention_id") for vals in vals_list if vals.get("intervention_id")]
        )
        interventions._check_not_invoiced()
        return super().create(vals_list)

    def write(self, vals):
        self.intervention_id._check_not_invoiced()
        result = super().write(vals)
        if "intervention_id" in vals:
            self.intervention_id._check_not_invoiced()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self.intervention_id._check_not_invoiced()

    @api.depends("task_type_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.task_type_id.hourly_rate

    @api.depends("done_hours", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.done_hours * line.price_unit

    @api.constrains("planned_hours", "done_hours", "price_unit")
    def _check_hours(self):
        for line in self:
            if line.planned_hours < 0 or line.done_hours < 0:
                raise ValidationError(
                    _("%(task)s: hours cannot be negative.", task=line.task_type_id.display_name)
                )
            if line.price_unit < 0:
                raise ValidationError(
                    _("%(task)s: the rate cannot be negative.", task=line.task_type_id.display_name)
                )
            if max(line.planned_hours, line.done_hours) > MAX_LINE_HOURS:
                raise ValidationError(
                    _(
                        "%(task)s: %(max)s hours at most on one task.",
                        task=line.task_type_id.display_name,
                        max=MAX_LINE_HOURS,
                    )
                )
            if line.price_unit > MAX_RATE:
                raise ValidationError(
                    _(
                        "%(task)s: the hourly rate is %(max)s at most.",
                        task=line.task_type_id.display_name,
                        max=MAX_RATE,
                    )
                )
