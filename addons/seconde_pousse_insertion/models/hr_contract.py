# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The CDDI's rules (Code du travail, L5132-15-1): four months at least, 24 months in all,
20 to 35 hours a week, each with the derogations the law lists. Where the law blocks,
the contract is refused; where a derogation applies, it is recorded with its reason and
logged on the contract."""

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, formatLang

MIN_MONTHS, MAX_MONTHS, MAX_MONTHS_DEROGATION = 4, 24, 60
MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS = 20, 35
DAYS_PER_MONTH = 365.25 / 12
MONTHS_TOLERANCE, HOURS_TOLERANCE = 0.05, 0.001  # rounding of days to months, of hours
RULE_FIELDS = (
    "cddi_short_derogation",
    "cddi_long_derogation",
    "cddi_hours_derogation",
    "cddi_derogation_reason",
)


def cddi_months(contracts, open_end=None):
    """Months of CDDI in these contracts, cancelled ones left out: one with no end counts
    until open_end (an employee's months to date), or not at all."""
    days = sum(
        ((contract.date_end or open_end) - contract.date_start).days + 1
        for contract in contracts
        if contract.is_cddi and contract.state != "cancel" and (contract.date_end or open_end)
    )
    return days / DAYS_PER_MONTH


class HrContract(models.Model):
    _inherit = "hr.contract"

    is_cddi = fields.Boolean(string="CDDI", compute="_compute_is_cddi", store=True)
    cddi_weekly_hours = fields.Float(
        string="Weekly hours", compute="_compute_cddi_weekly_hours", digits=(16, 1)
    )
    cddi_short_derogation = fields.Selection(
        [("justice", "Sentenced person with an adjusted sentence")],
        string="Derogation to the 4 months minimum",
        tracking=True,
    )
    cddi_long_derogation = fields.Selection(
        [
            ("senior", "50 and over, with particular difficulties (60 months at most)"),
            (
                "rqth",
                "Recognised disabled worker, with particular difficulties (60 months at most)",
            ),
            ("training", "To complete a training under way at the contract's end"),
        ],
        string="Derogation to the 24 months in all",
        tracking=True,
    )
    cddi_hours_derogation = fields.Selection(
        [("difficulties", "The employee's particularly difficult situation")],
        string="Derogation to the 20 hours a week",
        tracking=True,
    )
    cddi_derogation_reason = fields.Text(string="Reason for the derogation", tracking=True)
    financial_annex_id = fields.Many2one(
        "insertion.financial.annex",
        string="Annexe financière",
        index="btree_not_null",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
        help="The annexe that funds this insertion post.",
    )

    @api.depends("contract_type_id")
    def _compute_is_cddi(self):
        cddi = self.env.ref("seconde_pousse_insertion.contract_type_cddi", raise_if_not_found=False)
        for contract in self:
            contract.is_cddi = bool(cddi) and contract.contract_type_id == cddi

    @api.depends("resource_calendar_id.attendance_ids", "resource_calendar_id.two_weeks_calendar")
    def _compute_cddi_weekly_hours(self):
        for contract in self:
            calendar = contract.resource_calendar_id
            hours = sum(
                attendance.hour_to - attendance.hour_from
                for attendance in calendar.attendance_ids
                if attendance.day_period != "lunch"
                and not attendance.display_type
                and not attendance.resource_id
            )
            contract.cddi_weekly_hours = hours / 2 if calendar.two_weeks_calendar else hours

    @api.onchange("contract_type_id")
    def _onchange_cddi_calendar(self):
        """A CDDI starts on the CDDI week rather than the company's 40 hours."""
        if self.is_cddi and self.cddi_weekly_hours > MAX_WEEKLY_HOURS:
            self.resource_calendar_id = self._cddi_calendar()

    def _cddi_calendar(self):
        return self.env.ref(
            "seconde_pousse_insertion.resource_calendar_cddi_26h", raise_if_not_found=False
        )

    @api.model_create_multi
    def create(self, vals_list):
        cddi = self.env.ref("seconde_pousse_insertion.contract_type_cddi", raise_if_not_found=False)
        calendar = self._cddi_calendar()
        for vals in vals_list:
            if cddi and calendar and vals.get("contract_type_id") == cddi.id:
                vals.setdefault("resource_calendar_id", calendar.id)
        contracts = super().create(vals_list)
        contracts._log_cddi_derogations()
        return contracts

    def write(self, vals):
        result = super().write(vals)
        if {*RULE_FIELDS, "date_start", "date_end", "resource_calendar_id"} & set(vals):
            self._log_cddi_derogations()
        return result

    @api.constrains("date_start", "employee_id", "contract_type_id")
    def _check_start_within_pass_iae(self):
        for contract in self.sudo().filtered(
            lambda c: c.employee_id.is_insertion_employee and c.is_cddi
        ):
            employee = contract.employee_id
            start, end = employee.pass_iae_start, employee.pass_iae_end
            if not start or not end:
                continue
            if not start <= contract.date_start <= end:
                raise ValidationError(
                    _(
                        "The contract of %(name)s cannot start on %(date)s, outside the PASS IAE validity (%(start)s to %(end)s).",  # noqa: E501
                        name=employee.name,
                        date=format_date(self.env, contract.date_start),
                        start=format_date(self.env, start),
                        end=format_date(self.env, end),
                    )
                )

    # not on state: Odoo's contract cron moves states, and must not trip on a contract
    # saved before these rules
    @api.constrains(
        "date_start", "date_end", "contract_type_id", "resource_calendar_id", *RULE_FIELDS
    )
    def _check_cddi_rules(self):
        for contract in self.sudo().filtered(lambda c: c.is_cddi and c.state != "cancel"):
            if not contract.date_end:
                raise ValidationError(
                    _("A CDDI is a fixed-term contract: enter its end date (End Date).")
                )
            if (
                contract.cddi_short_derogation or contract.cddi_long_derogation
            ) or contract.cddi_hours_derogation:
                if not (contract.cddi_derogation_reason or "").strip():
                    raise ValidationError(
                        _("A derogation is recorded with its reason (Reason for the derogation).")
                    )
            contract._check_cddi_length()
            contract._check_cddi_total()
            contract._check_cddi_hours()

    @api.constrains("financial_annex_id", "date_start", "date_end")
    def _check_financial_annex(self):
        for contract in self.sudo().filtered("financial_annex_id"):
            annex = contract.financial_annex_id
            end = contract.date_end or contract.date_start
            if contract.date_start > annex.date_end or end < annex.date_start:
                raise ValidationError(
                    _(
                        "The contract %(contract)s (%(start)s to %(end)s) is not funded by the annexe %(annex)s, which runs from %(period)s (Annexe financière).",  # noqa: E501
                        contract=contract.name,
                        start=format_date(self.env, contract.date_start),
                        end=format_date(self.env, end),
                        annex=annex.number,
                        period=_(
                            "%(start)s to %(end)s",
                            start=format_date(self.env, annex.date_start),
                            end=format_date(self.env, annex.date_end),
                        ),
                    )
                )

    def _cddi_shortest_end(self):
        return self.date_start + relativedelta(months=MIN_MONTHS, days=-1)

    def _cddi_too_short(self):
        return self.date_end < self._cddi_shortest_end()

    def _cddi_over_months(self, limit):
        return self._cddi_total_months() > limit + MONTHS_TOLERANCE

    def _cddi_too_few_hours(self):
        return self.cddi_weekly_hours < MIN_WEEKLY_HOURS - HOURS_TOLERANCE

    def _check_cddi_length(self):
        if self._cddi_too_short() and not self.cddi_short_derogation:
            raise ValidationError(
                _(
                    "A CDDI lasts %(months)s months at least: this one must end on %(day)s or later (End Date), unless the derogation for a sentenced person applies.",  # noqa: E501
                    months=MIN_MONTHS,
                    day=format_date(self.env, self._cddi_shortest_end()),
                )
            )

    def _cddi_total_months(self):
        return cddi_months(self.employee_id.contract_ids)

    def _check_cddi_total(self):
        derogation = self.cddi_long_derogation
        limit = MAX_MONTHS_DEROGATION if derogation in ("senior", "rqth") else MAX_MONTHS
        if derogation == "training" or not self._cddi_over_months(limit):
            return
        raise ValidationError(
            _(
                "The CDDI contracts of %(name)s would last %(total)s months in all: the law allows %(max)s months, %(derogation_max)s for a person of 50 and over or a disabled worker with particular difficulties, and the time to complete a training (Derogation to the 24 months in all).",  # noqa: E501
                name=self.employee_id.name,
                total=formatLang(self.env, self._cddi_total_months(), digits=1),
                max=MAX_MONTHS,
                derogation_max=MAX_MONTHS_DEROGATION,
            )
        )

    def _check_cddi_hours(self):
        hours = self.cddi_weekly_hours
        if hours > MAX_WEEKLY_HOURS + HOURS_TOLERANCE:
            raise ValidationError(
                _(
                    "A CDDI works %(max)s hours a week at most: the working schedule %(calendar)s has %(hours)s h (Working Schedule).",  # noqa: E501
                    max=MAX_WEEKLY_HOURS,
                    calendar=self.resource_calendar_id.name,
                    hours=formatLang(self.env, hours, digits=1),
                )
            )
        if self._cddi_too_few_hours() and not self.cddi_hours_derogation:
            raise ValidationError(
                _(
                    "A CDDI works %(min)s hours a week at least: the working schedule %(calendar)s has %(hours)s h (Working Schedule), unless the employee's particularly difficult situation justifies fewer.",  # noqa: E501
                    min=MIN_WEEKLY_HOURS,
                    calendar=self.resource_calendar_id.name,
                    hours=formatLang(self.env, hours, digits=1),
                )
            )

    def _cddi_derogations_in_use(self):
        """The derogations this contract relies on, as (rule, derogation) labels."""
        self.ensure_one()
        labels = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in RULE_FIELDS[:3]
        }
        used = []
        if self.cddi_short_derogation and self._cddi_too_short():
            used.append(labels["cddi_short_derogation"][self.cddi_short_derogation])
        if self.cddi_long_derogation and self._cddi_over_months(MAX_MONTHS):
            used.append(labels["cddi_long_derogation"][self.cddi_long_derogation])
        if self.cddi_hours_derogation and self._cddi_too_few_hours():
            used.append(labels["cddi_hours_derogation"][self.cddi_hours_derogation])
        return used

    def _log_cddi_derogations(self):
        """A warning in the contract's chatter, with the reason, for each derogation that
        lets it past a rule."""
        for contract in self.filtered(lambda c: c.is_cddi and c.date_end):
            used = contract._cddi_derogations_in_use()
            if used:
                contract.sudo().message_post(
                    body=_(
                        "CDDI derogation applied: %(derogations)s. Reason: %(reason)s",
                        derogations="; ".join(used),
                        reason=contract.cddi_derogation_reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
