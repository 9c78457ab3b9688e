# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, datetime, timedelta

from PIL import Image

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException, warmup

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import SIGNATURE, FarmCase


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

    def assertRedirectsHome(self, response):
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertTrue(response.headers["Location"].endswith("/my"), response.headers["Location"])


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
            f"/my/reviews/{self.review_b.id}/sign",
            {
                "signer_name": "Intrus",
                "signature": SIGNATURE.decode(),
                "farmer_comment": "pas à moi",
            },
        )
        self.assertRedirectsHome(response)
        self.assertEqual(self.review_b.state, "sent")
        self.assertFalse(self.review_b.signer_name)
        response = self.post(
            f"/my/reviews/{self.review_b.id}/sign",
            {"signer_name": "Intrus", "signature": SIGNATURE.decode(), "access_token": "forged"},
        )
        self.assertRedirectsHome(response)
        self.assertEqual(self.review_b.state, "sent")

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
            f"/my/reviews/{self.review_a.id}/sign",
            {
                "signer_name": " Jeanne Martin ",
                "signature": "data:image/png;base64," + SIGNATURE.decode(),
                "farmer_comment": "Très bien <script>alert('x')</script>",
            },
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertIn(
            f"/my/reviews/{self.review_a.id}?message=signed", response.headers["Location"]
        )
        self.assertEqual(self.review_a.state, "signed")
        self.assertEqual(self.review_a.signer_name, "Jeanne Martin")
        self.assertEqual(self.review_a.farmer_comment, "Très bien <script>alert('x')</script>")
        self.assertTrue(self.review_a.signature)
        self.assertEqual(self.intervention_a.state, "reviewed")

        page = self.get(f"/my/reviews/{self.review_a.id}?message=signed")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("<script>alert", page.text)
        self.assertIn("&lt;script&gt;alert", page.text)
        self.assertNotIn('name="signer_name"', page.text)  # read-only: no form any more
        self.assertIn("report_type=pdf", page.text)

        pdf = self.get(f"/my/reviews/{self.review_a.id}?report_type=pdf&download=true")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("attachment", pdf.headers.get("Content-Disposition", ""))

        # a second signature changes nothing
        signed_date = self.review_a.signed_date
        again = self.post(
            f"/my/reviews/{self.review_a.id}/sign",
            {"signer_name": "Autre", "signature": SIGNATURE.decode()},
        )
        self.assertEqual(again.status_code, 400)
        self.assertIn("o_farm_review_error", again.text)
        self.assertEqual(self.review_a.signer_name, "Jeanne Martin")
        self.assertEqual(self.review_a.signed_date, signed_date)

    def test_review_ratings_given_when_signing(self):
        self.authenticate("farmer_a", "farmer_a")
        url = f"/my/reviews/{self.review_a.id}/sign"
        page = self.get(f"/my/reviews/{self.review_a.id}")
        self.assertIn('name="rating_punctuality"', page.text)
        data = {"signer_name": "Jeanne", "signature": SIGNATURE.decode(), "rating_quality": "9"}
        response = self.post(url, data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual((self.review_a.state, self.review_a.rating_quality), ("sent", "4"))
        data.update(rating_quality="5", rating_punctuality="3", rating_relationship="")
        response = self.post(url, data)
        self.assertEqual(response.status_code, 303)
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
        self.assertIn('name="signer_name"', page.text)

    def test_review_sign_by_email_link(self):
        self.authenticate(None, None)
        token = self.review_b.access_token
        self.assertTrue(token)
        response = self.post(
            f"/my/reviews/{self.review_b.id}/sign",
            {"signer_name": "Marc Voisin", "signature": SIGNATURE.decode(), "access_token": token},
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertIn(f"access_token={token}", response.headers["Location"])
        self.assertEqual(self.review_b.state, "signed")

    def test_review_sign_bad_input(self):
        self.authenticate("farmer_a", "farmer_a")
        url = f"/my/reviews/{self.review_a.id}/sign"
        good = {
            "signer_name": "Jeanne",
            "signature": SIGNATURE.decode(),
            "farmer_comment": "Mon commentaire",
        }
        cases = {
            "no name": {**good, "signer_name": "  "},
            "long name": {**good, "signer_name": "J" * 101},
            "no signature": {**good, "signature": ""},
            "blank signature": {**good, "signature": BLANK_PNG.decode()},
            "not an image": {
                **good,
                "signature": base64.b64encode(b"<svg onload=alert(1)>").decode(),
            },
            "not base64": {**good, "signature": "@@@"},
            "long comment": {**good, "farmer_comment": "x" * 2001},
        }
        for label, data in cases.items():
            with self.subTest(label):
                response = self.post(url, data)
                self.assertEqual(response.status_code, 400)
                self.assertTrue("is-invalid" in response.text or "text-danger" in response.text)
                self.assertEqual(self.review_a.state, "sent")
                self.assertFalse(self.review_a.signer_name)
        # the comment typed is kept in the form
        response = self.post(url, cases["no name"])
        self.assertIn("Mon commentaire", response.text)
        # without the CSRF token
        response = self.post(url, good, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_farm_review_error", response.text)
        self.assertEqual(self.review_a.state, "sent")

    def test_review_sign_needs_done_intervention(self):
        self.intervention_a.state = "in_progress"
        self.authenticate("farmer_a", "farmer_a")
        response = self.post(
            f"/my/reviews/{self.review_a.id}/sign",
            {"signer_name": "Jeanne", "signature": SIGNATURE.decode()},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_farm_review_error", response.text)
        self.assertEqual(self.review_a.state, "sent")

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
        response = self.post("/my/requests/new", {"description": "Test"}, csrf=False)
        self.assertIn("Votre session a expiré : envoyez de nouveau le formulaire.", response.text)
        url = f"/my/reviews/{self.review_a.id}/sign"
        response = self.post(url, {"signer_name": "", "signature": ""})
        self.assertIn("Indiquez votre nom.", response.text)
        self.assertIn("Tracez votre signature dans le cadre.", response.text)
        self.post(url, {"signer_name": "Jeanne", "signature": SIGNATURE.decode()})
        response = self.post(url, {"signer_name": "Jeanne", "signature": SIGNATURE.decode()})
        self.assertIn("Ce bilan est déjà signé.", response.text)
        self.assertIn("Télécharger le PDF", response.text)

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

    # ---- RPC ----------------------------------------------------------------
    def test_rpc_isolation(self):
        for model, mine, theirs in (
            ("farm.intervention.request", self.request_a, self.request_b),
            ("farm.intervention", self.intervention_a, self.intervention_b),
            ("farm.intervention.line", self.intervention_a.line_ids, self.intervention_b.line_ids),
            ("farm.intervention.review", self.review_a, self.review_b),
        ):
            with self.subTest(model):
                Model = self.env[model].with_user(self.farmer_a)
                self.assertEqual(Model.search([]), mine.with_user(self.farmer_a))
                self.assertEqual(Model.with_user(self.farmer_a2).search([]).ids, mine.ids)
                mine.with_user(self.farmer_a).read(["id"])
                with self.assertRaises(AccessError) as caught:
                    theirs.with_user(self.farmer_a).read(["id"])
                self.assertIn("n'a pas d'accès 'lire'", str(caught.exception))
                with self.assertRaises(AccessError) as caught:
                    mine.with_user(self.farmer_a).write({"create_date": datetime(2026, 1, 1)})
                self.assertIn(
                    f"modifier les enregistrements '{self.env[model]._description}' ({model})",
                    str(caught.exception),
                )
                with self.assertRaises(AccessError) as caught:
                    mine.with_user(self.farmer_a).unlink()
                self.assertIn(
                    f"supprimer les enregistrements '{self.env[model]._description}' ({model})",
                    str(caught.exception),
                )

    def test_rpc_no_worker_data(self):
        """Whatever other addons hang on an intervention (a planning adds the team), no
        model holding employees is readable by a farmer."""
        worker_models = {"hr.employee", "hr.employee.public", "hr.contract", "hr.version"}
        for model_name in ("farm.intervention", "farm.intervention.review"):
            for field in self.env[model_name]._fields.values():
                if not field.relational or field.comodel_name.startswith(("res.", "mail.")):
                    continue  # users, partners, companies, messages: their own portal rules
                comodel = self.env[field.comodel_name]
                holds_workers = field.comodel_name in worker_models or any(
                    sub.relational and sub.comodel_name in worker_models
                    for sub in comodel._fields.values()
                )
                if holds_workers:
                    self.assertFalse(
                        comodel.with_user(self.farmer_a).has_access("read"), field.comodel_name
                    )
        for model_name in worker_models & set(self.env.registry):
            self.assertFalse(self.env[model_name].with_user(self.farmer_a).has_access("read"))
        page = self.get_as("farmer_a", self.intervention_a.access_url)
        self.assertEqual(page.status_code, 200)

    def test_rpc_internal_notes_hidden(self):
        self.intervention_a.notes = "<p>Karim a oublié ses gants</p>"
        with self.assertRaises(AccessError) as caught:
            self.intervention_a.with_user(self.farmer_a).read(["notes"])
        self.assertIn('champs "notes" sur Farm intervention', str(caught.exception))
        self.assertNotIn("Karim", self.get_as("farmer_a", self.intervention_a.access_url).text)

    def get_as(self, login, url):
        self.authenticate(login, login)
        return self.get(url)

    def test_rpc_create_only_submitted_for_own_farm(self):
        Request = self.env["farm.intervention.request"].with_user(self.farmer_a)
        values = {
            "description": "Par RPC",
            "date_from": date.today() + timedelta(days=3),
            "date_to": date.today() + timedelta(days=4),
            "contact_id": self.contact_a.id,
        }
        with self.assertRaises(AccessError) as caught:  # the other farm is not theirs to touch
            Request.create({**values, "partner_id": self.other_farm.id})
        self.assertIn("n'a pas d'accès 'lire'", str(caught.exception))
        with self.assertRaisesRegex(UserError, "ne changent que par ses boutons"):
            Request.create({**values, "partner_id": self.farm.id, "state": "accepted"})
        self.assertFalse(
            self.env["farm.intervention.request"].search([("description", "=", "Par RPC")])
        )
        mine = Request.create({**values, "partner_id": self.farm.id})
        self.assertEqual((mine.state, mine.partner_id), ("submitted", self.farm))
        self.assertTrue(mine.name.startswith("DEM/"))

    def test_the_create_rule_itself_keeps_portal_requests_submitted_and_own(self):
        """The checks above stop a hostile create before the record rule is reached (the
        other farm cannot be read, states only move by buttons): the rule is proven on its
        own, as Odoo applies it to a created record."""
        values = {"description": "Règle", "contact_id": self.contact_a.id}
        own = self.make_request(**values)
        own.with_user(self.farmer_a).check_access("create")
        refused = {
            "another farm": self.make_request(farm=self.other_farm, **values),
            "another state": self.make_request(**values),
            "already taken": self.make_request(**values),
        }
        refused["another state"].state = "accepted"
        refused["already taken"].user_id = self.coordinator
        for case, request in refused.items():
            with self.subTest(case), self.assertRaises(AccessError) as caught:
                request.with_user(self.farmer_a).check_access("create")
            self.assertIn("n'a pas d'accès 'créer'", str(caught.exception))
            self.assertIn("(farm.intervention.request)", str(caught.exception))


@tagged("post_install", "-at_install")
class TestFarmPortalNewRequest(FarmPortalCase):
    def form(self, **values):
        today = date.today()
        return {
            "task_type_ids": str(self.weeding.id),
            "date_from": (today + timedelta(days=7)).isoformat(),
            "date_to": (today + timedelta(days=10)).isoformat(),
            "estimated_hours": "12,5",
            "description": "Désherbage des fraisiers",
            "farm_equipment": "Binettes",
            "recurrence": "punctual",
            **values,
        }

    def requests(self):
        return self.env["farm.intervention.request"].search(
            [("id", "not in", (self.request_a | self.request_b).ids)]
        )

    def test_form_page(self):
        self.authenticate("farmer_a", "farmer_a")
        page = self.get("/my/requests/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Weeding test", page.text)
        self.assertIn('name="csrf_token"', page.text)

    def test_create_request(self):
        self.authenticate("farmer_a", "farmer_a")
        data = self.form(
            partner_id=str(self.other_farm.id), state="accepted"
        )  # tampered fields are ignored
        response = self.url_open(
            "/my/requests/new", data={**data, "csrf_token": self.csrf()}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303, response.text[:1000])
        new = self.requests()
        self.assertEqual(len(new), 1)
        self.assertEqual(new.partner_id, self.farm)
        self.assertEqual(new.contact_id, self.contact_a)
        self.assertEqual(new.state, "submitted")
        self.assertEqual(new.task_type_ids, self.weeding)
        self.assertEqual(new.estimated_hours, 12.5)
        self.assertEqual(new.farm_equipment, "Binettes")
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/requests/{new.id}?message=created")
        )
        page = self.get(f"/my/requests/{new.id}?message=created")
        self.assertEqual(page.status_code, 200)
        self.assertIn("alert-success", page.text)
        # the other contact of the farm sees it, the other farm does not
        self.authenticate("farmer_a2", "farmer_a2")
        self.assertEqual(self.get(f"/my/requests/{new.id}").status_code, 200)
        self.authenticate("farmer_b", "farmer_b")
        self.assertRedirectsHome(self.get(f"/my/requests/{new.id}"))

    def test_create_recurring_request_with_several_tasks(self):
        self.authenticate("farmer_a2", "farmer_a2")
        data = self.form(recurrence="recurring", frequency="weekly")
        data["task_type_ids"] = [str(self.weeding.id), str(self.pruning.id)]
        response = self.post("/my/requests/new", data)
        self.assertEqual(response.status_code, 303, response.text[:1000])
        new = self.requests()
        self.assertEqual(new.task_type_ids, self.weeding | self.pruning)
        self.assertEqual(
            (new.recurrence, new.frequency, new.contact_id),
            ("recurring", "weekly", self.contact_a2),
        )

    def test_html_in_text_is_escaped(self):
        self.authenticate("farmer_a", "farmer_a")
        response = self.post(
            "/my/requests/new", self.form(description='<img src=x onerror="alert(1)"> <b>gras</b>')
        )
        self.assertEqual(response.status_code, 303)
        new = self.requests()
        self.assertEqual(new.description, '<img src=x onerror="alert(1)"> <b>gras</b>')
        page = self.get(f"/my/requests/{new.id}")
        self.assertNotIn("<img src=x", page.text)
        self.assertNotIn("<b>gras</b>", page.text)
        self.assertIn("&lt;b&gt;gras&lt;/b&gt;", page.text)

    def test_bad_input_saves_nothing_and_keeps_values(self):
        today = date.today()
        cases = {
            "no task": ({"task_type_ids": ""}, "task_type_ids"),
            "unknown task": ({"task_type_ids": "999999"}, "task_type_ids"),
            "task not a number": ({"task_type_ids": "abc"}, "task_type_ids"),
            "no description": ({"description": "   "}, "description"),
            "long description": ({"description": "x" * 2001}, "description"),
            "long equipment": ({"farm_equipment": "x" * 2001}, "farm_equipment"),
            "no dates": ({"date_from": "", "date_to": ""}, "dates"),
            "bad date": ({"date_from": "31/02/2027"}, "dates"),
            "past": ({"date_from": (today - timedelta(days=1)).isoformat()}, "dates"),
            "reversed": (
                {
                    "date_from": (today + timedelta(days=9)).isoformat(),
                    "date_to": (today + timedelta(days=8)).isoformat(),
                },
                "dates",
            ),
            "too far": ({"date_to": (today + timedelta(days=800)).isoformat()}, "dates"),
            "hours not a number": ({"estimated_hours": "beaucoup"}, "estimated_hours"),
            "negative hours": ({"estimated_hours": "-3"}, "estimated_hours"),
            "too many hours": ({"estimated_hours": "5000"}, "estimated_hours"),
            "nan hours": ({"estimated_hours": "nan"}, "estimated_hours"),
            "recurring without frequency": ({"recurrence": "recurring"}, "recurrence"),
            "bad recurrence": ({"recurrence": "daily"}, "recurrence"),
        }
        self.authenticate("farmer_a", "farmer_a")
        for label, (values, _field) in cases.items():
            with self.subTest(label):
                response = self.post(
                    "/my/requests/new",
                    self.form(**{"farm_equipment": "Tracteur <i>rouge</i>", **values}),
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("alert-danger", response.text)
                self.assertIn("is-invalid", response.text)
                if label not in ("long equipment",):
                    self.assertIn(
                        "Tracteur &lt;i&gt;rouge&lt;/i&gt;", response.text
                    )  # kept, escaped
                self.assertFalse(self.requests())

    def test_form_without_csrf_token(self):
        self.authenticate("farmer_a", "farmer_a")
        response = self.post("/my/requests/new", self.form(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertIn("alert-danger", response.text)
        self.assertIn("Désherbage des fraisiers", response.text)
        self.assertFalse(self.requests())
        response = self.post(
            "/my/requests/new", {**self.form(), "csrf_token": "forged"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.requests())

    def test_anonymous_and_non_farmer_cannot_create(self):
        self.authenticate(None, None)
        response = self.url_open("/my/requests/new", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        make_role_user(self.env, "farmer", login="not_a_farmer")
        self.authenticate("not_a_farmer", "not_a_farmer")
        self.assertNotIn('name="description"', self.get("/my/requests/new").text)
        response = self.post("/my/requests/new", self.form())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.requests())


@tagged("post_install", "-at_install")
class TestFarmPortalPerformance(FarmPortalCase):
    """200 requests and 200 interventions for one farm: the lists keep a fixed number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big_farm = cls.make_farm("Grande Ferme")
        contact = cls.env["res.partner"].create(
            {"name": "Grand Exploitant", "parent_id": cls.big_farm.id}
        )
        make_role_user(cls.env, "farmer", login="farmer_big", partner_id=contact.id, lang="fr_FR")
        today = date.today()
        cls.env["farm.intervention.request"].create(
            [
                {
                    "partner_id": cls.big_farm.id,
                    "description": f"Demande {n}",
                    "task_type_ids": [Command.set((cls.weeding | cls.pruning).ids)],
                    "date_from": today + timedelta(days=n),
                    "date_to": today + timedelta(days=n + 2),
                }
                for n in range(200)
            ]
        )
        start = datetime(2026, 3, 2, 7)
        interventions = cls.env["farm.intervention"].create(
            [
                {
                    "partner_id": cls.big_farm.id,
                    "date_start": start + timedelta(days=n),
                    "date_end": start + timedelta(days=n, hours=4),
                    "state": "done",
                    "line_ids": [
                        Command.create({"task_type_id": cls.weeding.id, "done_hours": 4.0})
                    ],
                }
                for n in range(200)
            ]
        )
        reviews = cls.env["farm.intervention.review"].create(
            [{"intervention_id": i.id} for i in interventions]
        )
        reviews.write({"state": "sent"})

    def test_pagination(self):
        self.authenticate("farmer_big", "farmer_big")
        for url, rows in (
            ("/my/requests", 80),
            ("/my/requests/page/3", 40),
            ("/my/interventions/page/2", 80),
            ("/my/interventions/page/3?filterby=done", 40),
        ):
            with self.subTest(url):
                page = self.get(url)
                self.assertEqual(page.status_code, 200)
                prefix = "/my/requests/" if "requests" in url else "/my/interventions/"
                links = {
                    part.split('"')[0]
                    for part in page.text.split(f'href="{prefix}')[1:]
                    if part.split('"')[0].isdigit()
                }
                self.assertEqual(len(links), rows)
        self.assertIn("/my/requests/page/2", self.get("/my/requests").text)

    def count_queries(self, url):
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def test_query_counts_do_not_depend_on_the_number_of_records(self):
        for url in (
            "/my/requests",
            "/my/interventions",
            "/my/requests/page/3",
            "/my/interventions?filterby=done",
        ):
            with self.subTest(url):
                self.authenticate("farmer_a", "farmer_a")  # 1 record
                small = self.count_queries(url)
                self.authenticate("farmer_big", "farmer_big")  # 200 records
                big = self.count_queries(url)
                self.assertEqual(
                    big, small, f"{url}: {big} queries for 200 records, {small} for one"
                )

    @warmup
    def test_requests_list_query_count(self):
        self.authenticate("farmer_big", "farmer_big")
        with self.assertQueryCount(default=REQUESTS_QUERIES):
            self.url_open("/my/requests")

    @warmup
    def test_interventions_list_query_count(self):
        self.authenticate("farmer_big", "farmer_big")
        with self.assertQueryCount(default=INTERVENTIONS_QUERIES):
            self.url_open("/my/interventions")


REQUESTS_QUERIES = 21  # measured: 20 in the request itself + 1 of the test
INTERVENTIONS_QUERIES = 19  # measured: 18 in the request (its work names read once) + 1 of the test
