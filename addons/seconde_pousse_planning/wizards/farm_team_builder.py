# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class FarmTeamBuilder(models.TransientModel):
    """Proposes a supervisor and N workers for an intervention, as the team ranking
    (farm.team.ranking) orders them, with the reason for each choice; the supervisor
    confirms or edits."""

    _name = "farm.team.builder"
    _description = "Team builder"

    intervention_id = fields.Many2one("farm.intervention", required=True, ondelete="cascade")
    date_start = fields.Datetime(related="intervention_id.date_start")
    date_end = fields.Datetime(related="intervention_id.date_end")
    worker_count = fields.Integer(
        "Workers wanted",
        default=lambda self: self._default_worker_count(),
        help="Insertion employees to propose, besides the supervisor.",
    )
    line_ids = fields.One2many("farm.team.builder.line", "builder_id", string="Proposal")

    @api.model
    def _default_worker_count(self):
        intervention = self.env["farm.intervention"].browse(
            self.env.context.get("default_intervention_id")
        )
        return max((intervention.team_size or 1) - 1, 1) if intervention else 3

    def action_propose(self):
        self.ensure_one()
        if self.worker_count < 1:
            raise UserError(_("Ask for at least one worker."))
        proposals = self.env["farm.team.ranking"].rank(self.intervention_id, self.worker_count)
        self.line_ids = [Command.clear()] + [Command.create(values) for values in proposals]
        return self._reopen()

    def action_confirm(self):
        """Assign the selected people to the intervention, over its whole duration."""
        self.ensure_one()
        intervention = self.intervention_id
        already = intervention.assignment_ids.filtered("active").employee_id
        selected = self.line_ids.filtered(
            lambda line: line.selected and line.employee_id not in already
        )
        if not selected:
            raise UserError(_("Select at least one person to assign."))
        # supervisors first: they usually hold the licence the vehicle needs
        selected = selected.sorted(lambda line: line.role != "supervisor")
        self.env["farm.intervention.assignment"].create(
            [
                {
                    "intervention_id": intervention.id,
                    "employee_id": line.employee_id.id,
                    "role": line.role,
                    "date_start": intervention.date_start,
                    "date_end": intervention.date_end,
                }
                for line in selected
            ]
        )
        return {"type": "ir.actions.act_window_close"}

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Team builder"),
        }


class FarmTeamBuilderLine(models.TransientModel):
    _name = "farm.team.builder.line"
    _description = "Team builder proposal"
    _order = "role, selected desc, rank, id"

    builder_id = fields.Many2one("farm.team.builder", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    role = fields.Selection([("supervisor", "Supervisor"), ("worker", "Worker")], required=True)
    rank = fields.Integer(readonly=True)
    score = fields.Float(readonly=True, digits=(16, 1))
    available = fields.Boolean(readonly=True)
    selected = fields.Boolean()
    reason = fields.Text(readonly=True)
