# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

FREQUENCY_STEPS = {
    "weekly": relativedelta(weeks=1),
    "biweekly": relativedelta(weeks=2),
    "monthly": relativedelta(months=1),
}
MAX_ESTIMATED_HOURS = 5000  # a season of a full team: more is a typing error
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)
MAX_PERIOD_DAYS = 3 * 366
MAX_TEXT = 2000  # characters of a description or an equipment list, as on the portal


class FarmInterventionRequest(models.Model):
    _name = "farm.intervention.request"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "farm.state.mixin"]
    _description = "Intervention request"
    _order = "id desc"
    _workflow_fields = ("state", "refusal_reason", "cancel_reason")

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner",
        string="Farm",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_farm", "=", True)],
    )
    contact_id = fields.Many2one("res.partner", domain="[('parent_id', '=', partner_id)]")
    description = fields.Text(required=True)
    task_type_ids = fields.Many2many("farm.task.type", string="Work wished")
    date_from = fields.Date("Wished from", required=True, tracking=True)
    date_to = fields.Date("Wished until", required=True, tracking=True)
    estimated_hours = fields.Float("Estimated workload (hours)", tracking=True)
    recurrence = fields.Selection(
        [("punctual", "Punctual"), ("recurring", "Recurring")],
        required=True,
        default="punctual",
        tracking=True,
    )
    frequency = fields.Selection(
        [("weekly", "Every week"), ("biweekly", "Every two weeks"), ("monthly", "Every month")]
    )
    farm_equipment = fields.Text("Equipment provided by the farm")
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
            ("planned", "Planned"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="submitted",
        required=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    refusal_reason = fields.Text(tracking=True, readonly=True)
    cancel_reason = fields.Text("Reason for cancelling", tracking=True, readonly=True)
    intervention_ids = fields.One2many("farm.intervention", "request_id", string="Interventions")
    intervention_count = fields.Integer(compute="_compute_intervention_count")
    user_id = fields.Many2one(
        "res.users", string="Coordinator", tracking=True, domain=[("share", "=", False)]
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    submission_key = fields.Char(
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="Key of the portal form that sent the request: sending it twice (a double "
        "click, a retry after a lost answer) creates one request.",
    )

    _sql_constraints = [
        ("submission_key_unique", "UNIQUE (submission_key)", "This form was already sent."),
    ]

    @api.depends("intervention_ids")
    def _compute_intervention_count(self):
        groups = self.env["farm.intervention"]._read_group(
            [("request_id", "in", self.ids)], ["request_id"], ["__count"]
        )
        counts = {request.id: count for request, count in groups}
        for request in self:
            request.intervention_count = counts.get(request.id, 0)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/requests/{request.id}"
        return result

    @api.constrains("date_from", "date_to", "estimated_hours", "recurrence", "frequency")
    def _check_request(self):
        for request in self:
            if not (request.date_from and request.date_to):
                continue  # both required: the database refuses the one missing, by name
            if request.date_to < request.date_from:
                raise ValidationError(
                    _("The wished period of %(name)s ends before it starts.", name=request.name)
                )
            if not (FIRST_DAY <= request.date_from and request.date_to <= LAST_DAY):
                raise ValidationError(
                    _(
                        "Wished period: the dates must fall between %(first)s and %(last)s.",
                        first=FIRST_DAY.strftime("%d/%m/%Y"),
                        last=LAST_DAY.strftime("%d/%m/%Y"),
                    )
                )
            if (request.date_to - request.date_from).days > MAX_PERIOD_DAYS:
                raise ValidationError(_("Wished period: three years at most."))
            if not 0 <= request.estimated_hours <= MAX_ESTIMATED_HOURS:
                raise ValidationError(
                    _(
                        "Estimated workload: between 0 and %(max)s hours.",
                        max=MAX_ESTIMATED_HOURS,
                    )
                )
            if request.recurrence == "recurring" and not request.frequency:
                raise ValidationError(_("A recurring request needs a frequency."))

    @api.constrains("description", "farm_equipment")
    def _check_texts(self):
        for request in self:
            if not (request.description or "").strip():
                raise ValidationError(_("Description: describe the work needed."))
            for label, text in (
                (_("Description"), request.description),
                (_("Equipment provided by the farm"), request.farm_equipment),
            ):
                if text and len(text) > MAX_TEXT:
                    raise ValidationError(
                        _("%(field)s: %(max)s characters at most.", field=label, max=MAX_TEXT)
                    )

    @api.constrains("partner_id")
    def _check_partner_is_farm(self):
        for request in self.filtered(lambda r: not r.partner_id.is_farm):
            raise ValidationError(
                _(
                    "Farm: %(partner)s is not a farm. Mark the contact as a farm first.",
                    partner=request.partner_id.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            request.message_subscribe(partner_ids=(request.contact_id or request.partner_id).ids)
        return requests

    def _creation_message(self):
        return self._feminine_creation_message()

    def _check_coordinator(self):
        if not self.env.su and not self.env.user.has_group("seconde_pousse_base.group_coordinator"):
            raise UserError(_("Only a coordinator can accept or refuse a request."))

    def action_accept(self):
        self._check_coordinator()
        self._check_state(("submitted",), _("accepted"))
        self.sudo().write({"state": "accepted", "user_id": self.env.user.id})
        self._notify_farmer("seconde_pousse_farm.mail_template_request_accepted")
        return True

    def action_refuse(self):
        self._check_coordinator()
        self._check_state(("submitted", "accepted"), _("refused"))
        return {
            "type": "ir.actions.act_window",
            "name": _("Refuse the request"),
            "res_model": "farm.request.refuse.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": self.ids},
        }

    def _refuse(self, reason):
        if not (reason or "").strip():
            raise UserError(_("Say why the request is refused: the farmer will read it."))
        self._check_coordinator()
        self._check_state(("submitted", "accepted"), _("refused"))
        self.sudo().write({"state": "refused", "refusal_reason": reason.strip()})
        self._notify_farmer("seconde_pousse_farm.mail_template_request_refused")

    def action_cancel(self):
        self._check_role("seconde_pousse_base.group_coordinator", _("cancel a request"))
        self._check_state(("submitted", "accepted", "planned"), _("cancelled"))
        self.intervention_ids.filtered(lambda i: i.state in ("draft", "planned")).action_cancel()
        self.sudo().state = "cancelled"
        return True

    def action_reset_submitted(self):
        self._check_role("seconde_pousse_base.group_coordinator", _("reopen a request"))
        self._check_state(("refused", "cancelled"), _("reopened"))
        self.sudo().write({"state": "submitted", "refusal_reason": False})
        return True

    # ------------------------------------------------------------------
    # What the farmer does from the portal (called as superuser once the portal has
    # checked that the request is theirs)
    # ------------------------------------------------------------------
    def _farmer_check_open(self):
        if self.state != "submitted":
            state = dict(self._fields["state"]._description_selection(self.env))[self.state]
            raise UserError(
                _(
                    "The request %(name)s is no longer waiting for an answer (%(state)s): write to the coordinator below to change it.",  # noqa: E501
                    name=self.name,
                    state=state.lower(),
                )
            )

    def _farmer_cancel(self, reason):
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Reason: say why you cancel the request."))
        self._farmer_check_open()
        self.write({"state": "cancelled", "cancel_reason": reason})
        self._notify_coordinator(
            _("%(name)s cancelled by the farm: %(reason)s", name=self.name, reason=reason)
        )

    def _farmer_change(self, vals, reason):
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Reason: say what changes and why."))
        self._farmer_check_open()
        self.write(vals)
        self._notify_coordinator(
            _("%(name)s changed by the farm: %(reason)s", name=self.name, reason=reason)
        )

    def _notify_coordinator(self, summary):
        """An activity and a message (an email) for the request's coordinator."""
        for request in self:
            coordinator = request.user_id or self.env["res.partner"]._farm_coordinator()
            request.activity_schedule(
                "mail.mail_activity_data_todo", user_id=coordinator.id, summary=summary[:200]
            )
            request.message_post(
                body=summary,
                partner_ids=coordinator.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )

    def _notify_farmer(self, template_xmlid):
        for request in self:
            request.message_post_with_source(
                template_xmlid, subtype_xmlid="mail.mt_comment", message_type="comment"
            )

    def action_create_interventions(self):
        self._check_role("seconde_pousse_base.group_supervisor", _("plan a request"))
        self._check_state(("accepted", "planned"), _("planned"))
        interventions = self._generate_visits()
        self.sudo().state = "planned"
        return self._action_open_interventions(interventions)

    def action_view_interventions(self):
        self.ensure_one()
        return self._action_open_interventions(self.intervention_ids)

    def _action_open_interventions(self, interventions):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_farm.farm_intervention_action"
        )
        action["domain"] = [("id", "in", interventions.ids)]
        action["context"] = {
            "default_request_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.id,
        }
        return action

    def _sync_state_from_interventions(self):
        """A planned request is done once none of its interventions is still to do."""
        finished = self.env["farm.intervention.request"]
        for request in self.filtered(lambda r: r.state == "planned"):
            states = set(request.intervention_ids.mapped("state")) - {"cancelled"}
            if states and states <= {"done", "reviewed", "invoiced"}:
                finished |= request
        finished.sudo().write({"state": "done"})
