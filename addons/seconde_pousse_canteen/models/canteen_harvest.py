# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MAX_QUANTITY = 100000  # one harvest of one produce, in its unit (kg for most)


class CanteenHarvest(models.Model):
    _name = "canteen.harvest"
    _inherit = ["mail.thread", "mail.activity.mixin", "farm.state.mixin"]
    _description = "Harvest of the programme's farm"
    _order = "harvest_date desc, id desc"
    _workflow_fields = ("state", "lot_id")

    name = fields.Char("Reference", required=True, readonly=True, copy=False, default="/")
    product_id = fields.Many2one(
        "product.product",
        "Produce",
        required=True,
        tracking=True,
        domain=[("is_produce", "=", True)],
    )
    quantity = fields.Float(required=True, digits="Product Unit of Measure", tracking=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    harvest_date = fields.Date(default=fields.Date.context_today, tracking=True)
    expiration_date = fields.Date(
        "Use-by date",
        compute="_compute_expiration_date",
        store=True,
        readonly=False,
        help="From the harvest date and the produce's shelf life; can be changed.",
    )
    parcel_id = fields.Many2one("canteen.parcel", tracking=True)
    intervention_ids = fields.Many2many(
        "farm.intervention",
        domain="[('partner_id', '=', farm_id)]",
        help="The team's work at the farm that brought this harvest in: its hours count in "
        "the employees' pathways as any farm job.",
    )
    farm_id = fields.Many2one(related="company_id.canteen_farm_id", string="Farm")
    harvest_hours = fields.Float(
        "Team hours", compute="_compute_harvest_hours", help="Hours done by the teams."
    )
    lot_id = fields.Many2one("stock.lot", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "In stock"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users", "Recorded by", default=lambda self: self.env.user, readonly=True
    )
    notes = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _creation_message(self):
        return self._feminine_creation_message()

    @api.depends("harvest_date", "product_id")
    def _compute_expiration_date(self):
        for harvest in self:
            template = harvest.product_id.product_tmpl_id
            if harvest.harvest_date and template.use_expiration_date:
                harvest.expiration_date = harvest.harvest_date + timedelta(
                    days=template.expiration_time
                )

    @api.depends("intervention_ids.done_hours")
    def _compute_harvest_hours(self):
        for harvest in self:
            harvest.harvest_hours = sum(harvest.intervention_ids.mapped("done_hours"))

    @api.constrains("quantity", "harvest_date", "expiration_date")
    def _check_values(self):
        today = fields.Date.context_today(self)
        for harvest in self:
            if not 0 < harvest.quantity <= MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "Harvest of %(product)s: the quantity must be positive, at most %(max)s.",
                        product=harvest.product_id.display_name,
                        max=MAX_QUANTITY,
                    )
                )
            if not harvest.harvest_date:
                raise ValidationError(
                    self.env._(
                        "Harvest of %(product)s: the harvest date is required.",
                        product=harvest.product_id.display_name,
                    )
                )
            if harvest.harvest_date > today:
                raise ValidationError(
                    self.env._(
                        "Harvest of %(product)s: the harvest date cannot be in the future.",
                        product=harvest.product_id.display_name,
                    )
                )
            if harvest.expiration_date and harvest.expiration_date < harvest.harvest_date:
                raise ValidationError(
                    self.env._(
                        "Harvest of %(product)s: the use-by date cannot come before the harvest.",
                        product=harvest.product_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(harvest.state == "done" for harvest in self):
            raise UserError(
                self.env._("A harvest in stock is kept for traceability: cancel it instead.")
            )

    def action_done(self):
        """Put the harvest in stock: its lot, and a move from the harvest location."""
        if any(harvest.state != "draft" for harvest in self):
            raise UserError(self.env._("Only a draft harvest can be put in stock."))
        lots = self.env["stock.lot"].sudo().create([h._prepare_lot_vals() for h in self])
        moves = (
            self.env["stock.move"]
            .sudo()
            .create([h._prepare_move_vals(lot) for h, lot in zip(self, lots, strict=True)])
        )
        moves._action_confirm()
        moves.picked = True
        moves._action_done()
        for harvest, lot in zip(self, lots, strict=True):
            harvest.sudo().write({"state": "done", "lot_id": lot.id})
        return True

    def action_recall_list(self):
        self.ensure_one()
        return self.lot_id.action_recall_list()

    def action_cancel(self):
        """A harvest in stock is cancelled only while none of it has left the farm."""
        done = self.filtered(lambda h: h.state == "done")
        delivered = done.lot_id.sudo()._recall_deliveries()
        for harvest in done:
            if harvest.lot_id.id in delivered:
                raise UserError(
                    self.env._(
                        "%(lot)s has already been delivered: it cannot be cancelled.",
                        lot=harvest.name,
                    )
                )
            harvest._scrap_remaining()
        self.sudo().state = "cancelled"
        return True

    def _scrap_remaining(self):
        """What is still in stock of the lot goes back out to the harvest location."""
        self.ensure_one()
        quants = self.lot_id.sudo().quant_ids.filtered(
            lambda q: q.location_id.usage == "internal" and q.quantity > 0
        )
        moves = (
            self.env["stock.move"]
            .sudo()
            .create(
                [
                    self._prepare_move_vals(
                        self.lot_id, quant.quantity, quant.location_id, self._harvest_location()
                    )
                    for quant in quants
                ]
            )
        )
        moves._action_confirm()
        moves.picked = True
        moves._action_done()

    def _harvest_location(self):
        return self.env.ref("seconde_pousse_canteen.stock_location_harvest")

    def _prepare_lot_vals(self):
        expiration = self.expiration_date and datetime.combine(self.expiration_date, time(12))
        return {
            "name": self.name,
            "product_id": self.product_id.id,
            "company_id": self.company_id.id,
            "harvest_date": self.harvest_date,
            "parcel_id": self.parcel_id.id,
            "intervention_ids": [fields.Command.set(self.intervention_ids.ids)],
            "harvest_id": self.id,
            "expiration_date": expiration,
        }

    def _prepare_move_vals(self, lot, quantity=None, source=None, destination=None):
        """A done move of the lot: from the harvest location into the farm's stock."""
        if destination is None:
            warehouse = self.env["stock.warehouse"].search(
                [("company_id", "=", self.company_id.id)], limit=1
            )
            destination = warehouse.lot_stock_id
        source = source or self._harvest_location()
        quantity = self.quantity if quantity is None else quantity
        places = {
            "product_id": self.product_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
        }
        line = {**places, "lot_id": lot.id, "quantity": quantity}
        return {
            **places,
            "name": self.env._("Harvest %(lot)s", lot=self.name),
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": quantity,
            "company_id": self.company_id.id,
            "origin": self.name,
            "move_line_ids": [fields.Command.create(line)],
        }
