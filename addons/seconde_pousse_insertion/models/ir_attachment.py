# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from .confidential import confidential_targets, reads_confidential, visible_domain


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not reads_confidential(self.env):
            own = ("create_uid", "=", self.env.uid)
            domain = expression.AND([domain, visible_domain(self.env, "res_model", "res_id", own)])
        return super()._search(domain, offset, limit, order)

    def check(self, mode, values=None):
        """What a person attaches (values) is theirs: only existing files are checked."""
        result = super().check(mode, values=values)
        if reads_confidential(self.env):
            return result
        pairs = {
            (attachment.res_model, attachment.res_id)
            for attachment in self.sudo()
            if attachment.create_uid != self.env.user
        }
        if confidential_targets(self.env, pairs):
            raise AccessError(
                _(
                    "This document belongs to an insertion pathway: only insertion counsellors and coordinators can open it."  # noqa: E501
                )
            )
        return result
