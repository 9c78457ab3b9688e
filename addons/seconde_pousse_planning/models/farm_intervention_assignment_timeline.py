# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

WINDOW_BEFORE, WINDOW_AFTER = timedelta(days=92), timedelta(days=183)
MAX_EMPLOYEES = 1000  # lines of one timeline


class FarmInterventionAssignment(models.Model):
    _inherit = "farm.intervention.assignment"

    @api.model
    def timeline_unavailability(self, employee_ids):
        """What the team timeline shows behind each person's line: approved leave and the
        end of their contract, from three months back to six ahead. Dates only: the kind
        of leave is not the planner's business."""
        self.check_access("read")
        if (
            not isinstance(employee_ids, list)
            or len(employee_ids) > MAX_EMPLOYEES
            or any(type(i) is not int or not 0 < i < 2**31 for i in employee_ids)
        ):
            raise UserError(
                _(
                    "Team timeline: a list of at most %(max)s employee numbers (whole numbers above 0) is expected.",  # noqa: E501
                    max=MAX_EMPLOYEES,
                )
            )
        now = fields.Datetime.now()
        start, end = now - WINDOW_BEFORE, now + WINDOW_AFTER
        employees = self.env["hr.employee"].sudo().browse(employee_ids).exists()
        return self._timeline_leaves(employees, start, end) + self._timeline_contract_ends(
            employees, start, end
        )

    @api.model
    def _timeline_leaves(self, employees, start, end):
        leaves = (
            self.env["hr.leave"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "validate"),
                    ("date_from", "<", end),
                    ("date_to", ">", start),
                ]
            )
        )
        # translated here: _() finds the language in the method's frame, not a comprehension's
        label = _("Leave")
        return [
            {
                "id": f"sp-leave-{leave.id}",
                "group": leave.employee_id.id,
                "start": fields.Datetime.to_string(leave.date_from),
                "end": fields.Datetime.to_string(leave.date_to),
                "kind": "leave",
                "label": label,
            }
            for leave in leaves
        ]

    @api.model
    def _timeline_contract_ends(self, employees, start, end):
        """A week-long mark from the day after each contract's last day."""
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", ("open", "close")),
                    ("date_end", ">=", start.date()),
                    ("date_end", "<=", end.date()),
                ]
            )
        )
        label = _("Contract ended")
        items = []
        for contract in contracts:
            last_day = datetime.combine(contract.date_end, time.min)
            items.append(
                {
                    "id": f"sp-contract-{contract.id}",
                    "group": contract.employee_id.id,
                    "start": fields.Datetime.to_string(last_day + timedelta(days=1)),
                    "end": fields.Datetime.to_string(last_day + timedelta(days=8)),
                    "kind": "contract_end",
                    "label": label,
                }
            )
        return items
