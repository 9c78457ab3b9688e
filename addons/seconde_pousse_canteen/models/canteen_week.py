# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, format_datetime

from odoo.addons.seconde_pousse_base.models.roles import COORDINATOR
from odoo.addons.seconde_pousse_base.models.timezone import local_tz

MAX_QUANTITY = 100000  # offered of one produce in a week, in its unit


class CanteenWeek(models.Model):
    _name = "canteen.week"
    _inherit = ["mail.thread", "farm.workflow.guard"]
    _description = "Weekly offer to the canteens"
    _order = "date_start desc"
    _workflow_fields = ("state",)

    name = fields.Char(compute="_compute_name", store=True)
    date_start = fields.Date("Week of", required=True, tracking=True)
    date_end = fields.Date(compute="_compute_date_end", store=True)
    cutoff = fields.Datetime(
        "Order cut-off",
        compute="_compute_cutoff",
        store=True,
        readonly=False,
        tracking=True,
        help="Canteens order and change their orders until then.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("canteen.availability", "week_id", string="Produce offered")
    order_ids = fields.One2many("sale.order", "canteen_week_id", string="Orders")
    order_count = fields.Integer(compute="_compute_order_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("week_unique", "unique(company_id, date_start)", "There is one offer per week."),
    ]

    @api.depends("date_start", "company_id")
    def _compute_name(self):
        """Stored in the association's language (its company's), whoever creates it."""
        for week in self:
            lang = week.company_id.partner_id.lang or self.env.lang
            env = week.with_context(lang=lang).env
            week.name = week.date_start and env._(
                "Week of %(day)s", day=format_date(env, week.date_start)
            )

    @api.depends("date_start")
    def _compute_date_end(self):
        for week in self:
            week.date_end = week.date_start and week.date_start + timedelta(days=6)

    @api.depends("date_start", "company_id")
    def _compute_cutoff(self):
        for week in self.filtered("date_start"):
            week.cutoff = week.company_id._canteen_default_cutoff(week.date_start)

    def _compute_order_count(self):
        groups = self.env["sale.order"]._read_group(
            [("canteen_week_id", "in", self.ids), ("state", "!=", "cancel")],
            ["canteen_week_id"],
            ["__count"],
        )
        counts = {week.id: count for week, count in groups}
        for week in self:
            week.order_count = counts.get(week.id, 0)

    @api.constrains("date_start", "cutoff")
    def _check_dates(self):
        for week in self:
            if week.date_start.weekday() != 0:
                raise ValidationError(
                    self.env._(
                        "A weekly offer starts on a Monday (%(day)s is not).",
                        day=format_date(self.env, week.date_start),
                    )
                )
            if week.cutoff and week.cutoff.date() > week.date_end:
                raise ValidationError(
                    self.env._(
                        "%(week)s: the order cut-off must come before the week ends.",
                        week=week.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ordered(self):
        if self.sudo().order_ids:
            raise UserError(
                self.env._("A week with orders is kept: unpublish it or cancel its orders.")
            )

    def _day_label(self):
        """The week's Monday as a sentence names it: "the week of %s"."""
        self.ensure_one()
        return format_date(self.env, self.date_start)

    def _is_open(self, now=None):
        """Whether canteens may still order and change their orders for this week."""
        self.ensure_one()
        return self.state == "published" and (now or fields.Datetime.now()) < self.cutoff

    def _cutoff_label(self):
        self.ensure_one()
        pattern = self.env._("EEEE d MMMM 'at' HH:mm")
        return format_datetime(
            self.env, self.cutoff, local_tz(self.env, self.company_id, rule=True), pattern
        )

    # ------------------------------------------------------------
    # Portal (read with sudo by the controller, for the canteen of the logged-in user)
    # ------------------------------------------------------------
    def _portal_offer(self, canteen):
        """What the canteen's order page shows of the week, in a fixed number of queries."""
        self.ensure_one()
        order = self.env["sale.order"]._canteen_order_of(canteen, self)
        ordered = {
            line.canteen_availability_id.id: line.product_uom_qty
            for line in order.order_line
            if line.canteen_availability_id
        }
        day = canteen._canteen_delivery_date(self)
        offers = self.line_ids.filtered(
            lambda offer: offer.quantity_offered > 0 or offer.id in ordered
        )
        return {
            "offers": offers,
            "order": order,
            "ordered": ordered,
            "in_season": {
                offer.id: offer.product_id.product_tmpl_id._is_in_season(day) for offer in offers
            },
            "is_open": self._is_open(),
            "cutoff_label": self._cutoff_label(),
            "delivery_date": day,
        }

    @api.model
    def _portal_home(self, canteen):
        """The canteen's home: weeks open to orders, its orders, deliveries, statements."""
        now = fields.Datetime.now()
        weeks = self.search([("state", "=", "published"), ("cutoff", ">", now)], order="date_start")
        Order = self.env["sale.order"]
        orders = Order.search(
            [("partner_id", "=", canteen.id), ("canteen_week_id", "!=", False)],
            order="commitment_date desc, id desc",
            limit=12,
        )
        deliveries = self.env["stock.picking"].search(
            [
                ("partner_id", "child_of", canteen.id),
                ("picking_type_code", "=", "outgoing"),
                ("state", "!=", "cancel"),
            ],
            order="scheduled_date desc, id desc",
            limit=12,
        )
        for order in deliveries.sale_id:
            order._portal_ensure_token()
        return {
            "open_weeks": weeks,
            "week_orders": {order.canteen_week_id.id: order for order in orders},
            "orders": orders,
            "deliveries": deliveries,
            "statements": self.env["canteen.egalim.statement"].search(
                [("partner_id", "=", canteen.id)]
            ),
        }

    def _check_open_for(self, user):
        """Orders of the week change until the cut-off; a coordinator may still correct
        them afterwards (a call from the kitchen)."""
        self.ensure_one()
        if self.state != "published":
            raise ValidationError(
                self.env._("The week of %(week)s is not open to orders.", week=self._day_label())
            )
        if not self._is_open() and not user.has_group(COORDINATOR):
            raise ValidationError(
                self.env._(
                    "Orders for the week of %(week)s closed on %(cutoff)s: "
                    "they can no longer be placed or changed.",
                    week=self._day_label(),
                    cutoff=self._cutoff_label(),
                )
            )

    def action_publish(self):
        self._check_role(COORDINATOR, self.env._("publish a weekly offer"))
        for week in self:
            if week.state != "draft":
                raise UserError(
                    self.env._("The week of %(week)s is already published.", week=week._day_label())
                )
            if not week.line_ids:
                raise UserError(self.env._("%(week)s: offer at least one produce.", week=week.name))
            week.line_ids._check_in_season()
        self.sudo().state = "published"
        return True

    def action_unpublish(self):
        self._check_role(COORDINATOR, self.env._("unpublish a weekly offer"))
        self.sudo().state = "draft"
        return True

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_canteen.sale_order_action_canteen"
        )
        action["domain"] = [("canteen_week_id", "=", self.id)]
        action["context"] = {"default_canteen_week_id": self.id}
        return action


class CanteenAvailability(models.Model):
    _name = "canteen.availability"
    _description = "Produce offered to the canteens in a week"
    _order = "week_id desc, sequence, id"

    week_id = fields.Many2one("canteen.week", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        "Produce",
        required=True,
        domain=[("is_produce", "=", True)],
        ondelete="restrict",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    price_unit = fields.Float(related="product_id.lst_price", string="Price")
    quantity_offered = fields.Float("Offered", digits="Product Unit of Measure", required=True)
    quantity_ordered = fields.Float(
        "Ordered",
        digits="Product Unit of Measure",
        compute="_compute_quantity_ordered",
        store=True,
    )
    quantity_remaining = fields.Float(
        "Remaining",
        digits="Product Unit of Measure",
        compute="_compute_quantity_ordered",
        store=True,
    )
    order_line_ids = fields.One2many("sale.order.line", "canteen_availability_id")

    _sql_constraints = [
        ("product_unique", "unique(week_id, product_id)", "A produce is offered once a week."),
        ("offered_positive", "CHECK(quantity_offered >= 0)", "An offer cannot be negative."),
        # the last word when two canteens order at once: never more than offered
        (
            "ordered_within_offer",
            "CHECK(quantity_ordered <= quantity_offered)",
            "The orders of a produce exceed what is offered this week.",
        ),
    ]

    @api.depends(
        "quantity_offered",
        "order_line_ids.product_uom_qty",
        "order_line_ids.product_uom",
        "order_line_ids.state",
    )
    def _compute_quantity_ordered(self):
        for availability in self:
            lines = availability.order_line_ids.filtered(lambda line: line.state != "cancel")
            ordered = sum(
                line.product_uom._compute_quantity(line.product_uom_qty, availability.uom_id)
                for line in lines
            )
            availability.quantity_ordered = ordered
            availability.quantity_remaining = availability.quantity_offered - ordered

    @api.constrains("quantity_offered")
    def _check_quantity_offered(self):
        for availability in self:
            if not 0 <= availability.quantity_offered <= MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "%(product)s: the quantity offered is between 0 and %(max)s.",
                        product=availability.product_id.display_name,
                        max=MAX_QUANTITY,
                    )
                )
            if availability.quantity_offered < availability.quantity_ordered:
                raise ValidationError(
                    self.env._(
                        "%(product)s: %(ordered)s %(unit)s are already ordered for the week "
                        "of %(week)s; the offer cannot be lower.",
                        product=availability.product_id.display_name,
                        ordered=availability.quantity_ordered,
                        unit=availability.uom_id.name,
                        week=availability.week_id._day_label(),
                    )
                )

    def _check_in_season(self):
        for availability in self:
            product = availability.product_id.product_tmpl_id
            week = availability.week_id
            # a week across two months offers what is in season in either of them
            if not (product._is_in_season(week.date_start) or product._is_in_season(week.date_end)):
                raise ValidationError(
                    self.env._(
                        "%(product)s is out of season in the week of %(week)s "
                        "(season: %(season)s).",
                        product=product.name,
                        week=availability.week_id._day_label(),
                        season=product.season_label,
                    )
                )
