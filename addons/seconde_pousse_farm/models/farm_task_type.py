# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command


def french_sale_tax(env, scope, amount):
    """The French chart's sales VAT at that rate on goods ("consu") or services: it
    ships most of them switched off, so the first use switches it on. The invoice states
    the operation type (goods, services or both) from these taxes."""
    tax = (
        env["account.tax"]
        .sudo()
        .with_context(active_test=False)
        .search(
            [
                ("type_tax_use", "=", "sale"),
                ("tax_scope", "=", scope),
                ("amount_type", "=", "percent"),
                ("amount", "=", amount),
                ("price_include", "=", False),
                ("company_id", "in", env.company.parent_ids.ids),
            ],
            order="active desc, id",
            limit=1,
        )
    )
    if tax and not tax.active:
        tax.active = True
    return tax


class FarmTaskType(models.Model):
    _name = "farm.task.type"
    _description = "Farm task type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    color = fields.Integer()
    product_id = fields.Many2one(
        "product.product",
        string="Service product",
        required=True,
        ondelete="restrict",
        domain=[("type", "=", "service")],
        help="Invoiced per hour done. Created from the name and rate when left empty.",
    )
    hourly_rate = fields.Float(
        compute="_compute_hourly_rate",
        inverse="_inverse_hourly_rate",
        digits="Product Price",
        store=True,
    )
    currency_id = fields.Many2one(related="product_id.currency_id")
    default_duration = fields.Float("Default duration (hours)", default=4.0)

    @api.depends("product_id.lst_price")
    def _compute_hourly_rate(self):
        for task_type in self:
            task_type.hourly_rate = task_type.product_id.lst_price

    def _inverse_hourly_rate(self):
        # the coordinator sets rates here without rights on the product catalogue
        for task_type in self.sudo():
            task_type.product_id.lst_price = task_type.hourly_rate

    @api.constrains("default_duration", "hourly_rate")
    def _check_positive(self):
        for task_type in self:
            if task_type.default_duration <= 0:
                raise ValidationError(
                    _("The default duration of %(name)s must be positive.", name=task_type.name)
                )
            if task_type.hourly_rate < 0:
                raise ValidationError(
                    _("The hourly rate of %(name)s cannot be negative.", name=task_type.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        missing = [vals for vals in vals_list if not vals.get("product_id")]
        if missing:
            # the coordinator configures rates, not the product catalogue
            products = (
                self.env["product.product"]
                .sudo()
                .create([self._prepare_product_vals(vals) for vals in missing])
            )
            for vals, product in zip(missing, products, strict=True):
                vals["product_id"] = product.id
        return super().create(vals_list)

    @api.model
    def _apply_service_tax(self):
        """The farm's work is a service: 20 % VAT on services, so that the invoice says
        "Prestation de services" (at install and on upgrade). The membership fee's tax is
        the association's setting (res.company.farm_membership_tax_id)."""
        tax = french_sale_tax(self.env, "service", 20)
        # Every task type, archived ones too: a short configuration list, not business data.
        task_types = self.sudo().with_context(active_test=False).search([])  # pylint: disable=no-search-all
        products = task_types.product_id
        if not tax:
            return
        for product in products:  # another company's taxes on the product stay
            others = product.taxes_id.filtered(
                lambda t: t.company_id.root_id != tax.company_id.root_id
            )
            product.taxes_id = others | tax

    @api.model
    def _prepare_product_vals(self, vals):
        hour = self.env.ref("uom.product_uom_hour")
        tax = french_sale_tax(self.env, "service", 20)
        return {
            **({"taxes_id": [Command.set(tax.ids)]} if tax else {}),
            "name": _("Farm work – %(task)s", task=vals.get("name", "")),
            "type": "service",
            "list_price": vals.get("hourly_rate", 0.0),
            "uom_id": hour.id,
            "uom_po_id": hour.id,
            "sale_ok": True,
            "purchase_ok": False,
        }
