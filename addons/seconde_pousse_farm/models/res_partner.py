# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from stdnum.fr import siret as siret_checker

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# the actions the farm's smart buttons may open (a client names one in the context)
FARM_RECORD_ACTIONS = (
    "seconde_pousse_farm.farm_intervention_request_action",
    "seconde_pousse_farm.farm_intervention_action",
    "seconde_pousse_farm.farm_intervention_review_action",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_farm = fields.Boolean("Farm", index=True, tracking=True)
    farm_production_ids = fields.Many2many("farm.production", string="Productions")
    farm_surface = fields.Float("Surface (ha)", digits=(10, 2))
    farm_organic = fields.Selection(
        [
            ("none", "Conventional"),
            ("conversion", "In conversion"),
            ("certified", "Certified organic"),
        ],
        string="Organic farming",
        default="none",
    )
    farm_certifier = fields.Char("Certification body")
    farm_site_address = fields.Text(
        "Work site", help="Where the team goes, when it is not the address above."
    )
    farm_closed_period_ids = fields.One2many(
        "farm.closed.period", "partner_id", string="Closed periods"
    )
    farm_request_ids = fields.One2many("farm.intervention.request", "partner_id", string="Requests")
    farm_intervention_ids = fields.One2many(
        "farm.intervention", "partner_id", string="Interventions"
    )
    farm_request_count = fields.Integer(compute="_compute_farm_counts", string="Requests count")
    farm_intervention_count = fields.Integer(
        compute="_compute_farm_counts", string="Interventions count"
    )
    farm_review_count = fields.Integer(compute="_compute_farm_counts", string="Reviews count")

    def _compute_membership_state(self):
        """Odoo's membership runs three searches per partner, members or not: creating
        1,000 farms ran 3,000 of them. A partner with no membership line, no associate and
        no free membership is simply not a member, which needs no search."""
        plain = self.filtered(
            lambda p: not p.member_lines and not p.associate_member and not p.free_member
        )
        plain.update(
            {
                "membership_state": "none",
                "membership_start": False,
                "membership_stop": False,
                "membership_cancel": False,
            }
        )
        return super(ResPartner, self - plain)._compute_membership_state()

    @api.depends("farm_request_ids", "farm_intervention_ids")
    def _compute_farm_counts(self):
        counts = {}
        for model in ("farm.intervention.request", "farm.intervention", "farm.intervention.review"):
            groups = self.env[model]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
            counts[model] = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.farm_request_count = counts["farm.intervention.request"].get(partner.id, 0)
            partner.farm_intervention_count = counts["farm.intervention"].get(partner.id, 0)
            partner.farm_review_count = counts["farm.intervention.review"].get(partner.id, 0)

    @api.constrains("siret", "is_farm")
    def _check_farm_siret(self):
        for partner in self.filtered(lambda p: p.is_farm and p.siret):
            if not siret_checker.is_valid(partner.siret):
                raise ValidationError(
                    _(
                        "The SIRET number %(siret)s of %(farm)s is not valid.",
                        siret=partner.siret,
                        farm=partner.name,
                    )
                )

    @api.constrains("farm_surface")
    def _check_farm_surface(self):
        if any(partner.farm_surface < 0 for partner in self):
            raise ValidationError(_("A farm surface cannot be negative."))

    @api.depends("country_code", "commercial_partner_id.is_farm")
    def _compute_invoice_edi_format(self):
        return super()._compute_invoice_edi_format()

    def _get_suggested_invoice_edi_format(self):
        """A farm, a French business, is invoiced in Factur-X (the e-invoicing reform),
        unless someone chose another format on it."""
        suggested = super()._get_suggested_invoice_edi_format()
        if not suggested and self.commercial_partner_id.is_farm:
            return "facturx"
        return suggested

    def action_view_farm_records(self):
        """Smart buttons: open the action named in the context on this farm's records.

        Only one of the farm's own actions: `_for_xml_id` reads any action as superuser."""
        self.ensure_one()
        xml_id = self.env.context.get("farm_action")
        if not xml_id:
            raise UserError(
                _(
                    "This button opens a farm's requests, interventions or reviews: the context must name which in farm_action."  # noqa: E501
                )
            )
        if xml_id not in FARM_RECORD_ACTIONS:
            raise UserError(
                _(
                    "This button opens only a farm's requests, interventions or reviews: farm_action cannot name %(action)s.",  # noqa: E501
                    action=str(xml_id),
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = (
            {"default_partner_id": self.id} if self.env.context.get("farm_default") else {}
        )
        return action
