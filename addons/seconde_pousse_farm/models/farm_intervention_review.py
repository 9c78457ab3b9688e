# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import io

from PIL import Image

from odoo import _, api, fields, models
from odoo.exceptions import UserError

RATINGS = [
    ("0", "Not rated"),
    ("1", "Poor"),
    ("2", "Fair"),
    ("3", "Good"),
    ("4", "Very good"),
    ("5", "Excellent"),
]

MAX_SIGNATURE_PIXELS = 4096 * 4096


def drawn_signature_png(value):
    """The signature as base64 PNG, encoded again on the server, or None when it is
    missing, not base64, not a PNG image (an SVG, an HTML page), too large or blank: the
    one rule of every way a review is signed (the portal, "Ma journée", the on-site
    wizard)."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    value = value.strip() if isinstance(value, str) else ""
    if value.startswith("data:"):
        value = value.partition(",")[2]
    if not value:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
        with Image.open(io.BytesIO(raw)) as image:
            if image.format != "PNG" or image.width * image.height > MAX_SIGNATURE_PIXELS:
                return None
            image.load()
            drawing = image.convert("RGBA")
    except (binascii.Error, ValueError, OSError, SyntaxError, Image.DecompressionBombError):
        return None
    if not drawing.getchannel("A").getbbox():
        return None  # nothing drawn
    output = io.BytesIO()
    drawing.save(output, "PNG")
    return base64.b64encode(output.getvalue())


class FarmInterventionReview(models.Model):
    _name = "farm.intervention.review"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "farm.workflow.guard"]
    _description = "Intervention review"
    _order = "id desc"
    _workflow_fields = ("state", "signer_name", "signature", "signed_date", "followup_request_id")

    name = fields.Char(compute="_compute_name", store=True)
    intervention_id = fields.Many2one(
        "farm.intervention", required=True, ondelete="restrict", index=True, readonly=True
    )
    partner_id = fields.Many2one(
        related="intervention_id.partner_id", store=True, index=True, string="Farm"
    )
    supervisor_id = fields.Many2one(related="intervention_id.user_id", string="Supervisor")
    intervention_date = fields.Datetime(
        related="intervention_id.date_start", string="Intervention date"
    )
    rating_quality = fields.Selection(RATINGS, "Quality of work", default="0")
    rating_punctuality = fields.Selection(RATINGS, "Punctuality", default="0")
    rating_relationship = fields.Selection(RATINGS, "Relationship", default="0")
    farmer_comment = fields.Text("Farmer's comment")
    supervisor_notes = fields.Text("Supervisor's notes")
    followup_wished = fields.Boolean("Follow-up wished")
    followup_description = fields.Text("Follow-up details")
    followup_request_id = fields.Many2one(
        "farm.intervention.request", string="Follow-up request", readonly=True
    )
    signer_name = fields.Char("Signed by", readonly=True, copy=False)
    signature = fields.Image(
        readonly=True, copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_date = fields.Datetime("Signed on", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent to the farmer"), ("signed", "Signed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(related="intervention_id.company_id", store=True)

    _sql_constraints = [
        ("intervention_unique", "UNIQUE(intervention_id)", "An intervention has one review only."),
    ]

    @api.depends("intervention_id.name")
    def _compute_name(self):
        for review in self:
            review.name = _(
                "Review %(intervention)s", intervention=review.intervention_id.name or ""
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for review in self:
            review.access_url = f"/my/reviews/{review.id}"
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

    def write(self, vals):
        if self.filtered(lambda r: r.state == "signed") and set(vals) - {
            "message_main_attachment_id",
            "access_token",
        }:
            raise UserError(_("A signed review cannot be changed."))
        return super().write(vals)

    def action_send(self):
        self._check_role("seconde_pousse_base.group_supervisor", _("send a review"))
        for review in self:
            if review.state == "signed":
                raise UserError(_("%(name)s is already signed.", name=review.name))
            if review.intervention_id.state != "done":
                raise UserError(_("Send the review once the intervention is done."))
        self.sudo().write({"state": "sent"})
        for review in self:
            review._portal_ensure_token()
            review.message_post_with_source(
                "seconde_pousse_farm.mail_template_review_sent",
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        return True

    def _sign(self, signer_name, signature, farmer_comment=None, signed_on=None):
        """Record the farmer's signature (now, or signed_on for a review signed on paper
        earlier): the intervention becomes invoiceable and the farm a member (first
        time), and a wished follow-up becomes a new request."""
        self.ensure_one()
        if self.state == "signed":
            raise UserError(_("This review is already signed."))
        if not (signer_name or "").strip() or not signature:
            raise UserError(_("Give the signer's name and draw the signature."))
        if self.intervention_id.state != "done":
            raise UserError(_("Only the review of a done intervention can be signed."))
        drawing = drawn_signature_png(signature)
        if not drawing:
            raise UserError(
                _("Signature: draw it in the frame; only a drawn PNG image is accepted.")
            )
        values = {
            "state": "signed",
            "signer_name": signer_name.strip(),
            "signature": drawing,
            "signed_date": signed_on or fields.Datetime.now(),
        }
        if farmer_comment is not None:
            values["farmer_comment"] = farmer_comment
        self.sudo().write(values)
        self.intervention_id.sudo().state = "reviewed"
        self.partner_id._farm_start_membership(self.signed_date.date())
        if self.followup_wished:
            self.sudo()._create_followup_request()
        self.message_post(body=_("Review signed by %(name)s.", name=self.signer_name))

    def _create_followup_request(self):
        today = fields.Date.context_today(self)
        request = self.env["farm.intervention.request"].create(
            {
                "partner_id": self.partner_id.id,
                "description": self.followup_description
                or _("Follow-up of %(name)s", name=self.intervention_id.name),
                "task_type_ids": [
                    fields.Command.set(self.intervention_id.line_ids.task_type_id.ids)
                ],
                "date_from": today,
                "date_to": today,
            }
        )
        # The review is signed by now, and its write() refuses every change once signed:
        # the follow-up link is the one field the signature itself sets.
        super().write({"followup_request_id": request.id})  # pylint: disable=super-method-mismatch
        return request

    def action_sign_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sign the review"),
            "res_model": "farm.review.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_review_id": self.id},
        }

    def action_print(self):
        return self.env.ref(
            "seconde_pousse_farm.action_report_farm_intervention_review"
        ).report_action(self)
