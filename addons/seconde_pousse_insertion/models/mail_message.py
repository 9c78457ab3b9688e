# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression

from .confidential import confidential_targets, reads_confidential, visible_domain


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """The chatter of a pathway, a barrier, an action, an evaluation or an insertion
        employee is for counsellors (see confidential.py); one's own messages stay."""
        if not reads_confidential(self.env):
            own = ("author_id", "=", self.env.user.partner_id.id)
            domain = expression.AND([domain, visible_domain(self.env, "model", "res_id", own)])
        return super()._search(domain, offset, limit, order)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if reads_confidential(self.env):
            return forbidden
        others = (
            (self - forbidden).sudo().filtered(lambda m: m.author_id != self.env.user.partner_id)
        )
        targets = confidential_targets(self.env, {(m.model, m.res_id) for m in others})
        return forbidden + self.browse(
            message.id for message in others if (message.model, message.res_id) in targets
        )
