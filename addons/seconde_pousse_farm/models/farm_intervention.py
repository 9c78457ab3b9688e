from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

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
    notes = fields.Html(groups="base.group_user", help="Internal: never shown to the farm.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
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

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals:
            self.request_id._sync_state_from_interventions()
        return result

    def action_plan(self):
        self._check_state(("draft",), _("planned"))
        if any(not intervention.line_ids for intervention in self):
            raise UserError(_("Add at least one task before planning the intervention."))
        self.state = "planned"
        return True

    def action_start(self):
        self._check_state(("planned",), _("started"))
        self.state = "in_progress"
        return True

    def action_done(self):
        self._check_state(("planned", "in_progress"), _("marked as done"))
        for intervention in self:
            if intervention.done_hours <= 0:
                raise UserError(
                    _("%(name)s: record the hours done before closing it.", name=intervention.name)
                )
        self.state = "done"
        return True

    def action_cancel(self):
        self._check_state(("draft", "planned", "in_progress", "done"), _("cancelled"))
        self.state = "cancelled"
        return True

    def action_reset_draft(self):
        self._check_state(("cancelled",), _("reset to draft"))
        self.state = "draft"
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
        for intervention in self.filtered(lambda i: i.state == "invoiced"):
            intervention.message_post(body=reason)
        self.filtered(lambda i: i.state == "invoiced").write(
            {"state": "reviewed", "invoice_id": False}
        )


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
