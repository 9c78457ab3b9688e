# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class FarmWorkflowGuard(models.AbstractModel):
    """Workflow fields change only through the model's own actions.

    A plain create or write of one of `_workflow_fields` (state, signature, invoice…) by
    anyone but the superuser is refused, whatever the client sends: the actions check the
    current state and the role allowed, then write those fields with sudo()."""

    _name = "farm.workflow.guard"
    _description = "Workflow fields guard"
    _workflow_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            defaults = self.default_get(list(self._workflow_fields))
            for vals in vals_list:
                changed = {
                    name
                    for name in set(vals) & set(self._workflow_fields)
                    if vals[name] and vals[name] != defaults.get(name)
                }
                self._refuse_workflow_write(changed)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._refuse_workflow_write(set(vals) & set(self._workflow_fields))
        return super().write(vals)

    def _refuse_workflow_write(self, names):
        if names:
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name in sorted(names)
            )
            raise UserError(
                _(
                    "%(fields)s of a %(model)s change only through its buttons, which check who may do it.",  # noqa: E501
                    fields=labels,
                    model=self.env["ir.model"]._get(self._name).name.lower(),
                )
            )

    def _check_role(self, group_xmlid, action):
        """Refuse an action to whoever does not hold the role, naming it."""
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            raise UserError(
                _(
                    "Only the role “%(role)s” can %(action)s.",
                    role=self.env.ref(group_xmlid).name,
                    action=action,
                )
            )
