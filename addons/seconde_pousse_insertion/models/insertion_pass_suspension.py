# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suspensions of a PASS IAE, with the rules of les emplois de l'inclusion
(`itou/approvals/models.py`, `Suspension`): listed reasons, 36 months at most each,
backdated by a year at most, never in the future, within the PASS, never overlapping."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_MONTHS = 36
MAX_BACKDATING_DAYS = 365
# the contrat passerelle suspension is open to ACI and EI only
PASSERELLE_KINDS = ("aci", "ei")


class InsertionPassSuspension(models.Model):
    _name = "insertion.pass.suspension"
    _inherit = ["insertion.pass.period", "seconde_pousse.workflow.guard"]
    _description = "PASS IAE suspension"
    # the day the backdating is counted from: today, never given by the client
    _workflow_fields = ("declared_on",)

    reason = fields.Selection(
        [
            ("contract_suspended", "Employment contract suspended for more than 15 days"),
            ("contract_broken", "Employment contract broken"),
            ("contract_finished", "Employment contract finished"),
            (
                "cta_agreement",
                "Situation agreed between the members of the CTA (technical steering committee)",
            ),
            ("contrat_passerelle", "Switch to the contrat passerelle experiment"),
        ],
        required=True,
        tracking=True,
    )
    declared_on = fields.Date(
        string="Declared on",
        default=fields.Date.context_today,
        required=True,
        readonly=True,
        help="A suspension is backdated from this day by a year at most.",
    )

    _sql_constraints = [
        (
            "no_overlap",
            "EXCLUDE USING gist (employee_id WITH =, "
            "daterange(date_start, date_end, '[]') WITH &&) WHERE (active)",
            "The period overlaps another suspension of this PASS IAE.",
        ),
        (
            "dates",
            "CHECK (date_end >= date_start)",
            "A suspension cannot end before it starts.",
        ),
    ]

    @api.constrains("date_start", "date_end", "reason", "employee_id", "active")
    def _check_rules(self):
        for suspension in self.filtered("active"):
            suspension._check_length()
            suspension._check_start()
            suspension._check_reason()

    def _check_length(self):
        last_day = self.date_start + relativedelta(months=MAX_MONTHS) - timedelta(days=1)
        if self.date_end < self.date_start:
            raise ValidationError(self.env._("A suspension cannot end before it starts."))
        if self.date_end > last_day:
            raise ValidationError(
                self.env._(
                    "A suspension lasts %(months)s months at most: this one must end on "
                    "%(last)s at the latest (End).",
                    months=MAX_MONTHS,
                    last=self._fmt(last_day),
                )
            )

    def _check_start(self):
        employee = self.employee_id.sudo()
        earliest = self.declared_on - timedelta(days=MAX_BACKDATING_DAYS)
        if self.date_start > self.declared_on:
            raise ValidationError(
                self.env._(
                    "A suspension cannot start in the future (Start: %(start)s). Record it "
                    "on the day it begins.",
                    start=self._fmt(self.date_start),
                )
            )
        if self.date_start < earliest:
            raise ValidationError(
                self.env._(
                    "A suspension can be backdated by %(days)s days at most: it cannot "
                    "start before %(earliest)s (Start).",
                    days=MAX_BACKDATING_DAYS,
                    earliest=self._fmt(earliest),
                )
            )
        start, end = employee.pass_iae_start, employee.pass_iae_end
        if not start or not end:
            raise ValidationError(
                self.env._(
                    "Enter the PASS IAE dates of %(name)s before suspending it.",
                    name=employee.name,
                )
            )
        end_before = end - timedelta(days=self.days)  # the end without this suspension
        if not start <= self.date_start <= end_before:
            raise ValidationError(
                self.env._(
                    "A suspension starts within the PASS IAE, from %(start)s to %(end)s "
                    "(Start: %(day)s).",
                    start=self._fmt(start),
                    end=self._fmt(end_before),
                    day=self._fmt(self.date_start),
                )
            )

    def _check_reason(self):
        kind = self.company_id.iae_structure_kind
        if self.reason == "contrat_passerelle" and kind not in PASSERELLE_KINDS:
            raise ValidationError(
                self.env._("The contrat passerelle suspension is open to ACI and EI only (Reason).")
            )

    def action_lift(self):
        """The employee is back at work today: the suspension ends yesterday (les
        emplois' "lever la suspension"), and the PASS end moves back accordingly."""
        yesterday = self._today() - timedelta(days=1)
        for suspension in self:
            if suspension.date_end > yesterday:
                suspension.date_end = max(yesterday, suspension.date_start)
                suspension.message_post(body=self.env._("Suspension lifted."))
        return True
