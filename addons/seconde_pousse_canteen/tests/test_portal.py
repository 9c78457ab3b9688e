# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from html import unescape

from freezegun import freeze_time

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import warmup

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import WEEK, CanteenCase

JULY = "2026-07-01 08:00:00"
WEEK_PAGE_QUERIES = 32  # measured: the week's offer page of a canteen, whatever its history


class CanteenPortalCase(CanteenCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        farm = cls.env["res.partner"].create(
            {"name": "Ferme du Portail", "is_farm": True, "is_company": True}
        )
        cls.farmer = make_role_user(
            cls.env,
            "farmer",
            login="t_farmer",
            partner_id=cls.env["res.partner"]
            .create({"name": "Jean Fermier", "parent_id": farm.id})
            .id,
        )
        cls.farm_request = cls.env["farm.intervention.request"].create(
            {
                "partner_id": farm.id,
                "description": "Taille du verger",
                "date_from": "2026-06-15",
                "date_to": "2026-06-19",
                "estimated_hours": 8.0,
            }
        )

    def csrf(self):
        return http.Request.csrf_token(self)

    def get(self, url):
        return self.url_open(url, allow_redirects=False)

    def post(self, url, data):
        return self.url_open(url, data={**data, "csrf_token": self.csrf()}, allow_redirects=False)

    def text(self, response):
        return unescape(response.text)

    def order_form(self, week=None, **quantities):
        week = week or self.week
        return {
            f"qty_{self.offer(getattr(self, name), week).id}": value
            for name, value in quantities.items()
        }

    def week_url(self, week=None):
        return f"/my/canteen/week/{(week or self.week).id}"


@tagged("post_install", "-at_install")
class TestCanteenPortal(CanteenPortalCase):
    def test_home_offers_the_canteen_entries_to_canteens_only(self):
        self.authenticate("t_cook", "t_cook")
        page = self.get("/my")
        self.assertIn('href="/my/canteen"', page.text)
        self.assertIn('href="/my/egalim"', page.text)
        self.authenticate("t_farmer", "t_farmer")
        self.assertNotIn('href="/my/canteen"', self.get("/my").text)

    def test_the_week_s_produce_in_french(self):
        self.authenticate("t_cook", "t_cook")
        home = self.get("/my/canteen")
        self.assertEqual(home.status_code, 200)
        self.assertIn(self.week_url(), home.text)
        page = self.get(self.week_url())
        self.assertEqual(page.status_code, 200)
        for text in (
            "Tomates",
            "Pommes de terre",
            "Agriculture biologique",
            "Label Rouge",
            "mardi 9 juin, 07:30",
            "jeudi 4 juin à 12:00",
            "Enregistrer ma commande",
        ):
            self.assertIn(text, self.text(page))

    def test_ordering_then_changing_the_order(self):
        self.authenticate("t_cook", "t_cook")
        response = self.post(self.week_url(), self.order_form(tomato="12", apple="7,5"))
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"{self.week_url()}?saved=1"))
        order = self.env["sale.order"].search([("partner_id", "=", self.school.id)])
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {self.tomato: 12, self.apple: 7.5},
        )
        self.assertEqual(order.state, "sale")
        # the invoice's salesperson to be: a staff member, not the cook nor OdooBot
        self.assertTrue(order.user_id._is_internal())
        self.assertNotEqual(order.user_id, self.env.ref("base.user_root"))
        self.post(self.week_url(), self.order_form(tomato="10", apple=""))
        order.invalidate_recordset()
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {self.tomato: 10, self.apple: 0},
        )
        page = self.get(f"{self.week_url()}?saved=1")
        self.assertIn("Votre commande est enregistrée", self.text(page))
        self.assertIn('value="10"', page.text)

    def test_bad_orders_are_refused_in_french_and_nothing_is_saved(self):
        self.place(self.college_cook, {self.tomato: 35})
        cases = {
            "over": (self.order_form(tomato="6"), "il n'en reste que 5 kg"),
            "negative": (self.order_form(tomato="-2"), "ne peut pas être négative"),
            "not a number": (self.order_form(tomato="beaucoup"), "n'est pas un nombre"),
            "enormous": (self.order_form(tomato="1e9"), "au plus 100000"),
            "nothing": (self.order_form(tomato="0", apple=""), "Indiquez la quantité"),
            "another week's offer": ({"qty_999999": "3"}, "L'offre de la semaine a changé"),
        }
        self.authenticate("t_cook", "t_cook")
        for label, (form, message) in cases.items():
            with self.subTest(label):
                response = self.post(self.week_url(), {**self.order_form(apple="4"), **form})
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_canteen_error", response.text)
                self.assertIn(message, self.text(response))
                self.assertFalse(
                    self.env["sale.order"].search([("partner_id", "=", self.school.id)])
                )

    def test_after_the_cutoff_the_page_is_read_only_and_posts_are_refused(self):
        order = self.place(self.cook, {self.tomato: 3})
        self.authenticate("t_cook", "t_cook")
        with freeze_time("2026-06-04 10:30:00"):
            page = self.get(self.week_url())
            self.assertIn("o_canteen_closed", page.text)
            self.assertNotIn("o_canteen_submit", page.text)
            response = self.post(self.week_url(), self.order_form(tomato="9"))
            self.assertIn("ne peuvent plus être passées ni modifiées", self.text(response))
        self.assertEqual(order.order_line.product_uom_qty, 3)

    def test_a_draft_week_is_not_on_the_portal(self):
        week = self.make_week(WEEK.replace(day=15), {self.apple: 10}, publish=False)
        self.authenticate("t_cook", "t_cook")
        self.assertEqual(self.get(self.week_url(week)).status_code, 404)
        self.assertEqual(
            self.post(self.week_url(week), self.order_form(week, apple="1")).status_code, 404
        )

    def test_non_canteens_have_no_canteen_pages(self):
        for login in ("t_farmer", "t_coord"):
            self.authenticate(login, login)
            for url in ("/my/canteen", self.week_url(), "/my/egalim", "/my/egalim/2026.csv"):
                with self.subTest(login=login, url=url):
                    self.assertEqual(self.get(url).status_code, 404)
        self.authenticate(None, None)
        self.assertIn(self.get("/my/canteen").status_code, (302, 303))


