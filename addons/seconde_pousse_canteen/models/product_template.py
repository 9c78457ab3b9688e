# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command

from odoo.addons.seconde_pousse_farm.models.farm_task_type import french_sale_tax

from .egalim import CATEGORIES, FAMILIES, LOCAL_DEFINITIONS, ORIGINS, top_category


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_produce = fields.Boolean(
        "Farm produce",
        index=True,
        tracking=True,
        help="Grown at the programme's own farm and offered to the canteens: tracked by "
        "harvest lot, with its EGalim data and its season.",
    )
    egalim_family = fields.Selection(FAMILIES, "EGalim family", tracking=True)
    egalim_label_ids = fields.Many2many(
        "canteen.egalim.label", string="EGalim characteristics", tracking=True
    )
    egalim_category = fields.Selection(
        CATEGORIES,
        "EGalim category",
        compute="_compute_egalim_category",
        store=True,
        help="The highest of its characteristics: organic, then SIQO, then the other labels.",
    )
    egalim_origin = fields.Selection(ORIGINS, "Origin", default="FRANCE")
    origin_place = fields.Char(
        "Place of origin", help="Where it grows, as the delivery note shows it."
    )
    egalim_short_circuit = fields.Boolean(
        "Short supply chain", help="At most one intermediary between the farm and the canteen."
    )
    egalim_local = fields.Boolean("Local")
    egalim_local_definition = fields.Selection(LOCAL_DEFINITIONS, "Local definition")
    egalim_local_km = fields.Integer("Local within (km)")
    season_month_ids = fields.Many2many(
        "canteen.season.month",
        string="Season",
        help="The months it can be ordered. Empty: all year round.",
    )
    season_label = fields.Char("Season months", compute="_compute_season_label")
    egalim_summary = fields.Char("EGalim", compute="_compute_egalim_summary")

    @api.depends("egalim_label_ids.category")
    def _compute_egalim_category(self):
        for template in self:
            template.egalim_category = top_category(template.egalim_label_ids)

    @api.depends("season_month_ids")
    def _compute_season_label(self):
        names = {month.number: month.name for month in self.env["canteen.season.month"].search([])}
        for template in self:
            numbers = set(template.season_month_ids.mapped("number"))
            if not numbers or len(numbers) == 12:
                template.season_label = self.env._("All year round")
                continue
            runs = [
                names[first]
                if first == last
                else self.env._("%(first)s to %(last)s", first=names[first], last=names[last])
                for first, last in _runs(numbers)
            ]
            template.season_label = ", ".join(runs)

    @api.depends(
        "egalim_family",
        "egalim_label_ids",
        "egalim_origin",
        "egalim_local_definition",
        "egalim_local_km",
    )
    def _compute_egalim_summary(self):
        describe = self._egalim_describer()
        for template in self:
            template.egalim_summary = template.egalim_family and describe(
                ",".join(template.egalim_label_ids.mapped("code")),
                template.egalim_origin,
                template.egalim_local_definition,
                template.egalim_local_km,
            )

    @api.model
    def _egalim_describer(self):
        """A function describing EGalim data in one line, as delivery notes and invoices
        print it: "Agriculture biologique · Origine France · Local : département"."""
        labels = {label.code: label.name for label in self.env["canteen.egalim.label"].search([])}
        origins = dict(self._fields["egalim_origin"]._description_selection(self.env))
        locals_ = dict(self._fields["egalim_local_definition"]._description_selection(self.env))
        env = self.env

        def describe(codes, origin, local_definition, km):
            parts = [labels.get(code, code) for code in (codes or "").split(",") if code]
            parts = parts or [env._("No EGalim label")]
            if origin:
                parts.append(env._("Origin: %(origin)s", origin=origins[origin]))
            if local_definition == "KM":
                parts.append(env._("Local: within %(km)s km", km=km))
            elif local_definition:
                parts.append(env._("Local: %(definition)s", definition=locals_[local_definition]))
            return " · ".join(parts)

        return describe

    @api.onchange("is_produce")
    def _onchange_is_produce(self):
        if self.is_produce:
            self.update(self._produce_defaults())

    @api.model
    def _produce_defaults(self):
        return {
            "type": "consu",
            "is_storable": True,
            "tracking": "lot",
            "use_expiration_date": True,
            "invoice_policy": "delivery",
            "sale_ok": True,
            "egalim_short_circuit": True,
            "categ_id": self.env.ref("seconde_pousse_canteen.product_category_produce").id,
        }

    @api.model
    def _produce_tax(self):
        """French VAT on fresh produce: the reduced rate of 5.5 % on goods."""
        return french_sale_tax(self.env, "consu", 5.5)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_produce"):
                for name, value in self._produce_defaults().items():
                    vals.setdefault(name, value)
                if "taxes_id" not in vals and (tax := self._produce_tax()):
                    vals["taxes_id"] = [Command.set(tax.ids)]
        return super().create(vals_list)

    @api.constrains("is_produce", "tracking", "is_storable", "egalim_family")
    def _check_produce(self):
        for template in self.filtered("is_produce"):
            if template.tracking != "lot" or not template.is_storable:
                raise ValidationError(
                    self.env._(
                        "%(product)s is farm produce: it must be stored and tracked by lot, "
                        "so that each delivery names its harvest.",
                        product=template.name,
                    )
                )
            if not template.egalim_family:
                raise ValidationError(
                    self.env._(
                        "%(product)s is farm produce: choose its EGalim family.",
                        product=template.name,
                    )
                )

    @api.constrains("egalim_local", "egalim_local_definition", "egalim_local_km")
    def _check_local_definition(self):
        for template in self:
            definition = template.egalim_local_definition
            if template.egalim_local and not definition:
                raise ValidationError(
                    self.env._(
                        "%(product)s is local: say how (municipality, department, region, "
                        "territorial food project or distance).",
                        product=template.name,
                    )
                )
            if definition and not template.egalim_local:
                raise ValidationError(
                    self.env._(
                        "%(product)s has a local definition but is not marked local.",
                        product=template.name,
                    )
                )
            if (definition == "KM") != (template.egalim_local_km > 0):
                raise ValidationError(
                    self.env._(
                        "%(product)s: a distance in km is given when, and only when, the "
                        "local definition is a distance, and it is positive.",
                        product=template.name,
                    )
                )

    def _is_in_season(self, day):
        """Whether the produce can be ordered for a delivery on day."""
        self.ensure_one()
        months = self.season_month_ids
        return not months or day.month in months.mapped("number")


def _runs(numbers):
    """Months as runs of consecutive ones, a run may go over the new year:
    {1, 2, 3, 6, 7, 8, 9, 10, 11, 12} -> [(6, 3)]; {3, 4, 9, 10} -> [(3, 4), (9, 10)]."""
    starts = sorted(month for month in numbers if (month - 2) % 12 + 1 not in numbers)
    runs = []
    for start in starts:
        end = start
        while end % 12 + 1 in numbers:
            end = end % 12 + 1
        runs.append((start, end))
    return runs
