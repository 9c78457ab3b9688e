# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prolongations of a PASS IAE, with the rules of les emplois de l'inclusion
(`itou/approvals`: `ProlongationReason`, `MAX_CUMULATIVE_DURATION`): listed reasons,
each with its cumulative cap; "difficultés particulières" open to ACI and AI only; the
request from seven months before the end to three months after; each one starts where
the PASS ends."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# days a reason may add in all to one PASS
CAPS = {
    "senior_cdi": 3650,
    "complete_training": 730,
    "rqth": 1095,
    "senior": 1825,
    "particular_difficulties": 1095,
}
NEEDS_REPORT = ("rqth", "senior", "particular_difficulties")  # a review (bilan) attached
DIFFICULTIES_KINDS = ("aci", "ai")
OPENS_MONTHS_BEFORE, CLOSES_MONTHS_AFTER = 7, 3


class InsertionPassProlongation(models.Model):
    _name = "insertion.pass.prolongation"
    _inherit = ["insertion.pass.period"]
    _description = "PASS IAE prolongation"

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
        ],
        required=True,
        tracking=True,
    )
    date_start = fields.Date(default=lambda self: self._default_start())

    _sql_constraints = [
        (
            "no_overlap",
            "EXCLUDE USING gist (employee_id WITH =, "
            "daterange(date_start, date_end, '[)') WITH &&) WHERE (active)",
            "The period overlaps another prolongation of this PASS IAE.",
        ),
        (
            "dates",
            "CHECK (date_end > date_start)",
            "A prolongation lasts one day at least.",
        ),
    ]

    def _default_start(self):
        employee = self.env["hr.employee"].browse(self.env.context.get("default_employee_id"))
        return employee.sudo().pass_iae_end if employee.exists() else False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            employee = self.env["hr.employee"].browse(vals.get("employee_id")).sudo()
            if not vals.get("date_start") and employee.exists():
                vals["date_start"] = employee.pass_iae_end
            self._check_new(employee, fields.Date.to_date(vals.get("date_start")))
        return super().create(vals_list)

    def _check_new(self, employee, start):
        """A new prolongation follows the PASS, within the request window, and never
        while it is suspended."""
        end, today = employee.pass_iae_end, self._today()
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

    @api.constrains("date_start", "date_end", "reason", "employee_id", "active", "document")
    def _check_rules(self):
        for prolongation in self.filtered("active"):
            prolongation._check_reason()
            prolongation._check_cap()

    def _reason_label(self):
        return dict(self._fields["reason"]._description_selection(self.env))[self.reason]

    def _check_reason(self):
        kind = self.company_id.iae_structure_kind
        if self.reason == "particular_difficulties" and kind not in DIFFICULTIES_KINDS:
            raise ValidationError(
                self.env._(
                    "The reason “%(reason)s” is open to ACI and AI only (Reason).",
                    reason=self._reason_label(),
                )
            )
        if self.reason in NEEDS_REPORT and not self.document:
            raise ValidationError(
                self.env._(
                    "A prolongation for “%(reason)s” needs its review (bilan) attached "
                    "(Supporting document).",
                    reason=self._reason_label(),
                )
            )

    def _check_cap(self):
        same = self._others().filtered(lambda p: p.reason == self.reason)
        used, cap = sum(same.mapped("days")), CAPS[self.reason]
        if used + self.days > cap:
            last = self.date_start + relativedelta(days=max(cap - used, 0))
            raise ValidationError(
                self.env._(
                    "The prolongations for “%(reason)s” add %(cap)s days at most to a PASS "
                    "IAE (%(used)s already used): this one must end on %(last)s at the "
                    "latest (End).",
                    reason=self._reason_label(),
                    cap=cap,
                    used=used,
                    last=self._fmt(last),
                )
            )
