# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prolongations of a PASS IAE, with the rules of les emplois de l'inclusion
(gip-inclusion/les-emplois, read at 543eae8d):

- `itou/approvals/models.py`, `CommonProlongation.PROLONGATION_RULES`: each reason's cap
  per request and its cumulative cap, the latter counting every prolongation of the PASS
  whatever its reason (`ProlongationManager.get_cumulative_duration_for`); the end allowed
  is the smaller of the two (`get_max_end_at` and the form's
  `min(max_duration_end_at, max_cumulative_duration_end_at)` in
  `itou/www/approvals_views/forms.py`, `CreateProlongationForm`);
- `Approval.IS_OPEN_TO_PROLONGATION_BOUNDARIES_MONTHS_BEFORE_END = 12` and `_AFTER_END = 6`
  (`is_open_to_prolongation`): the request window;
- `REASONS_NOT_NEED_PRESCRIBER_OPINION`: the other reasons are requested from an
  authorised prescriber (`ProlongationRequest.grant`), and only the granted prolongation
  moves the PASS end;
- `itou/approvals/constants.py`, `PROLONGATION_REPORT_FILE_REASONS`: the only reasons a
  review (bilan) goes with; `itou/companies/models.py`,
  `Company.can_upload_prolongation_report`: asked of AI structures only;
- `CommonProlongation.clean`: "difficultés particulières" is open to AI and ACI only, and a
  new prolongation starts on the day the PASS ends.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# reason: (days per request, days of every prolongation of the PASS in all or None)
RULES = {
    "senior_cdi": (3650, None),  # MAX_DURATION = timedelta(days=10 * 365)
    "complete_training": (365, None),
    "rqth": (365, 3 * 365),
    "senior": (365, 5 * 365),
    "particular_difficulties": (365, 3 * 365),
    "health_context": (365, 365),  # old reason, kept for imported history
}
OLD_REASONS = ("health_context",)
NO_PRESCRIBER = ("senior_cdi", "complete_training")
REPORT_REASONS = ("rqth", "senior", "particular_difficulties")
REPORT_REQUIRED_KINDS = ("ai",)
DIFFICULTIES_KINDS = ("aci", "ai")
OPENS_MONTHS_BEFORE, CLOSES_MONTHS_AFTER = 12, 6


