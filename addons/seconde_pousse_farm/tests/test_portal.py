# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farmer portal: home, requests, interventions, chatter, French pages and invoices,
each farm seeing its own only."""

import html
from datetime import date, timedelta

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import SIGNATURE
from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmPortalAccess(FarmPortalCase):
    # ---- home ---------------------------------------------------------------
    def test_home_counters(self):
        self.authenticate("farmer_a", "farmer_a")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["request_count", "intervention_count"]}
        )
        self.assertEqual(counters["request_count"], 1)
        self.assertEqual(counters["intervention_count"], 1)
        home = self.get("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/requests/new"', home.text)
        self.assertIn('href="/my/interventions"', home.text)

    def test_home_without_farm(self):
        make_role_user(self.env, "farmer", login="portal_customer")
        self.authenticate("portal_customer", "portal_customer")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["request_count", "intervention_count"]}
        )
        self.assertEqual((counters["request_count"], counters["intervention_count"]), (0, 0))
        home = self.get("/my")
        self.assertEqual(home.status_code, 200)
        self.assertNotIn('href="/my/requests/new"', home.text)
        self.assertNotIn('href="/my/requests/new"', self.get("/my/requests").text)

    # ---- requests -----------------------------------------------------------
    def test_requests_list_own_farm_only(self):
        for login in ("farmer_a", "farmer_a2"):
            self.authenticate(login, login)
            page = self.get("/my/requests")
            self.assertEqual(page.status_code, 200)
            self.assertIn(self.request_a.name, page.text)
            self.assertNotIn(self.request_b.name, page.text)
        self.authenticate("farmer_b", "farmer_b")
        page = self.get("/my/requests")
        self.assertIn(self.request_b.name, page.text)
        self.assertNotIn(self.request_a.name, page.text)

    def test_requests_list_filter_and_pages(self):
        self.make_request(state="refused", description="Refusée")
        self.authenticate("farmer_a", "farmer_a")
        refused = self.get("/my/requests?filterby=refused")
        self.assertNotIn(self.request_a.name, refused.text)
        self.assertEqual(
            refused.text.count('href="/my/requests/'), 2
        )  # one row + the new request button
        submitted = self.get("/my/requests?filterby=submitted&sortby=wished")
        self.assertIn(self.request_a.name, submitted.text)
        self.assertEqual(
            self.get("/my/requests?filterby=nonsense&sortby=nonsense").status_code, 200
        )
        self.assertEqual(self.get("/my/requests/page/2").status_code, 200)

    def test_request_detail_isolation(self):
        self.authenticate("farmer_a", "farmer_a")
        page = self.get(f"/my/requests/{self.request_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Taille des pommiers", page.text)
        self.assertIn(self.intervention_a.name, page.text)
        self.assertRedirectsHome(self.get(f"/my/requests/{self.request_b.id}"))
        self.assertRedirectsHome(
            self.get(f"/my/requests/{self.request_b.id}?access_token=forged-token")
        )
        self.assertRedirectsHome(self.get("/my/requests/999999999"))
        self.authenticate("farmer_a2", "farmer_a2")
        self.assertEqual(self.get(f"/my/requests/{self.request_a.id}").status_code, 200)

    def test_request_email_link_with_token(self):
        self.authenticate(None, None)
        token = self.request_b._portal_ensure_token()
        page = self.get(f"/my/requests/{self.request_b.id}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Récolte des olives", page.text)
        self.assertRedirectsHome(
            self.get(f"/my/requests/{self.request_b.id}?access_token={token[:-1]}x")
        )
        self.assertRedirectsHome(self.get(f"/my/requests/{self.request_b.id}"))

    # ---- interventions ------------------------------------------------------
    def test_interventions_list_and_detail_isolation(self):
        self.authenticate("farmer_a", "farmer_a")
        page = self.get("/my/interventions")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.intervention_a.name, page.text)
        self.assertNotIn(self.intervention_b.name, page.text)
        self.assertNotIn(
            self.intervention_a.name, self.get("/my/interventions?filterby=upcoming").text
        )
        self.assertIn(
            self.intervention_a.name,
            self.get("/my/interventions?filterby=done&sortby=date_asc").text,
        )
        detail = self.get(f"/my/interventions/{self.intervention_a.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn("Weeding test", detail.text)
        self.assertIn("02/03/2026 08:00", detail.text)  # 07:00 UTC, shown in French time
        self.assertIn(f"/my/reviews/{self.review_a.id}", detail.text)
        self.assertRedirectsHome(self.get(f"/my/interventions/{self.intervention_b.id}"))
        self.assertRedirectsHome(
            self.get(f"/my/interventions/{self.intervention_b.id}?access_token=forged")
        )

    def test_intervention_page_shows_no_staff_or_worker_name(self):
        self.intervention_a.user_id = self.supervisor
        self.authenticate("farmer_a", "farmer_a")
        for url in (
            f"/my/interventions/{self.intervention_a.id}",
            f"/my/reviews/{self.review_a.id}",
            "/my/interventions",
        ):
            page = self.get(url)
            self.assertEqual(page.status_code, 200)
            self.assertNotIn(self.supervisor.name, page.text)
            self.assertNotIn(self.supervisor.email, page.text)

    # ---- chatter ------------------------------------------------------------
    def fetch_messages(self, record, token):
        result = self.make_jsonrpc_request(
            "/mail/chatter_fetch",
            {"thread_model": record._name, "thread_id": record.id, "token": token},
        )
        return [message["body"] for message in result["data"]["mail.message"]]

    def test_chatter_between_farmer_and_coordinator(self):
        for record in (self.request_a, self.intervention_a):
            with self.subTest(record._name):
                record.with_user(self.coordinator).message_post(
                    body="Nous passons lundi matin.",
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
                record.with_user(self.coordinator).message_post(
                    body="Note interne de coordination", subtype_xmlid="mail.mt_note"
                )
                self.authenticate("farmer_a", "farmer_a")
                page = self.get(record.access_url)
                token = record.access_token
                self.assertIn(f'data-token="{token}"', page.text)
                bodies = " ".join(str(body) for body in self.fetch_messages(record, token))
                self.assertIn("Nous passons lundi matin.", bodies)
                self.assertNotIn("Note interne", bodies)
                self.make_jsonrpc_request(
                    "/mail/message/post",
                    {
                        "thread_model": record._name,
                        "thread_id": record.id,
                        "post_data": {
                            "body": "Merci, à lundi !",
                            "message_type": "comment",
                            "subtype_xmlid": "mail.mt_comment",
                        },
                        "token": token,
                    },
                )
                message = record.message_ids[:1]
                self.assertIn("Merci, à lundi !", str(message.body))
                self.assertEqual(message.author_id, self.contact_a)

    def test_chatter_of_another_farm_refused(self):
        self.request_b.with_user(self.coordinator).message_post(
            body="Message pour le domaine B",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        token_a = self.request_a._portal_ensure_token()
        self.authenticate("farmer_a", "farmer_a")
        for token in (token_a, "forged"):
            with self.assertRaises(JsonRpcException) as caught:
                self.fetch_messages(self.request_b, token)
            self.assertIn("Forbidden", str(caught.exception))
            with self.assertRaises(JsonRpcException) as caught:
                self.make_jsonrpc_request(
                    "/mail/message/post",
                    {
                        "thread_model": "farm.intervention.request",
                        "thread_id": self.request_b.id,
                        "post_data": {"body": "Intrusion", "message_type": "comment"},
                        "token": token,
                    },
                )
            self.assertIn("NotFound", str(caught.exception))
        self.assertNotIn(
            "Intrusion", " ".join(str(b) for b in self.request_b.message_ids.mapped("body"))
        )

    # ---- French -------------------------------------------------------------
    def test_pages_and_messages_in_french(self):
        self.authenticate("farmer_a", "farmer_a")
        self.assertIn("Nouvelle demande", self.get("/my/requests").text)
        self.assertIn("Demander une intervention", self.get("/my/requests/new").text)
        past = (date.today() - timedelta(days=3)).isoformat()
        response = self.post(
            "/my/requests/new",
            {
                "task_type_ids": str(self.weeding.id),
                "date_from": past,
                "date_to": past,
                "description": "Test",
            },
        )
        self.assertIn("La période souhaitée ne peut pas commencer dans le passé.", response.text)
        response = self.post(
            f"/my/reviews/{self.review_a.id}/assess", {"farmer_comment": "x" * 2001}
        )
        self.assertIn("Le commentaire est trop long : 2000 caractères au plus.", response.text)
        result = self.sign(self.review_a, "", "")
        self.assertIn("Indiquez votre nom.", result["error"])
        self.assertIn("Tracez votre signature dans le cadre.", result["error"])
        self.sign(self.review_a, "Jeanne", SIGNATURE.decode())
        result = self.sign(self.review_a, "Jeanne", SIGNATURE.decode())
        self.assertEqual(result["error"], "Ce bilan est déjà signé.")
        response = self.get(f"/my/reviews/{self.review_a.id}")
        self.assertIn("Télécharger le PDF", response.text)
        page = self.get(f"/my/reviews/{self.review_b.id}?access_token={self.review_b.access_token}")
        self.assertIn('"sendLabel": "Signer le bilan"', html.unescape(page.text))
        self.assertNotIn("Sign the review", page.text)

    # ---- invoices (Odoo's own /my/invoices) ---------------------------------
    def test_invoices_own_farm_only(self):
        invoices = self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": farm.id,
                    "invoice_date": date(2026, 3, 31),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.weeding.product_id.id,
                                "quantity": 4,
                                "price_unit": 20,
                            }
                        )
                    ],
                }
                for farm in (self.farm, self.other_farm)
            ]
        )
        invoices.action_post()
        invoice_a, invoice_b = invoices
        self.intervention_a.invoice_id = invoice_a
        self.authenticate("farmer_a", "farmer_a")
        page = self.get("/my/invoices")
        self.assertEqual(page.status_code, 200)
        self.assertIn(invoice_a.name, page.text)
        self.assertNotIn(invoice_b.name, page.text)
        self.assertEqual(self.get(f"/my/invoices/{invoice_a.id}").status_code, 200)
        self.assertIn(
            f'href="/my/invoices/{invoice_a.id}', self.get(self.intervention_a.access_url).text
        )
        self.assertIn(self.get(f"/my/invoices/{invoice_b.id}").status_code, (301, 302, 303))
