# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

INVOICE_LAYOUTS = [
    ("detailed", "Detailed: one line per task of each intervention"),
    ("grouped", "Grouped: one line per task type and rate, the interventions listed"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    farm_invoice_layout = fields.Selection(
        INVOICE_LAYOUTS,
        string="Farm invoice layout",
        default="grouped",
        required=True,
        help="Detailed: each task of each intervention on its own line, its reference and "
        "date in the label. Grouped: one line per task type and hourly rate for the "
        "month, the interventions' references listed in the invoice's terms.",
    )
    farm_membership_tax_id = fields.Many2one(
        "account.tax",
        string="Membership fee tax",
        domain=[("type_tax_use", "=", "sale")],
        check_company=True,
        help="Empty: the fee is no individual service to the farm, outside the scope of VAT; "
        "its invoice says so. Set a tax only if the fee pays for services to the member.",
    )
    farm_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Customer payment terms",
        check_company=True,
        help="The terms of every customer who has none of their own (farms, canteens): "
        "the due date of their invoices is computed from them.",
    )

    def write(self, vals):
        result = super().write(vals)
        if "farm_membership_tax_id" in vals:
            self._farm_apply_membership_tax()
        if "farm_payment_term_id" in vals:
            self._farm_apply_payment_term()
        return result

    def _farm_apply_membership_tax(self):
        """The membership fee's taxes in these companies are their setting's: none when it
        is empty (another company's taxes on the product stay)."""
        product = self.env.ref(
            "seconde_pousse_farm.product_membership_farm", raise_if_not_found=False
        )
        if not product:
            return
        product = product.sudo()
        for company in self:
            others = product.taxes_id.filtered(
                lambda t, c=company: t.company_id.root_id != c.root_id
            )
            product.taxes_id = others | company.farm_membership_tax_id

    def _farm_apply_payment_term(self):
        """Odoo reads a customer's terms from the partner, falling back on the company's
        default for that field: the setting is that default."""
        Default = self.env["ir.default"].sudo()
        for company in self:
            Default.set(
                "res.partner",
                "property_payment_term_id",
                company.farm_payment_term_id.id or None,
                company_id=company.id,
            )

    @api.model
    def _farm_default_payment_term(self):
        """At install or upgrade, for the companies without the setting: the customers'
        default terms they already had, else 30 days."""
        thirty_days = self.env.ref("account.account_payment_term_30days", raise_if_not_found=False)
        Default = self.env["ir.default"].sudo()
        Term = self.env["account.payment.term"].sudo()
        for company in self.sudo().search([("farm_payment_term_id", "=", False)]):
            current = Default._get("res.partner", "property_payment_term_id", company_id=company.id)
            term = Term.browse(current).exists() if current else thirty_days
            if term:
                company.farm_payment_term_id = term
