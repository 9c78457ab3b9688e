# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import InstallCheckMixin


@tagged("post_install", "-at_install")
class TestInstall(InstallCheckMixin, TransactionCase):
    module = "seconde_pousse_farm"

    def test_the_farm_s_services_carry_the_vat_on_services(self):
        """Odoo loads the French chart after the addons' data and gives every product its
        default VAT on goods: the task types of the data still carry the VAT on services,
        so invoices say "Prestation de services"; the membership fee, outside the scope
        of VAT while the association's setting is empty, has no tax of this company."""
        data = self.env["ir.model.data"].search(
            [("module", "=", self.module), ("model", "=", "farm.task.type")]
        )
        products = self.env["farm.task.type"].browse(data.mapped("res_id")).product_id
        self.assertGreater(len(products), 1)
        for product in products:
            taxes = product.taxes_id.filtered(lambda t: t.company_id == self.env.company)
            self.assertEqual(taxes.mapped("tax_scope"), ["service"], product.display_name)
            self.assertEqual(taxes.amount, 20.0)
        self.assertFalse(self.env.company.farm_membership_tax_id)
        fee = self.env.ref("seconde_pousse_farm.product_membership_farm")
        self.assertFalse(fee.taxes_id.filtered(lambda t: t.company_id == self.env.company))

    def test_customers_pay_at_30_days_by_default(self):
        term = self.env.ref("account.account_payment_term_30days")
        self.assertEqual(self.env.company.farm_payment_term_id, term)
        partner = self.env["res.partner"].create({"name": "Client sans conditions"})
        self.assertEqual(partner.property_payment_term_id, term)
