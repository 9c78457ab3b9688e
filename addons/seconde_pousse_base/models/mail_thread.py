# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """Odoo names the model in the environment's language but translates "%s created"
        in the user's when the environment has none (data loading, some scheduled jobs),
        which gave "Intervention request créé": both are read in the user's language."""
        if self.env.lang:
            return super()._creation_message()
        lang = self.env["res.users"].context_get().get("lang")
        return super(MailThread, self.with_context(lang=lang))._creation_message()
