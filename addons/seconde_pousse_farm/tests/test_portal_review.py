# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farmer portal's reviews: reading, the assessment (ratings, comment), the signature
through Odoo's signature form and its JSON accept route, bad input, the PDF."""

import base64

from odoo.tests import tagged

from .common import SIGNATURE
from .portal_common import BLANK_PNG, FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmPortalReview(FarmPortalCase):
    # ---- reviews ------------------------------------------------------------
    def test_review_isolation(self):
        self.authenticate("farmer_a", "farmer_a")
        self.assertEqual(self.get(f"/my/reviews/{self.review_a.id}").status_code, 200)
        self.assertRedirectsHome(self.get(f"/my/reviews/{self.review_b.id}"))
        self.assertRedirectsHome(self.get(f"/my/reviews/{self.review_b.id}?access_token=forged"))
        self.assertRedirectsHome(
            self.get(f"/my/reviews/{self.review_b.id}?report_type=pdf&download=true")
        )
        response = self.post(
            f"/my/reviews/{self.review_b.id}/assess", {"farmer_comment": "pas à moi"}
        )
        self.assertRedirectsHome(response)
        self.assertFalse(self.review_b.farmer_comment)
        result = self.sign(self.review_b, "Intrus", SIGNATURE.decode())
        self.assertEqual(result["redirect_url"], "/my")
        self.assertEqual(self.review_b.state, "sent")
        self.assertFalse(self.review_b.signer_name)
        result = self.sign(self.review_b, "Intrus", SIGNATURE.decode(), access_token="forged")
        self.assertEqual(result["redirect_url"], "/my")
        self.assertEqual(self.review_b.state, "sent")

    def test_public_visitor_needs_the_review_s_own_token(self):
        """A visitor who is not logged in reaches a review by its e-mailed link only: no
        token, or another review's, and neither the assessment nor the signature pass."""
        self.authenticate(None, None)
        self.assertTrue(self.review_a.access_token)
        for token in (None, self.review_a.access_token):
            with self.subTest(token=bool(token)):
                data = {"farmer_comment": "pas à moi", "rating_quality": "1"}
                if token:
                    data["access_token"] = token
                response = self.post(f"/my/reviews/{self.review_b.id}/assess", data)
                self.assertRedirectsHome(response)
                result = self.sign(self.review_b, "Intrus", SIGNATURE.decode(), access_token=token)
                self.assertEqual(result["redirect_url"], "/my")
                self.assertEqual(self.review_b.state, "sent")
                self.assertFalse(self.review_b.farmer_comment)
                self.assertEqual(self.review_b.rating_quality, "0")
        result = self.sign(
            self.review_b, "Marc", SIGNATURE.decode(), access_token=self.review_b.access_token
        )
        self.assertTrue(result.get("force_refresh"), result)  # its own token does

    def test_draft_review_not_on_portal(self):
        intervention = self.make_intervention(day=9)
        draft = self.env["farm.intervention.review"].create({"intervention_id": intervention.id})
        self.authenticate("farmer_a", "farmer_a")
        self.assertRedirectsHome(self.get(f"/my/reviews/{draft.id}"))
        self.assertNotIn(
            f"/my/reviews/{draft.id}", self.get(f"/my/interventions/{intervention.id}").text
        )

    def test_review_sign_then_read_only_and_pdf(self):
        self.authenticate("farmer_a", "farmer_a")
        response = self.post(
            f"/my/reviews/{self.review_a.id}/assess",
            {"farmer_comment": "Très bien <script>alert('x')</script>"},
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertIn("message=assessed", response.headers["Location"])
        self.assertEqual(self.review_a.state, "sent")
        result = self.sign(
            self.review_a, " Jeanne Martin ", "data:image/png;base64," + SIGNATURE.decode()
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.assertIn(f"/my/reviews/{self.review_a.id}?message=signed", result["redirect_url"])
        self.assertEqual(self.review_a.state, "signed")
        self.assertEqual(self.review_a.signer_name, "Jeanne Martin")
        self.assertEqual(self.review_a.farmer_comment, "Très bien <script>alert('x')</script>")
        self.assertTrue(self.review_a.signature)
        self.assertEqual(self.intervention_a.state, "reviewed")

        page = self.get(f"/my/reviews/{self.review_a.id}?message=signed")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("<script>alert", page.text)
        self.assertIn("&lt;script&gt;alert", page.text)
        self.assertNotIn("portal.signature_form", page.text)  # read-only: no form any more
        self.assertNotIn('name="farmer_comment"', page.text)
        self.assertIn("report_type=pdf", page.text)

        pdf = self.get(f"/my/reviews/{self.review_a.id}?report_type=pdf&download=true")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("attachment", pdf.headers.get("Content-Disposition", ""))

        # a second signature changes nothing
        signed_date = self.review_a.signed_date
        again = self.sign(self.review_a, "Autre", SIGNATURE.decode())
        self.assertEqual(again["error"], "Ce bilan est déjà signé.")
        again = self.post(f"/my/reviews/{self.review_a.id}/assess", {"farmer_comment": "Autre"})
        self.assertEqual(again.status_code, 400)
        self.assertIn("o_farm_review_error", again.text)
        self.assertEqual(self.review_a.farmer_comment, "Très bien <script>alert('x')</script>")
        self.assertEqual(self.review_a.signer_name, "Jeanne Martin")
        self.assertEqual(self.review_a.signed_date, signed_date)

    def test_review_ratings_given_before_signing(self):
        self.authenticate("farmer_a", "farmer_a")
        url = f"/my/reviews/{self.review_a.id}/assess"
        page = self.get(f"/my/reviews/{self.review_a.id}")
        self.assertIn('name="rating_punctuality"', page.text)
        data = {"rating_quality": "9"}
        response = self.post(url, data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual((self.review_a.state, self.review_a.rating_quality), ("sent", "4"))
        data.update(rating_quality="5", rating_punctuality="3", rating_relationship="")
        response = self.post(url, {**data, "then_sign": "1"})  # "Sign the review"
        self.assertEqual(response.status_code, 303)
        self.assertIn("sign=1", response.headers["Location"])
        page = self.get(f"/my/reviews/{self.review_a.id}?message=assessed&sign=1")
        self.assertIn('data-farm-open="1"', page.text)  # the signature modal opens
        self.assertNotIn('data-farm-open="1"', self.get(f"/my/reviews/{self.review_a.id}").text)
        self.assertTrue(self.sign(self.review_a, "Jeanne", SIGNATURE.decode())["force_refresh"])
        self.assertEqual(self.review_a.state, "signed")
        self.assertEqual(
            (
                self.review_a.rating_quality,
                self.review_a.rating_punctuality,
                self.review_a.rating_relationship,
            ),
            ("5", "3", "0"),
        )
        page = self.get(f"/my/reviews/{self.review_a.id}")
        self.assertNotIn('name="rating_punctuality"', page.text)
        self.assertIn("o_farm_review_ratings", page.text)

    def test_review_pdf_only_once_signed(self):
        self.authenticate("farmer_a", "farmer_a")
        page = self.get(f"/my/reviews/{self.review_a.id}?report_type=pdf&download=true")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("attachment", page.headers.get("Content-Disposition", ""))
        self.assertIn("portal.signature_form", page.text)
        self.assertIn(f"/my/reviews/{self.review_a.id}/accept", page.text)

    def test_review_sign_by_email_link(self):
        self.authenticate(None, None)
        token = self.review_b.access_token
        self.assertTrue(token)
        page = self.get(f"/my/reviews/{self.review_b.id}?access_token={token}")
        self.assertIn(f"/my/reviews/{self.review_b.id}/accept?access_token={token}", page.text)
        response = self.post(
            f"/my/reviews/{self.review_b.id}/assess",
            {"rating_quality": "5", "access_token": token},
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertIn(f"access_token={token}", response.headers["Location"])
        result = self.sign(self.review_b, "Marc Voisin", SIGNATURE.decode(), access_token=token)
        self.assertIn(f"access_token={token}", result["redirect_url"])
        self.assertEqual((self.review_b.state, self.review_b.rating_quality), ("signed", "5"))

    def test_review_sign_bad_input(self):
        self.authenticate("farmer_a", "farmer_a")
        cases = {
            "no name": ("  ", SIGNATURE.decode()),
            "long name": ("J" * 101, SIGNATURE.decode()),
            "no signature": ("Jeanne", ""),
            "blank signature": ("Jeanne", BLANK_PNG.decode()),
            "not an image": ("Jeanne", base64.b64encode(b"<svg onload=alert(1)>").decode()),
            "not base64": ("Jeanne", "@@@"),
            "not text": (["Jeanne"], {"png": SIGNATURE.decode()}),
        }
        for label, (name, signature) in cases.items():
            with self.subTest(label):
                self.assertSignRefused(self.sign(self.review_a, name, signature), self.review_a)
                self.assertFalse(self.review_a.signer_name)

    def test_review_assess_bad_input(self):
        self.authenticate("farmer_a", "farmer_a")
        url = f"/my/reviews/{self.review_a.id}/assess"
        cases = {
            "long comment": {"farmer_comment": "x" * 2001},
            "unknown rating": {"farmer_comment": "Mon commentaire", "rating_quality": "9"},
            "NUL character": {"farmer_comment": "Mon\x00commentaire"},
        }
        for label, data in cases.items():
            with self.subTest(label):
                response = self.post(url, data)
                self.assertEqual(response.status_code, 400)
                self.assertTrue("is-invalid" in response.text or "alert-danger" in response.text)
                self.assertFalse(self.review_a.farmer_comment)
        # the comment typed is kept in the form
        response = self.post(url, cases["unknown rating"])
        self.assertIn("Mon commentaire", response.text)
        # without the CSRF token: Odoo's own check refuses the post
        response = self.post(url, {"farmer_comment": "Mon commentaire"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.review_a.farmer_comment)
        self.assertEqual(self.review_a.state, "sent")

    def test_review_sign_needs_done_intervention(self):
        self.intervention_a.state = "in_progress"
        self.authenticate("farmer_a", "farmer_a")
        result = self.sign(self.review_a, "Jeanne", SIGNATURE.decode())
        self.assertEqual(
            result["error"], "Seul le bilan d'une intervention terminée peut être signé."
        )
        self.assertSignRefused(result, self.review_a)
