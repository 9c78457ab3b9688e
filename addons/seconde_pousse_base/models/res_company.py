# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tz = fields.Selection(
        related="partner_id.tz",
        store=True,
        readonly=False,
        string="Time zone",
        help="The programme's times (jobs, canteen order deadlines) are read in this zone, "
        "whoever reads them.",
    )
    document_siret = fields.Char(
        string="SIRET on documents",
        compute="_compute_document_siret",
        help="The SIRET the documents print: French localisation's, else the registry number.",
    )

    @api.depends("company_registry")
    def _compute_document_siret(self):
        # l10n_fr adds the SIRET when installed; the base addon does not depend on it
        has_siret = "siret" in self._fields
        for company in self:
            company.document_siret = (has_siret and company.siret) or company.company_registry
