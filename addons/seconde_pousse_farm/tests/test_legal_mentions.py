# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a French invoice between businesses must state, read in the PDF's HTML in French:
the days of the service, the payment terms and due date, the bank details, the late
payment penalties and the €40 recovery indemnity (Code de commerce L441-9, L441-10,
D441-5); and the membership fee's tax, a setting of the association, empty by default
(outside the scope of VAT, and the invoice says so)."""

from datetime import date, timedelta
from html import unescape

from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import load_migration

from ..models.farm_task_type import french_sale_tax
from .common import FarmCase


@tagged("post_install", "-at_install")
class TestLegalMentions(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.farm_membership_tax_id = False
        cls.thirty_days = cls.env.ref("account.account_payment_term_30days")
        cls.env.company.farm_payment_term_id = cls.thirty_days
        bank = cls.env["res.bank"].create({"name": "Banque des Tests", "bic": "CCOPFRPPXXX"})
        cls.company_account = cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.env.company.partner_id.id,
                "acc_number": "FR76 4255 9100 0008 0123 4567 890",
                "bank_id": bank.id,
                "allow_out_payment": True,
            }
        )

    def invoice_month(self, *days):
        for day in days:
            self.make_signed_review(self.make_intervention(day=day))
        self.env["farm.invoice.wizard"].with_user(self.accountant).create(
            {
                "date_from": date(2026, 3, 1),
                "date_to": date(2026, 3, 31),
                "invoice_date": date(2026, 4, 1),
            }
        ).action_create_invoices()
        return self.farm.farm_membership_invoice_id

    def pdf_html(self, invoice):
        Report = self.env["ir.actions.report"].with_context(lang="fr_FR")
        html = Report._render_qweb_html(
            "account.report_invoice", invoice.ids, data={"report_type": "pdf"}
        )[0]
        return unescape(html.decode())

    def test_the_month_end_invoice_states_every_mention(self):
        invoice = self.invoice_month(2, 10)
        invoice.action_post()
        self.assertEqual(invoice.invoice_payment_term_id, self.thirty_days)
        self.assertEqual(invoice.invoice_date_due, date(2026, 4, 1) + timedelta(days=30))
        # the service's date is the last day of the work, not the invoice's
        self.assertEqual(invoice.delivery_date, date(2026, 3, 10))
        self.assertEqual(invoice.partner_bank_id, self.company_account)
        html = self.pdf_html(invoice)
        for mention in (
            "Jours d'intervention",
            "02/03/2026",
            "10/03/2026",
            "Date d'échéance",
            "01/05/2026",
            "Paiement par virement",
            "FR76 4255 9100 0008 0123 4567 890",
            "CCOPFRPPXXX",
            invoice.payment_reference,
            "Pénalités de retard",
            "majoré de 10 points",
            "L441-10",
            "indemnité forfaitaire de 40 € pour frais de recouvrement",
            "D441-5",
            "Pas d'escompte pour paiement anticipé",
        ):
            self.assertIn(mention, html)

    def test_an_empty_fee_tax_leaves_the_fee_out_of_vat_and_says_so(self):
        invoice = self.invoice_month(2)
        fee = invoice.invoice_line_ids.filtered("product_id.membership")
        work = invoice.invoice_line_ids - fee
        self.assertEqual(len(fee), 1)
        self.assertFalse(fee.tax_ids)
        self.assertEqual(set(work.tax_ids.mapped("amount")), {20.0})  # the work stays taxed
        self.assertEqual(set(work.tax_ids.mapped("tax_scope")), {"service"})
        html = self.pdf_html(invoice)
        self.assertIn("Cotisation hors du champ d'application de la TVA", html)
        self.assertIn("article 256 du CGI", html)

    def test_a_fee_tax_set_in_the_settings_is_charged_and_the_mention_goes(self):
        tax = french_sale_tax(self.env, "service", 20)
        settings = self.env["res.config.settings"].create({"farm_membership_tax_id": tax.id})
        settings.execute()
        self.assertEqual(self.env.company.farm_membership_tax_id, tax)
        fee_product = self.env.ref("seconde_pousse_farm.product_membership_farm")
        self.assertEqual(
            fee_product.taxes_id.filtered(lambda t: t.company_id == tax.company_id), tax
        )
        invoice = self.invoice_month(2)
        fee = invoice.invoice_line_ids.filtered("product_id.membership")
        self.assertEqual(fee.tax_ids, tax)
        self.assertNotIn("hors du champ d'application de la TVA", self.pdf_html(invoice))
        # and back to empty: the product loses this company's tax again
        self.env["res.config.settings"].create({"farm_membership_tax_id": False}).execute()
        self.assertFalse(fee_product.taxes_id.filtered(lambda t: t.company_id == tax.company_id))

    def test_the_payment_terms_setting_is_the_customers_default(self):
        immediate = self.env.ref("account.account_payment_term_immediate")
        self.env["res.config.settings"].create({"farm_payment_term_id": immediate.id}).execute()
        self.assertEqual(self.env.company.farm_payment_term_id, immediate)
        self.assertEqual(self.other_farm.property_payment_term_id, immediate)
        own = self.env.ref("account.account_payment_term_15days")
        self.other_farm.property_payment_term_id = own  # a customer's own terms win
        self.env.company.farm_payment_term_id = self.thirty_days
        self.assertEqual(self.other_farm.property_payment_term_id, own)
        self.assertEqual(self.farm.property_payment_term_id, self.thirty_days)

    def test_the_migration_takes_the_fee_s_tax_off_and_keeps_the_customers_terms(self):
        script = load_migration("seconde_pousse_farm", "18.0.1.5.0", "post-migration")
        company = self.env.company
        tax = french_sale_tax(self.env, "service", 20)
        fee_product = self.env.ref("seconde_pousse_farm.product_membership_farm")
        fifteen_days = self.env.ref("account.account_payment_term_15days")
        # as 18.0.1.4.0 left it: the fee at 20 % VAT on services, the terms a plain default
        company.farm_membership_tax_id = False
        fee_product.taxes_id |= tax
        self.env.cr.execute(
            "UPDATE res_company SET farm_payment_term_id = NULL WHERE id = %s", [company.id]
        )
        company.invalidate_recordset(["farm_payment_term_id"])
        self.env["ir.default"].set(
            "res.partner", "property_payment_term_id", fifteen_days.id, company_id=company.id
        )
        script.migrate(self.env.cr, "18.0.1.4.0")
        self.assertFalse(fee_product.taxes_id.filtered(lambda t: t.company_id == company))
        self.assertEqual(company.farm_payment_term_id, fifteen_days)
        self.assertEqual(self.farm.property_payment_term_id, fifteen_days)
