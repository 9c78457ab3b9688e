# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

from PIL import Image, PngImagePlugin

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SIGNATURE, FarmCase


@tagged("post_install", "-at_install")
class TestInterventionReview(FarmCase):
    def test_send_gives_the_farmer_a_portal_link(self):
        intervention = self.make_intervention()
        action = intervention.with_user(self.supervisor).action_open_review()
        review = self.env["farm.intervention.review"].browse(action["res_id"])
        review.with_user(self.supervisor).action_send()
        self.assertEqual(review.state, "sent")
        message = review.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(f"/my/reviews/{review.id}", message.body)
        self.assertIn(review.access_token, message.body)
        self.assertIn(self.farm, message.notification_ids.res_partner_id)

    def test_sign_makes_member_and_invoiceable(self):
        intervention = self.make_intervention()
        self.assertEqual(self.farm.membership_state, "none")
        review = self.make_signed_review(intervention)
        self.assertEqual(review.state, "signed")
        self.assertEqual(review.signer_name, "Jeanne Martin")
        self.assertEqual(intervention.state, "reviewed")
        self.assertEqual(self.farm.membership_state, "waiting")
        line = self.env["membership.membership_line"].search([("partner", "=", self.farm.id)])
        self.assertEqual(len(line), 1)
        self.assertEqual(
            line.membership_id, self.env.ref("seconde_pousse_farm.product_membership_farm")
        )
        self.assertEqual((line.date_to - line.date_from).days, 364)

    def test_no_second_membership_while_one_runs(self):
        self.make_signed_review(self.make_intervention(day=2))
        self.make_signed_review(self.make_intervention(day=9))
        lines = self.env["membership.membership_line"].search([("partner", "=", self.farm.id)])
        self.assertEqual(len(lines), 1)

    def test_signed_twice_refused(self):
        review = self.make_signed_review(self.make_intervention())
        with self.assertRaisesRegex(UserError, "Ce bilan est déjà signé"):
            review._sign("Quelqu'un d'autre", SIGNATURE)
        self.assertEqual(review.signer_name, "Jeanne Martin")
        with self.assertRaises(UserError) as caught:
            review.farmer_comment = "changed"
        self.assertIn("Un bilan signé ne peut plus être modifié", str(caught.exception))

    def test_sign_needs_name_signature_and_done_intervention(self):
        review = self.env["farm.intervention.review"].create(
            {"intervention_id": self.make_intervention().id}
        )
        with self.assertRaises(UserError) as caught:
            review._sign("  ", SIGNATURE)
        self.assertIn(
            "Indiquez le nom du signataire et dessinez la signature", str(caught.exception)
        )
        with self.assertRaises(UserError) as caught:
            review._sign("Jeanne", False)
        self.assertIn(
            "Indiquez le nom du signataire et dessinez la signature", str(caught.exception)
        )
        planned = self.make_intervention(day=5, state="planned")
        review_planned = self.env["farm.intervention.review"].create(
            {"intervention_id": planned.id}
        )
        with self.assertRaises(UserError) as caught:
            review_planned._sign("Jeanne", SIGNATURE)
        self.assertIn(
            "Seul le bilan d'une intervention terminée peut être signé", str(caught.exception)
        )
        self.assertEqual(review.state, "draft")

    def test_on_site_signature_wizard_and_followup(self):
        intervention = self.make_intervention()
        review = (
            self.env["farm.intervention.review"]
            .with_user(self.supervisor)
            .create(
                {
                    "intervention_id": intervention.id,
                    "followup_wished": True,
                    "followup_description": "Revenir tailler",
                }
            )
        )
        wizard = Form(
            self.env["farm.review.sign.wizard"]
            .with_user(self.supervisor)
            .with_context(default_review_id=review.id)
        )
        wizard.signer_name = "Paul Roux"
        wizard.signature = SIGNATURE
        wizard.save().action_sign()
        self.assertEqual(review.state, "signed")
        self.assertEqual(review.followup_request_id.partner_id, self.farm)
        self.assertEqual(review.followup_request_id.state, "submitted")
        self.assertEqual(review.followup_request_id.description, "Revenir tailler")

    def test_real_pdf(self):
        review = self.make_signed_review(self.make_intervention())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "seconde_pousse_farm.action_report_farm_intervention_review", review.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"))

    def test_pdf_report(self):
        review = self.make_signed_review(self.make_intervention())
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "seconde_pousse_farm.action_report_farm_intervention_review", review.ids
            )[0]
            .decode()
        )
        self.assertIn(review.intervention_id.name, html)
        self.assertIn("Jeanne Martin", html)
        self.assertIn("data:image/png;base64", html)

    def test_only_a_drawn_png_signs_a_review(self):
        """One rule for the portal, "Ma journée" and the on-site wizard: the signature is
        a PNG image with something drawn, decoded and encoded again on the server."""
        review = self.env["farm.intervention.review"].create(
            {"intervention_id": self.make_intervention().id}
        )
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        buffer = io.BytesIO()
        Image.new("RGB", (60, 20), (20, 20, 80)).save(buffer, "JPEG")
        jpeg = buffer.getvalue()
        buffer = io.BytesIO()
        Image.new("RGBA", (60, 20), (0, 0, 0, 0)).save(buffer, "PNG")
        blank = buffer.getvalue()
        for content in (svg, b"<html><body>signed</body></html>", jpeg, blank, b"\x89PNG\r\n"):
            with self.assertRaises(UserError) as caught:
                review._sign("Jeanne", base64.b64encode(content))
            self.assertIn("seule une image PNG dessinée est acceptée", str(caught.exception))
            self.assertEqual((review.state, review.signature), ("draft", False))
        with self.assertRaises(UserError) as caught:
            review._sign("Jeanne", "not base64 at all!")
        self.assertIn("seule une image PNG dessinée est acceptée", str(caught.exception))
        # a real drawing signs; what it carried besides the pixels is not kept
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        buffer = io.BytesIO()
        Image.new("RGBA", (60, 20), (20, 20, 80, 255)).save(buffer, "PNG", pnginfo=info)
        review._sign("Jeanne", base64.b64encode(buffer.getvalue()))
        self.assertEqual(review.state, "signed")
        stored = base64.b64decode(review.signature)
        self.assertTrue(stored.startswith(b"\x89PNG"))
        self.assertNotIn(b"<script>", stored)
