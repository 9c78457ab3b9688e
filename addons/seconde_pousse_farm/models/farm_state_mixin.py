from odoo import _, api, models
from odoo.exceptions import UserError


class FarmStateMixin(models.AbstractModel):
    """Workflow helpers shared by requests and interventions (a `name` and a `state`).

    Records are named from the ir.sequence whose code is the model's name."""

    _name = "farm.state.mixin"
    _inherit = ["farm.workflow.guard"]
    _description = "Farm workflow helpers"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # the sequence is not the creator's to read: a farmer creates requests
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code(self._name) or "/"
        return super().create(vals_list)

    def _group_expand_states(self, states, domain):
        """Show every state as a kanban column, even an empty one."""
        return [key for key, _label in self._fields["state"].selection]

    def _check_state(self, allowed, action):
        """Refuse a transition from a state not in `allowed`, saying what was tried."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    _(
                        "%(name)s is %(state)s: it cannot be %(action)s.",
                        name=record.name,
                        state=labels[record.state].lower(),
                        action=action,
                    )
                )