class InsertionPassProlongation(models.Model):
    _name = "insertion.pass.prolongation"
    _inherit = ["insertion.pass.period", "seconde_pousse.workflow.guard"]
    _description = "PASS IAE prolongation"
    # the prescriber's answer and the import's mark: set by the buttons, never by a client
    _workflow_fields = ("state", "granted_by_id", "granted_on", "imported")

    reason = fields.Selection(
        [
            ("senior_cdi", "Open-ended contract (CDI) signed with a person over 57"),
            ("complete_training", "End of a training"),
            ("rqth", "RQTH (recognised disabled worker)"),
            ("senior", "50 years and over"),
            (
                "particular_difficulties",
                "Particularly serious difficulties which, if not addressed, would prevent "
                "their return to work",
            ),
            ("health_context", "Health context (former reason)"),
        ],
        required=True,
        tracking=True,
    )
    date_start = fields.Date(default=lambda self: self._default_start())
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Requested from the prescriber"),
            ("granted", "Granted"),
            ("denied", "Denied"),
        ],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        help="Only a granted prolongation moves the PASS end. RQTH, 50 years and over and "
        "particular difficulties are granted by an authorised prescriber.",
    )
    prescriber_id = fields.Many2one(
        "res.partner",
        string="Authorised prescriber",
        domain=[("is_authorized_prescriber", "=", True)],
        tracking=True,
        help="The authorised prescriber the prolongation is requested from.",
    )
    granted_by_id = fields.Many2one(
        "res.partner", string="Granted by", readonly=True, tracking=True
    )
    granted_on = fields.Date(readonly=True, tracking=True)
    needs_prescriber = fields.Boolean(compute="_compute_needs_prescriber")

    _sql_constraints = [
        (
            "no_overlap",
            "EXCLUDE USING gist (employee_id WITH =, "
            "daterange(date_start, date_end, '[)') WITH &&) "
            "WHERE (active AND state <> 'denied')",
            "The period overlaps another prolongation of this PASS IAE.",
        ),
        (
            "dates",
            "CHECK (date_end > date_start)",
            "A prolongation lasts one day at least.",
        ),
    ]

    @api.depends("reason", "imported")
    def _compute_needs_prescriber(self):
        for prolongation in self:
            prolongation.needs_prescriber = bool(
                prolongation.reason
                and prolongation.reason not in NO_PRESCRIBER
                and not prolongation.imported
            )

    def _default_start(self):
        employee = self.env["hr.employee"].browse(self.env.context.get("default_employee_id"))
        return employee.sudo().pass_iae_end if employee.exists() else False

    @api.model_create_multi
    def create(self, vals_list):
        self._refuse_workflow_create(vals_list)  # before the checks of the values
        self.flush_model()  # the overlap exclusion reads the states written before
        for vals in vals_list:
            employee = self.env["hr.employee"].browse(vals.get("employee_id")).sudo()
            if not vals.get("date_start") and employee.exists():
                vals["date_start"] = employee.pass_iae_end
            self._check_new(employee, fields.Date.to_date(vals.get("date_start")), vals)
        prolongations = super().create(vals_list)
        # declared without a prescriber (les emplois' `Prolongation`), or history
        prolongations.filtered(lambda p: not p.needs_prescriber).sudo().write({"state": "granted"})
        return prolongations

    def _check_new(self, employee, start, vals):
        """A new prolongation follows the PASS, within the request window, and never
        while it is suspended."""
        end = employee.pass_iae_end
        if not end:
            raise ValidationError(
                self.env._(
                    "Enter the PASS IAE dates of %(name)s before prolonging it.",
                    name=employee.name,
                )
            )
        if employee.pass_iae_state == "suspended":
            raise ValidationError(
                self.env._(
                    "The PASS IAE of %(name)s is suspended: lift the suspension before "
                    "prolonging it.",
                    name=employee.name,
                )
            )
        if start != end:
            raise ValidationError(
                self.env._(
                    "A prolongation starts on the day the PASS IAE ends, %(end)s (Start).",
                    end=self._fmt(end),
                )
            )
        if not (vals.get("imported") and self.env.su):
            self._check_window(end)

    def _check_window(self, end):
        """`Approval.is_open_to_prolongation`: 12 months before the end to 6 after."""
        today = self._today()
        opens = end - relativedelta(months=OPENS_MONTHS_BEFORE)
        closes = end + relativedelta(months=CLOSES_MONTHS_AFTER)
        if not opens <= today <= closes:
            raise ValidationError(
                self.env._(
                    "A prolongation is requested from %(months_before)s months before the "
                    "end of the PASS IAE to %(months_after)s months after it: from %(opens)s "
                    "to %(closes)s.",
                    months_before=OPENS_MONTHS_BEFORE,
                    months_after=CLOSES_MONTHS_AFTER,
                    opens=self._fmt(opens),
                    closes=self._fmt(closes),
                )
            )

    @api.constrains(
        "date_start", "date_end", "reason", "employee_id", "active", "document", "state"
    )
    def _check_rules(self):
        for prolongation in self.filtered(lambda p: p.active and p.state != "denied"):
            prolongation._check_reason()
            prolongation._check_documents()
            prolongation._check_cap()

    @api.constrains("state", "reason", "granted_by_id")
    def _check_granted_by_prescriber(self):
        for prolongation in self.filtered(lambda p: p.state == "granted" and p.needs_prescriber):
            if not prolongation.granted_by_id.is_authorized_prescriber:
                raise ValidationError(
                    self.env._(
                        "A prolongation for “%(reason)s” is granted by an authorised "
                        "prescriber (Granted by).",
                        reason=prolongation._reason_label(),
                    )
                )

    def _reason_label(self):
        return dict(self._fields["reason"]._description_selection(self.env))[self.reason]

    def _check_reason(self):
        if self.reason in OLD_REASONS and not self.imported:
            raise ValidationError(
                self.env._(
                    "The reason “%(reason)s” is no longer open: it is kept for the imported "
                    "history only (Reason).",
                    reason=self._reason_label(),
                )
            )
        kind = self.company_id.iae_structure_kind
        if self.reason == "particular_difficulties" and kind not in DIFFICULTIES_KINDS:
            raise ValidationError(
                self.env._(
                    "The reason “%(reason)s” is open to ACI and AI only (Reason).",
                    reason=self._reason_label(),
                )
            )

    def _check_documents(self):
        """A review (bilan) goes only with RQTH, 50 and over and particular difficulties;
        AI structures attach it to their request."""
        if self.document and self.reason not in REPORT_REASONS:
            raise ValidationError(
                self.env._(
                    "A review (bilan) goes only with a prolongation for RQTH, 50 years and "
                    "over or particular difficulties, not “%(reason)s” (Supporting document).",
                    reason=self._reason_label(),
                )
            )
        if (
            not self.document
            and self.reason in REPORT_REASONS
            and self.state != "draft"
            and not self.imported
            and self.company_id.iae_structure_kind in REPORT_REQUIRED_KINDS
        ):
            raise ValidationError(
                self.env._(
                    "An AI structure attaches the review (bilan) to a prolongation for "
                    "“%(reason)s” (Supporting document).",
                    reason=self._reason_label(),
                )
            )

    def _check_cap(self):
        """The end allowed is the smaller of the cap per request and what every other
        prolongation of the PASS, whatever its reason, leaves of the cumulative cap."""
        per_request, cumulative = RULES[self.reason]
        last = self.date_start + relativedelta(days=per_request)
        if self.date_end > last:
            raise ValidationError(
                self.env._(
                    "A prolongation for “%(reason)s” adds %(days)s days at most: this one "
                    "must end on %(last)s at the latest (End).",
                    reason=self._reason_label(),
                    days=per_request,
                    last=self._fmt(last),
                )
            )
        if cumulative is None:
            return
        used = sum(self._others().filtered(lambda p: p.state != "denied").mapped("days"))
        last = self.date_start + relativedelta(days=cumulative - used)
        if self.date_end > last:
            raise ValidationError(
                self.env._(
                    "With a prolongation for “%(reason)s”, all the prolongations of a PASS "
                    "IAE, whatever their reason, add %(cumulative)s days at most "
                    "(%(used)s already added): this one must end on %(last)s at the latest "
                    "(End).",
                    reason=self._reason_label(),
                    cumulative=cumulative,
                    used=used,
                    last=self._fmt(last),
                )
            )

    def action_request(self):
        """Sends the request to the authorised prescriber (les emplois'
        `ProlongationRequest`, status PENDING)."""
        self.check_access("write")
        for prolongation in self:
            if prolongation.state != "draft" or not prolongation.needs_prescriber:
                raise UserError(self.env._("Only a draft prolongation is requested."))
            if not prolongation.prescriber_id.is_authorized_prescriber:
                raise UserError(
                    self.env._(
                        "Choose the authorised prescriber the prolongation is requested "
                        "from (Authorised prescriber)."
                    )
                )
            prolongation.sudo().state = "requested"
        return True

    def action_grant(self):
        """The prescriber granted it (`ProlongationRequest.grant`, which copies the
        request's dates into the Prolongation): the PASS end moves by its days."""
        self.check_access("write")
        today = self._today()
        for prolongation in self:
            if prolongation.state != "requested":
                raise UserError(self.env._("Only a requested prolongation is granted."))
            prolongation.sudo().write(
                {
                    "state": "granted",
                    "granted_by_id": prolongation.prescriber_id.id,
                    "granted_on": today,
                }
            )
        return True

    def action_deny(self):
        """The prescriber denied it (`ProlongationRequest.deny`): the PASS end stays."""
        self.check_access("write")
        for prolongation in self:
            if prolongation.state != "requested":
                raise UserError(self.env._("Only a requested prolongation is denied."))
            prolongation.sudo().state = "denied"
        return True