@tagged("post_install", "-at_install")
class TestCanteenDocuments(CanteenPortalCase):
    """Each canteen reads its own orders, deliveries, invoices and statements, never
    another canteen's, and farmers and canteens never each other's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for product in (cls.tomato, cls.apple):
            cls.harvest(product, 40)
        cls.school_order = cls.place(cls.cook, {cls.tomato: 10})
        cls.college_order = cls.place(cls.college_cook, {cls.apple: 8})
        cls.school_delivery = cls.deliver(cls.school_order)
        cls.college_delivery = cls.deliver(cls.college_order)
        with freeze_time(JULY):
            wizard = cls.env["canteen.invoice.wizard"].with_user(cls.accountant).create({})
            invoices = cls.run_invoicing(wizard).invoice_ids
        cls.school_invoice = invoices.filtered(lambda m: m.partner_id == cls.school)
        cls.college_invoice = invoices.filtered(lambda m: m.partner_id == cls.college)

    def test_rpc_a_canteen_reads_its_own_documents_only(self):
        for model, mine, theirs in (
            ("sale.order", self.school_order, self.college_order),
            ("sale.order.line", self.school_order.order_line, self.college_order.order_line),
            ("account.move", self.school_invoice, self.college_invoice),
            (
                "canteen.egalim.statement",
                self.env["canteen.egalim.statement"].search([("partner_id", "=", self.school.id)]),
                self.env["canteen.egalim.statement"].search([("partner_id", "=", self.college.id)]),
            ),
        ):
            with self.subTest(model):
                Model = self.env[model].with_user(self.cook)
                found = Model.search([("id", "in", (mine | theirs).ids)])
                self.assertEqual(found.ids, mine.ids)
                with self.assertRaisesRegex(AccessError, "n'a pas d'accès 'lire'|not allowed"):
                    theirs.with_user(self.cook).read(["id"])

    def test_rpc_a_canteen_changes_nothing_directly(self):
        SaleOrder = self.env["sale.order"].with_user(self.cook)
        with self.assertRaisesRegex(AccessError, "n'êtes pas autorisé"):
            SaleOrder.create({"partner_id": self.school.id, "canteen_week_id": self.week.id})
        with self.assertRaisesRegex(AccessError, "n'êtes pas autorisé"):
            self.school_order.order_line.with_user(self.cook).write({"product_uom_qty": 1})
        for model in ("canteen.week", "canteen.availability", "canteen.harvest", "stock.lot"):
            with self.subTest(model):
                self.assertFalse(self.env[model].with_user(self.cook).has_access("read"))

    def test_farmers_and_canteens_never_see_each_other_s_documents(self):
        self.assertFalse(
            self.env["sale.order"]
            .with_user(self.farmer)
            .search([("id", "=", self.school_order.id)])
        )
        self.assertFalse(
            self.env["account.move"]
            .with_user(self.farmer)
            .search([("id", "=", self.school_invoice.id)])
        )
        self.assertFalse(self.env["canteen.egalim.statement"].with_user(self.farmer).search([]))
        self.assertFalse(self.env["farm.intervention.request"].with_user(self.cook).search([]))
        with self.assertRaisesRegex(AccessError, "n'a pas d'accès 'lire'"):
            self.farm_request.with_user(self.cook).read(["description"])

    def test_deliveries_and_their_notes(self):
        self.authenticate("t_cook", "t_cook")
        home = self.get("/my/canteen").text
        self.assertIn(self.school_delivery.name, home)
        self.assertNotIn(self.college_delivery.name, home)
        self.env.invalidate_all()  # the page gave the order its access token
        token = self.school_order.access_token
        self.assertTrue(token)
        self.college_order._portal_ensure_token()
        note = self.get(f"/my/picking/pdf/{self.school_delivery.id}?access_token={token}")
        self.assertEqual(note.status_code, 200)
        other = self.get(f"/my/picking/pdf/{self.college_delivery.id}?access_token={token}")
        self.assertEqual(other.status_code, 404)

    def test_invoices_on_the_portal(self):
        self.authenticate("t_cook", "t_cook")
        own = self.get(f"/my/invoices/{self.school_invoice.id}?report_type=pdf&download=true")
        self.assertEqual(own.status_code, 200)
        other = self.get(f"/my/invoices/{self.college_invoice.id}?report_type=pdf&download=true")
        self.assertIn(other.status_code, (301, 302, 303))

    def test_statements_on_the_portal(self):
        self.authenticate("t_cook", "t_cook")
        page = self.get("/my/egalim")
        self.assertIn("/my/egalim/2026.pdf", page.text)
        self.assertIn("100,0 %", page.text)  # all organic tomatoes
        pdf = self.get("/my/egalim/2026.pdf")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("bilan-egalim-2026.pdf", pdf.headers["Content-Disposition"])
        csv = self.get("/my/egalim/2026.csv")
        self.assertEqual(csv.status_code, 200)
        self.assertEqual(csv.headers["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(csv.text.startswith("siret,description,fournisseur,date,prix_ht"))
        self.assertIn("21130001700012,Tomates", csv.text)
        self.assertNotIn("21130087600011", csv.text)
        self.assertEqual(self.get("/my/egalim/2025.csv").status_code, 404)
        self.authenticate("t_college", "t_college")
        self.assertNotIn("Tomates", self.get("/my/egalim/2026.csv").text)

    def test_files_by_period_on_the_portal(self):
        self.authenticate("t_cook", "t_cook")
        page = self.text(self.get("/my/egalim"))
        self.assertIn("Aucun fichier par période pour l'instant", page)
        self.assertIn('value="since_last"', page)
        response = self.post("/my/egalim/export", {"kind": "since_last"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn(
            "achats-egalim-21130001700012-nouveaux-envoi-1.csv",
            response.headers["Content-Disposition"],
        )
        self.assertIn("21130001700012,Tomates", response.text)
        export = self.env["canteen.macantine.export"].search([("partner_id", "=", self.school.id)])
        self.assertEqual(export.user_id, self.cook)
        self.assertEqual(export.line_ids.move_id, self.school_invoice)
        # the page says which invoices the file covered, the school's only
        page = self.text(self.get("/my/egalim"))
        self.assertIn(self.school_invoice.name, page)
        self.assertNotIn(self.college_invoice.name, page)
        self.assertIn(f"/my/egalim/export/{export.id}.csv", page)
        # nothing new since: said on the page, no file
        again = self.post("/my/egalim/export", {"kind": "since_last"})
        self.assertIn("o_macantine_error", again.text)
        self.assertIn("Rien de nouveau pour ma-cantine", self.text(again))
        month = f"{self.school_invoice.invoice_date:%Y-%m}"
        again = self.post("/my/egalim/export", {"kind": "month", "month": month})
        self.assertIn("Rien de nouveau pour ma-cantine", self.text(again))
        self.assertEqual(self.env["canteen.macantine.export"].search_count([]), 1)
        # the file downloaded before, as it was
        file = self.get(f"/my/egalim/export/{export.id}.csv")
        self.assertEqual(file.status_code, 200)
        self.assertEqual(file.content, response.content)

    def test_another_canteen_s_file_is_refused(self):
        self.authenticate("t_college", "t_college")
        response = self.post(
            "/my/egalim/export",
            {"kind": "month", "month": f"{self.college_invoice.invoice_date:%Y-%m}"},
        )
        self.assertIn("21130087600011,Pommes", response.text)
        export = self.env["canteen.macantine.export"].search([])
        self.assertEqual(export.partner_id, self.college)
        self.authenticate("t_cook", "t_cook")
        self.assertEqual(self.get(f"/my/egalim/export/{export.id}.csv").status_code, 403)
        self.assertNotIn(self.college_invoice.name, self.text(self.get("/my/egalim")))
        self.assertFalse(self.env["canteen.macantine.export"].with_user(self.cook).search([]))
        with self.assertRaisesRegex(AccessError, "n'a pas d'accès 'lire'|not allowed"):
            export.with_user(self.cook).read(["name"])
        for login in ("t_farmer", None):
            self.authenticate(login, login)
            self.assertNotEqual(self.get(f"/my/egalim/export/{export.id}.csv").status_code, 200)

    @warmup
    def test_the_week_page_takes_a_fixed_number_of_queries(self):
        self.authenticate("t_cook", "t_cook")
        with self.assertQueryCount(default=WEEK_PAGE_QUERIES):
            self.url_open(self.week_url())
        for monday in (WEEK.replace(day=15), WEEK.replace(day=22), WEEK.replace(day=29)):
            week = self.make_week(monday, {self.apple: 20, self.potato: 20})
            self.place(self.cook, {self.apple: 2, self.potato: 1}, week=week)
        with self.assertQueryCount(default=WEEK_PAGE_QUERIES):
            self.url_open(self.week_url())
