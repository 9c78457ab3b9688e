# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero


def is_id(value):
    """Whether a client's value is a record id (the ORM refuses the rest at the create)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


class SaleOrder(models.Model):
    _inherit = "sale.order"

    canteen_week_id = fields.Many2one(
        "canteen.week",
        "Canteen week",
        index="btree_not_null",
        tracking=True,
        domain=[("state", "=", "published")],
        help="The weekly offer this canteen order draws on.",
    )

    def init(self):
        result = super().init()
        # one live order per canteen and week: two tabs sending at once make one order
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS sale_order_canteen_week_unique
                ON sale_order (partner_id, canteen_week_id)
             WHERE canteen_week_id IS NOT NULL AND state != 'cancel'
            """
        )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")  # before the delivery date reads anything of the client's
        for vals in vals_list:
            week_id, partner_id = vals.get("canteen_week_id"), vals.get("partner_id")
            if is_id(week_id) and is_id(partner_id) and not vals.get("commitment_date"):
                # a date only: read whatever the user's rights, the create is checked after
                week = self.env["canteen.week"].sudo().browse(week_id).exists()
                partner = self.env["res.partner"].sudo().browse(partner_id).exists()
                if week and partner:
                    vals["commitment_date"] = partner._canteen_delivery_date(week)
        return super().create(vals_list)

    @api.constrains("canteen_week_id", "partner_id")
    def _check_canteen_partner(self):
        for order in self.filtered("canteen_week_id"):
            if not order.partner_id.commercial_partner_id.is_canteen:
                raise ValidationError(
                    self.env._(
                        "%(order)s draws on the canteens' weekly offer: its customer "
                        "%(customer)s must be a canteen.",
                        order=order.name,
                        customer=order.partner_id.display_name,
                    )
                )

    @api.onchange("canteen_week_id", "partner_id")
    def _onchange_canteen_week(self):
        if self.canteen_week_id and self.partner_id:
            self.commitment_date = self.partner_id._canteen_delivery_date(self.canteen_week_id)

    @api.model
    def _canteen_place(self, canteen, week, quantities):
        """The canteen orders these quantities of the week's produce ({canteen.availability:
        quantity}); its order of the week is created the first time."""
        order = self._canteen_order_of(canteen, week)
        if not order:
            if not any(quantity > 0 for quantity in quantities.values()):
                raise UserError(self.env._("Enter the quantity of at least one produce."))
            order = self._canteen_new_order(canteen, week)
        order._canteen_set_quantities(quantities)
        return order

    @api.model
    def _canteen_order_of(self, canteen, week):
        """The canteen's live order of the week, if any."""
        return self.search(
            [
                ("partner_id", "=", canteen.id),
                ("canteen_week_id", "=", week.id),
                ("state", "!=", "cancel"),
            ],
            limit=1,
        )

    @api.model
    def _canteen_new_order(self, canteen, week):
        return self.create(
            {
                "partner_id": canteen.id,
                # the staff member who orders for the canteen, else the coordinator (a
                # cook on the portal, a job): the invoice's salesperson, never OdooBot
                "user_id": canteen._farm_invoice_user().id,
                "partner_shipping_id": canteen._canteen_delivery_address().id,
                "canteen_week_id": week.id,
                "commitment_date": canteen._canteen_delivery_date(week),
            }
        )

    def _canteen_set_quantities(self, quantities):
        """Set the ordered quantity of each produce ({canteen.availability: quantity}).

        A quantity of 0 removes the produce (on a confirmed order, its line drops to 0).
        Every rule is checked by the order lines themselves; the order is confirmed, so
        that its delivery is prepared.
        """
        self.ensure_one()
        self.canteen_week_id._check_open_for(self.env.user)
        if any(offer.week_id != self.canteen_week_id for offer in quantities):
            raise ValidationError(
                self.env._(
                    "The week of %(week)s does not offer this produce.",
                    week=self.canteen_week_id._day_label(),
                )
            )
        lines = {line.canteen_availability_id: line for line in self.order_line}
        to_create = []
        for availability, quantity in quantities.items():
            line = lines.get(availability)
            uom = line.product_uom if line else availability.product_id.uom_id
            self.env["sale.order.line"]._check_canteen_quantity(
                availability.product_id, uom, quantity
            )
            if line and line.product_uom_qty != quantity:
                if quantity or self.state == "sale":
                    line.product_uom_qty = quantity
                else:
                    line.unlink()
            elif not line and quantity:
                to_create.append(
                    {
                        "order_id": self.id,
                        "product_id": availability.product_id.id,
                        "product_uom_qty": quantity,
                    }
                )
        self.env["sale.order.line"].create(to_create)
        if self.state in ("draft", "sent") and self.order_line:
            self.action_confirm()
        return True

    def _canteen_invoice(self, invoice_date, background=False):
        """Invoice what was delivered, one invoice per canteen, and issue it: posted, with
        its PDF (and Factur-X) as the canteen downloads it from the portal. In the
        background, Odoo's sending job makes the documents (when nothing can print now)."""
        invoices = self._create_invoices(final=True)
        if not invoices:
            return invoices
        invoices.invoice_date = invoice_date
        invoices.action_post()
        if background:
            invoices._queue_official_documents()
        else:
            self.env["account.move.send"]._generate_and_send_invoices(
                invoices, sending_methods=["manual"]
            )
        return invoices


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    canteen_availability_id = fields.Many2one(
        "canteen.availability",
        compute="_compute_canteen_availability_id",
        store=True,
        index="btree_not_null",
    )

    @api.depends("order_id.canteen_week_id", "product_id")
    def _compute_canteen_availability_id(self):
        lines = self.filtered(
            lambda line: line.order_id.canteen_week_id and line.product_id.is_produce
        )
        (self - lines).canteen_availability_id = False
        if not lines:
            return
        offers = self.env["canteen.availability"].search(
            [
                ("week_id", "in", lines.order_id.canteen_week_id.ids),
                ("product_id", "in", lines.product_id.ids),
            ]
        )
        index = {(offer.week_id, offer.product_id): offer for offer in offers}
        for line in lines:
            key = (line.order_id.canteen_week_id, line.product_id)
            line.canteen_availability_id = index.get(key, False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("product_uom_qty") and vals.get("order_id"):
                if self.env["sale.order"].browse(vals["order_id"]).canteen_week_id:
                    product = self.env["product.product"].browse(vals.get("product_id"))
                    uom = self.env["uom.uom"].browse(vals.get("product_uom")) or product.uom_id
                    self._check_canteen_quantity(product, uom, vals["product_uom_qty"])
        lines = super().create(vals_list)
        lines._check_canteen_offer()
        return lines

    def write(self, vals):
        if vals.get("product_uom_qty"):
            for line in self._canteen_lines():
                uom = self.env["uom.uom"].browse(vals.get("product_uom")) or line.product_uom
                line._check_canteen_quantity(line.product_id, uom, vals["product_uom_qty"])
        result = super().write(vals)
        if {"product_uom_qty", "product_id", "product_uom"} & set(vals):
            self._check_canteen_offer()
        return result

    def _canteen_lines(self):
        return self.filtered(
            lambda line: (
                line.order_id.canteen_week_id
                and line.product_id.is_produce
                and line.state != "cancel"
            )
        )

    @api.model
    def _check_canteen_quantity(self, product, uom, quantity):
        """A quantity ordered is 0 (none) or at least the smallest one its unit keeps: one
        that would round to 0 (0,001 kg) is refused, never stored as an empty line."""
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        step = max(uom.rounding or 0.0, 10**-digits)
        if quantity and float_is_zero(quantity, precision_rounding=step):
            raise ValidationError(
                self.env._(
                    "%(product)s: %(asked)s %(unit)s is below the smallest quantity of the unit (%(step)s %(unit)s) and would be ordered as 0: order at least %(step)s %(unit)s, or 0 for none.",  # noqa: E501
                    product=product.name,
                    asked=_number(quantity),
                    unit=uom.name,
                    step=_number(step),
                )
            )

    def _check_canteen_offer(self):
        """A canteen order takes only what the week offers: a published week still open
        to orders, produce in season, a positive quantity within what is left."""
        lines = self._canteen_lines()
        for week in lines.order_id.canteen_week_id:
            week._check_open_for(self.env.user)
        for line in lines:
            line._check_canteen_line()

    def _check_canteen_line(self):
        self.ensure_one()
        product = self.product_id.product_tmpl_id
        week = self.order_id.canteen_week_id
        if self.product_uom_qty < 0:
            raise ValidationError(
                self.env._(
                    "%(product)s: the quantity ordered cannot be negative.", product=product.name
                )
            )
        offer = self.canteen_availability_id
        if not offer:
            raise ValidationError(
                self.env._(
                    "%(product)s is not offered in the week of %(week)s.",
                    product=product.name,
                    week=week._day_label(),
                )
            )
        day = self.order_id.commitment_date or week.date_start
        if not product._is_in_season(day):
            raise ValidationError(
                self.env._(
                    "%(product)s is out of season in the week of %(week)s (season: %(season)s).",
                    product=product.name,
                    week=week._day_label(),
                    season=product.season_label,
                )
            )
        if offer.quantity_ordered > offer.quantity_offered:
            others = offer.quantity_ordered - self.product_uom._compute_quantity(
                self.product_uom_qty, offer.uom_id
            )
            raise ValidationError(
                self.env._(
                    "%(product)s: %(asked)s %(unit)s asked, only %(left)s %(unit)s are left "
                    "for the week of %(week)s.",
                    product=product.name,
                    asked=_number(self.product_uom_qty),
                    left=_number(max(offer.quantity_offered - others, 0)),
                    unit=offer.uom_id.name,
                    week=week._day_label(),
                )
            )


def _number(value):
    """A quantity as a French sentence writes it: 12 or 12,5."""
    return f"{value:g}".replace(".", ",")
