from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        """Searching messages: the chatter of a pathway is for the counsellors only, as
        insertion.pathway._get_mail_message_access enforces it on reading."""
        if doc_model == "insertion.pathway" and not self.env.user.has_group(
            "seconde_pousse_base.group_counsellor"
        ):
            return set()
        return super()._find_allowed_model_wise(doc_model, doc_dict)
