# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .egalim import CATEGORIES, FAMILIES, LOCAL_DEFINITIONS, ORIGINS


class AccountMove(models.Model):
    _inherit = "account.move"

    # Chorus Pro's references (l10n_fr_facturx_chorus_pro), taken from the canteen
    buyer_reference = fields.Char(
        compute="_compute_chorus_references", store=True, readonly=False, precompute=True
    )
    contract_reference = fields.Char(
        compute="_compute_chorus_references", store=True, readonly=False, precompute=True
    )
    purchase_order_reference = fields.Char(
        compute="_compute_chorus_references", store=True, readonly=False, precompute=True
    )
    is_canteen_invoice = fields.Boolean(
        compute="_compute_is_canteen_invoice", search="_search_is_canteen_invoice"
    )

    @api.depends("partner_id", "move_type")
    def _compute_chorus_references(self):
        for move in self:
            buyer = move.partner_id.commercial_partner_id
            if move.is_sale_document() and buyer.is_canteen:
                move.buyer_reference = buyer.canteen_service_code
                move.contract_reference = buyer.canteen_market_number
                move.purchase_order_reference = buyer.canteen_commitment_number
            else:  # what was typed stays
                move.buyer_reference = move.buyer_reference
                move.contract_reference = move.contract_reference
                move.purchase_order_reference = move.purchase_order_reference

    @api.depends("partner_id")
    def _compute_is_canteen_invoice(self):
        for move in self:
            move.is_canteen_invoice = move.partner_id.commercial_partner_id.is_canteen

    def _search_is_canteen_invoice(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on canteen invoices."))
        positive = (operator == "=") == value
        return [("commercial_partner_id.is_canteen", "=" if positive else "!=", True)]

    def _post(self, soft=True):
        self._check_public_buyers()
        return super()._post(soft)

    def _check_public_buyers(self):
        """Chorus Pro takes an invoice to a public buyer only with the buyer's SIRET and
        the service code of the department that ordered."""
        for move in self.filtered(lambda m: m.is_sale_document()):
            buyer = move.commercial_partner_id
            if not (buyer.is_canteen and buyer.canteen_public_buyer):
                continue
            missing = buyer._canteen_chorus_problems()
            if not move.buyer_reference and buyer.canteen_service_code:
                missing.append(self.env._("the service code on the invoice"))
            if missing:
                raise UserError(
                    self.env._(
                        "%(canteen)s is a public buyer invoiced through Chorus Pro: the "
                        "invoice cannot be issued without %(missing)s. Complete the "
                        "canteen's Chorus Pro data, then issue it again.",
                        canteen=buyer.name,
                        missing=self.env._(" and ").join(missing),
                    )
                )


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # EGalim data of the produce when it was invoiced: a later change of the product's
    # labels leaves past purchases as they were declared
    egalim_family = fields.Selection(
        FAMILIES,
        string="EGalim family",
        compute="_compute_egalim",
        store=True,
    )
    egalim_category = fields.Selection(
        CATEGORIES,
        string="EGalim category",
        compute="_compute_egalim",
        store=True,
    )
    egalim_label_codes = fields.Char(
        "EGalim characteristics", compute="_compute_egalim", store=True
    )
    egalim_origin = fields.Selection(
        ORIGINS,
        string="Origin",
        compute="_compute_egalim",
        store=True,
    )
    egalim_short_circuit = fields.Boolean(
        "Short supply chain", compute="_compute_egalim", store=True
    )
    egalim_local = fields.Boolean("Local", compute="_compute_egalim", store=True)
    egalim_local_definition = fields.Selection(
        LOCAL_DEFINITIONS,
        string="Local definition",
        compute="_compute_egalim",
        store=True,
    )
    egalim_local_km = fields.Integer("Local within (km)", compute="_compute_egalim", store=True)
    egalim_summary = fields.Char("EGalim", compute="_compute_egalim_summary")

    @api.depends("product_id")
    def _compute_egalim(self):
        for line in self:
            product = line.product_id.product_tmpl_id
            line.update(
                {
                    "egalim_family": product.egalim_family,
                    "egalim_category": product.egalim_category,
                    "egalim_label_codes": ",".join(product.egalim_label_ids.mapped("code")),
                    "egalim_origin": product.egalim_family and product.egalim_origin,
                    "egalim_short_circuit": product.egalim_short_circuit,
                    "egalim_local": product.egalim_local,
                    "egalim_local_definition": product.egalim_local_definition,
                    "egalim_local_km": product.egalim_local_km,
                }
            )

    @api.depends("egalim_family", "egalim_label_codes", "egalim_origin", "egalim_local")
    def _compute_egalim_summary(self):
        describe = self.env["product.template"]._egalim_describer()
        for line in self:
            line.egalim_summary = line.egalim_family and describe(
                line.egalim_label_codes,
                line.egalim_origin,
                line.egalim_local_definition,
                line.egalim_local_km,
            )
