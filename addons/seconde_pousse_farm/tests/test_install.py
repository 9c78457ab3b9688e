# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import InstallCheckMixin


@tagged("post_install", "-at_install")
class TestInstall(InstallCheckMixin, TransactionCase):
    module = "seconde_pousse_farm"

    def test_the_farm_s_services_carry_the_vat_on_services(self):
        """Odoo loads the French chart after the addons' data and gives every product its
        default VAT on goods: the membership fee and the task types of the data still
        carry the VAT on services, so invoices say "Prestation de services"."""
        data = self.env["ir.model.data"].search(
            [("module", "=", self.module), ("model", "=", "farm.task.type")]
        )
        products = self.env["farm.task.type"].browse(data.mapped("res_id")).product_id
        products |= self.env.ref("seconde_pousse_farm.product_membership_farm")
        self.assertGreater(len(products), 1)
        for product in products:
            taxes = product.taxes_id.filtered(lambda t: t.company_id == self.env.company)
            self.assertEqual(taxes.mapped("tax_scope"), ["service"], product.display_name)
            self.assertEqual(taxes.amount, 20.0)
