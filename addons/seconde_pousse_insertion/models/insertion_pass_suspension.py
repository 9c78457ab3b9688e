# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suspensions of a PASS IAE, with the rules of les emplois de l'inclusion
(gip-inclusion/les-emplois at 543eae8d, `itou/approvals/models.py`, `Suspension`): listed
reasons (the former ones, kept there for history, on imported data only), 36 months at
most each (`MAX_DURATION_MONTHS`), never in the future, within the PASS, never
overlapping; from `next_min_start_at`: not before the hiring date of the current
contract, overridden by the day after the last ended suspension, and backdated by a year
at most (`MAX_RETROACTIVITY_DURATION_DAYS`); only a PASS in progress today and not
suspended is suspended (`Approval.can_be_suspended`); lifted on the day it starts, it is
deleted (`Approval.unsuspend`)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MAX_MONTHS = 36
MAX_BACKDATING_DAYS = 365
# the contrat passerelle suspension is open to ACI and EI only
PASSERELLE_KINDS = ("aci", "ei")
# `Suspension.Reason`'s old reasons kept for history, and `REASONS_ALLOWING_UNSUSPEND`
OLD_REASONS = (
    "sickness",
    "maternity",
    "incarceration",
    "trial_outside_iae",
    "detoxification",
    "force_majeure",
)
LIFTABLE = (
    "contract_suspended",
    "contract_broken",
    "contract_finished",
    "cta_agreement",
    "contrat_passerelle",
)


class InsertionPassSuspension(models.Model):
    _name = "insertion.pass.suspension"
    _inherit = ["insertion.pass.period", "seconde_pousse.workflow.guard"]
    _description = "PASS IAE suspension"
    # the day the backdating is counted from: today, never given by the client
    _workflow_fields = ("declared_on", "imported")

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
            ("sickness", "Long sick leave (former reason)"),
            ("maternity", "Maternity leave (former reason)"),
            ("incarceration", "Incarceration (former reason)"),
            (
                "trial_outside_iae",
                "Trial period with an employer outside insertion (former reason)",
            ),
            ("detoxification", "Detoxification treatment (former reason)"),
            ("force_majeure", "Force majeure (former reason)"),
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

    @api.model_create_multi
    def create(self, vals_list):
        self._refuse_workflow_create(vals_list)  # before the checks of the values
        for vals in vals_list:
            if not (vals.get("imported") and self.env.su):
                employee = self.env["hr.employee"].browse(vals.get("employee_id")).sudo()
                self._check_can_be_suspended(employee)
        return super().create(vals_list)

    def _check_can_be_suspended(self, employee):
        """`Approval.can_be_suspended`: a PASS in progress today, not suspended."""
        if employee.exists() and employee.pass_iae_state != "valid":
            raise ValidationError(
                self.env._(
                    "Only a PASS IAE in progress today, and not already suspended, can be "
                    "suspended: the PASS IAE of %(name)s runs from %(start)s to %(end)s "
                    "(PASS IAE status: %(state)s).",
                    name=employee.name,
                    start=self._fmt(employee.pass_iae_start),
                    end=self._fmt(employee.pass_iae_end),
                    state=dict(
                        employee._fields["pass_iae_state"]._description_selection(self.env)
                    ).get(employee.pass_iae_state, "—"),
                )
            )

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
        if not self.imported:
            self._check_declared_start()
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

    def _check_declared_start(self):
        if self.date_start > self.declared_on:
            raise ValidationError(
                self.env._(
                    "A suspension cannot start in the future (Start: %(start)s). Record it "
                    "on the day it begins.",
                    start=self._fmt(self.date_start),
                )
            )
        earliest, rule = self._earliest_start()
        if self.date_start >= earliest:
            return
        if rule == "backdating":
            message = self.env._(
                "A suspension can be backdated by %(days)s days at most: it cannot start "
                "before %(earliest)s (Start).",
                days=MAX_BACKDATING_DAYS,
                earliest=self._fmt(earliest),
            )
        elif rule == "suspension":
            message = self.env._(
                "A suspension starts the day after the last ended suspension at the "
                "earliest: not before %(earliest)s (Start).",
                earliest=self._fmt(earliest),
            )
        else:
            message = self.env._(
                "A suspension cannot start before the hiring date of the current contract: "
                "not before %(earliest)s (Start).",
                earliest=self._fmt(earliest),
            )
        raise ValidationError(message)

    def _earliest_start(self):
        """`Suspension.next_min_start_at`: the hiring date of the current contract, which
        the day after the last ended suspension overrides, and never more than a year
        before the declaration. Returns the day and the rule that sets it."""
        threshold = self.declared_on - timedelta(days=MAX_BACKDATING_DAYS)
        hired = (
            self.employee_id.sudo()
            .contract_ids.filtered(
                lambda c: c.state != "cancel" and c.date_start <= self.declared_on
            )
            .sorted("date_start")[-1:]
        )
        start, rule = (hired.date_start, "hiring") if hired else (False, "backdating")
        today = self._today()
        ended = self._others().filtered(lambda s: s.date_end < today).sorted("date_start")
        if ended:
            start, rule = ended[-1].date_end + timedelta(days=1), "suspension"
        if not start or start < threshold:
            return threshold, "backdating"
        return start, rule

    def _check_reason(self):
        if self.reason in OLD_REASONS and not self.imported:
            raise ValidationError(
                self.env._(
                    "This reason is no longer open: it is kept for the history imported from "
                    "les emplois de l'inclusion only (Reason).",
                )
            )
        if self.reason == "force_majeure" and not self.explanation:
            raise ValidationError(
                self.env._("A suspension for force majeure states its reason (Explanation).")
            )
        kind = self.company_id.iae_structure_kind
        if self.reason == "contrat_passerelle" and kind not in PASSERELLE_KINDS:
            raise ValidationError(
                self.env._("The contrat passerelle suspension is open to ACI and EI only (Reason).")
            )

    def action_lift(self):
        """The employee is back at work today (les emplois' `Approval.unsuspend`): the
        suspension ends yesterday and the PASS end moves back accordingly; lifted on the
        day it starts, the suspension is deleted."""
        self.check_access("write")
        today = self._today()
        deleted = False
        for suspension in self:
            if suspension.reason not in LIFTABLE:
                raise UserError(
                    self.env._("A suspension for a former reason cannot be lifted (Reason).")
                )
            if suspension.date_start >= today:
                suspension.employee_id.sudo().message_post(
                    body=self.env._(
                        "PASS IAE suspension of %(start)s lifted on the day it starts: deleted.",
                        start=self._fmt(suspension.date_start),
                    )
                )
                suspension.sudo().unlink()
                deleted = True
            elif suspension.date_end >= today:
                suspension.date_end = today - timedelta(days=1)
                suspension.message_post(body=self.env._("Suspension lifted."))
        if deleted:
            return self.env["ir.actions.act_window"]._for_xml_id(
                "seconde_pousse_insertion.insertion_pass_suspension_action"
            )
        return True
