# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError


class FarmWorkflowGuard(models.AbstractModel):
    """The workflow guard of seconde_pousse_base (workflow fields change only through
    the model's own actions), with the role check of the farm's actions."""

    _name = "farm.workflow.guard"
    _inherit = ["seconde_pousse.workflow.guard"]
    _description = "Workflow fields guard"

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
