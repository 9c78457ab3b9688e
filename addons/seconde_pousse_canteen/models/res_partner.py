# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz
from stdnum.fr import siret as siret_checker

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.seconde_pousse_base.models.timezone import local_tz
from odoo.addons.seconde_pousse_farm.models.farm_intervention_series import WEEKDAYS

CANTEEN_KINDS = [
    ("school", "School catering"),
    ("college", "Secondary school"),
    ("health", "Hospital or care home"),
    ("company", "Company or administration"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_canteen = fields.Boolean("Canteen", index=True, tracking=True)
    canteen_kind = fields.Selection(CANTEEN_KINDS, "Kind of canteen")
    canteen_meals = fields.Integer("Meals a day")
    canteen_public_buyer = fields.Boolean(
        "Public buyer",
        tracking=True,
        help="Receives its invoices through Chorus Pro, in Factur-X, with its SIRET and "
        "service code.",
    )
    canteen_service_code = fields.Char(
        "Chorus Pro service code", tracking=True, help="'Service exécutant' in Chorus Pro."
    )
    canteen_commitment_number = fields.Char(
        "Legal commitment number", tracking=True, help="'Engagement juridique' in Chorus Pro."
    )
    canteen_market_number = fields.Char(
        "Market number", tracking=True, help="'Numéro de marché' in Chorus Pro."
    )
    canteen_slot_ids = fields.One2many(
        "canteen.delivery.slot", "partner_id", string="Delivery slots"
    )
    canteen_order_count = fields.Integer("Canteen orders", compute="_compute_canteen_order_count")

    def _compute_canteen_order_count(self):
        groups = self.env["sale.order"]._read_group(
            [("partner_id", "in", self.ids), ("canteen_week_id", "!=", False)],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.canteen_order_count = counts.get(partner.id, 0)

    @api.constrains("siret", "is_canteen")
    def _check_canteen_siret(self):
        for partner in self.filtered(lambda p: p.is_canteen and p.siret):
            if not siret_checker.is_valid(partner.siret):
                raise ValidationError(
                    self.env._(
                        "The SIRET number %(siret)s of the canteen %(canteen)s is not valid.",
                        siret=partner.siret,
                        canteen=partner.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_canteen") and vals.get("canteen_public_buyer"):
                vals.setdefault("invoice_edi_format", "facturx")
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("canteen_public_buyer") and "invoice_edi_format" not in vals:
            vals = {**vals, "invoice_edi_format": "facturx"}
        return super().write(vals)

    @api.depends(
        "country_code", "commercial_partner_id.is_farm", "commercial_partner_id.is_canteen"
    )
    def _compute_invoice_edi_format(self):
        return super()._compute_invoice_edi_format()

    def _get_suggested_invoice_edi_format(self):
        """A canteen, public or private, is invoiced in Factur-X (the e-invoicing
        reform), unless someone chose another format on it."""
        suggested = super()._get_suggested_invoice_edi_format()
        if not suggested and self.commercial_partner_id.is_canteen:
            return "facturx"
        return suggested

    def _canteen_chorus_problems(self):
        """What a public buyer misses for Chorus Pro, as sentences (empty when complete)."""
        self.ensure_one()
        problems = []
        if not self.siret:
            problems.append(self.env._("its SIRET"))
        if not self.canteen_service_code:
            problems.append(self.env._("its Chorus Pro service code"))
        return problems

    def _canteen_delivery_address(self):
        """Where deliveries go: the canteen's delivery address, else the canteen itself."""
        self.ensure_one()
        canteen = self.commercial_partner_id
        return canteen.child_ids.filtered(lambda c: c.type == "delivery")[:1] or canteen

    def _canteen_delivery_date(self, week):
        """When the week's delivery reaches the canteen: its first delivery slot of the
        week (Tuesday 8:00 when it has none), in UTC as Odoo stores it."""
        slot = self.sudo().commercial_partner_id.canteen_slot_ids[:1]
        weekday, hour = (int(slot.weekday), slot.hour_from) if slot else (1, 8.0)
        hours, minutes = divmod(round(hour * 60), 60)
        day = week.date_start + timedelta(days=weekday)
        local = pytz.timezone(local_tz(self.env, week.company_id, rule=True)).localize(
            datetime.combine(day, time(hours, minutes))
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def action_view_canteen_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_canteen.sale_order_action_canteen"
        )
        action["domain"] = [("partner_id", "=", self.id), ("canteen_week_id", "!=", False)]
        action["context"] = {"default_partner_id": self.id}
        return action


class CanteenDeliverySlot(models.Model):
    _name = "canteen.delivery.slot"
    _description = "Delivery slot of a canteen"
    _order = "partner_id, weekday, hour_from"

    partner_id = fields.Many2one("res.partner", "Canteen", required=True, ondelete="cascade")
    weekday = fields.Selection(WEEKDAYS, required=True, default="1")
    hour_from = fields.Float("From", required=True, default=8.0)
    hour_to = fields.Float("To", required=True, default=10.0)

    @api.depends("weekday", "hour_from", "hour_to")
    def _compute_display_name(self):
        days = dict(self._fields["weekday"]._description_selection(self.env))
        for slot in self:
            slot.display_name = self.env._(
                "%(day)s %(start)s–%(end)s",
                day=days.get(slot.weekday, ""),
                start=_hours(slot.hour_from),
                end=_hours(slot.hour_to),
            )

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for slot in self:
            if not 0 <= slot.hour_from < slot.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "Delivery slot of %(canteen)s: the hours run from 0:00 to 24:00, the "
                        "start before the end.",
                        canteen=slot.partner_id.name,
                    )
                )


def _hours(value):
    hours, minutes = divmod(round(value * 60), 60)
    return f"{hours}h{minutes:02d}"
