# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farmer portal's test case: two farms, their farmers, requests, interventions and
reviews, shared by the portal's tests."""

import base64
import io

from PIL import Image

from odoo import http
from odoo.tests import HttpCase

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import FarmCase


def _blank_png():
    """What an untouched signature pad sends: a fully transparent PNG."""
    buffer = io.BytesIO()
    Image.new("RGBA", (60, 20), (0, 0, 0, 0)).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


BLANK_PNG = _blank_png()


class FarmPortalCase(FarmCase, HttpCase):
    """Two farms, each with a farmer (farm A has two contacts), a request, a done
    intervention and its review sent to sign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a = cls.env["res.partner"].create(
            {"name": "Jeanne Martin", "parent_id": cls.farm.id, "email": "jeanne@example.com"}
        )
        cls.contact_a2 = cls.env["res.partner"].create(
            {"name": "Paul Martin", "parent_id": cls.farm.id, "email": "paul@example.com"}
        )
        cls.contact_b = cls.env["res.partner"].create(
            {"name": "Marc Voisin", "parent_id": cls.other_farm.id, "email": "marc@example.com"}
        )
        cls.farmer_a = make_role_user(
            cls.env, "farmer", login="farmer_a", partner_id=cls.contact_a.id, lang="fr_FR"
        )
        cls.farmer_a2 = make_role_user(
            cls.env, "farmer", login="farmer_a2", partner_id=cls.contact_a2.id, lang="fr_FR"
        )
        cls.farmer_b = make_role_user(
            cls.env, "farmer", login="farmer_b", partner_id=cls.contact_b.id, lang="fr_FR"
        )
        cls.request_a = cls.make_request(description="Taille des pommiers du verger A")
        cls.request_b = cls.make_request(
            farm=cls.other_farm, description="Récolte des olives du domaine B"
        )
        cls.intervention_a = cls.make_intervention()
        cls.intervention_a.write({"request_id": cls.request_a.id, "team_size": 3})
        cls.intervention_b = cls.make_intervention(farm=cls.other_farm)
        cls.intervention_b.request_id = cls.request_b
        cls.review_a = cls.env["farm.intervention.review"].create(
            {
                "intervention_id": cls.intervention_a.id,
                "rating_quality": "4",
                "supervisor_notes": "Chantier propre",
            }
        )
        cls.review_b = cls.env["farm.intervention.review"].create(
            {"intervention_id": cls.intervention_b.id}
        )
        (cls.review_a | cls.review_b).action_send()

    def csrf(self):
        return http.Request.csrf_token(self)

    def get(self, url, **kwargs):
        return self.url_open(url, allow_redirects=False, **kwargs)

    def post(self, url, data, csrf=True):
        if csrf:
            data = {**data, "csrf_token": self.csrf()}
        return self.url_open(url, data=data, allow_redirects=False)

    def sign(self, review, name, signature, access_token=None):
        """What Odoo's signature form sends: a JSON call of the review's accept route,
        the token (of a link sent by email) in the query string. Its answer: an error,
        or where to go."""
        url = f"/my/reviews/{review.id}/accept"
        if access_token:
            url += f"?access_token={access_token}"
        params = {"name": name, "signature": signature}
        return self.make_jsonrpc_request(url, params)

    def assertSignRefused(self, result, review):
        self.assertTrue(result.get("error"), result)
        self.assertNotIn("redirect_url", result)
        self.assertEqual(review.state, "sent")

    def assertRedirectsHome(self, response):
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertTrue(response.headers["Location"].endswith("/my"), response.headers["Location"])
