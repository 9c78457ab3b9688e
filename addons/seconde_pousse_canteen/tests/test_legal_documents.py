# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The paper a canteen reads, in the PDF's HTML in French: the delivery note under the
association's identity with a box for the receiver, and the invoice with the days of the
deliveries, the bank details and the late-payment terms that bind its buyer."""

from datetime import datetime
from html import unescape

from freezegun import freeze_time

from odoo.fields import Command

from odoo.addons.seconde_pousse_base.models.ir_actions_report import (
    wkhtmltopdf_prints_one_document,
)

from .common import CanteenCase

JULY = datetime(2026, 7, 1, 8, 0)


class TestLegalDocuments(CanteenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for product, quantity in ((cls.tomato, 40), (cls.apple, 60)):
            cls.harvest(product, quantity)
        cls.school_order = cls.place(cls.cook, {cls.tomato: 10})
        cls.care_home_order = cls.env["sale.order"].create(
            {
                "partner_id": cls.care_home.id,
                "canteen_week_id": cls.week.id,
                "order_line": [Command.create({"product_id": cls.apple.id, "product_uom_qty": 15})],
            }
        )
        cls.care_home_order.action_confirm()
        cls.picking = cls.deliver(cls.school_order)
        cls.deliver(cls.care_home_order)

    def pdf_html(self, report, records):
        return unescape(
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_html(report, records.ids, data={"report_type": "pdf"})[0]
            .decode()
        )

    def test_the_delivery_note_carries_the_association_and_a_receipt_box(self):
        html = self.pdf_html("stock.action_report_delivery", self.picking)
        self.assertIn(f"Bon de livraison n° <span>{self.picking.name}</span>", html)
        if wkhtmltopdf_prints_one_document():  # Debian's binary: no header drawn
            self.assertIn("o_sp_identity", html)
            self.assertIn("AMS Environnement – Seconde Pousse", html)
            self.assertIn("SIRET <span>79112345800022</span>", html)
            self.assertIn("Chemin de la Blaque", html)
        # the lots, use-by dates and EGalim data stay
        self.assertIn("o_canteen_delivery_table", html)
        self.assertIn(self.picking.move_line_ids.lot_id[:1].name, html)
        self.assertIn("DLC", html)
        self.assertIn("EGalim", html)
        self.assertIn("o_canteen_receipt_box", html)
        self.assertIn("Réceptionné par (nom et signature)", html)
        self.assertIn("Remarques à la réception", html)
        self.assertIn("Date et heure de réception", html)

    def test_the_invoice_names_the_delivery_days_and_the_buyer_s_late_payment_terms(self):
        with freeze_time(JULY):
            invoices = self.invoice()
        school = invoices.filtered(lambda m: m.partner_id == self.school)
        care_home = invoices.filtered(lambda m: m.partner_id == self.care_home)
        self.assertEqual(school.delivery_date, self.picking.date_done.date())
        html = self.pdf_html("account.report_invoice", school)
        self.assertIn("Jours de livraison", html)
        self.assertIn(self.picking.date_done.strftime("%d/%m/%Y"), html)
        self.assertIn("FR76 3000 6000 0112 3456 7890 189", html)
        # a public buyer owes what the Code de la commande publique sets, not L441-10
        self.assertIn("code de la commande publique", html)
        self.assertIn("majoré de 8 points", html)
        self.assertIn("40 €", html)
        self.assertNotIn("L441-10", html)
        html = self.pdf_html("account.report_invoice", care_home)
        self.assertIn("L441-10", html)
        self.assertIn("D441-5", html)
        self.assertNotIn("code de la commande publique", html)
