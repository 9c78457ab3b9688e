# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """Odoo loads the French chart after the addons' data (or first in the demo), when
        it sets every product's default VAT on goods: the farm's work gets the VAT on
        services again, once the chart's taxes exist, and the membership fee the
        association's setting (no tax when it is empty)."""
        result = super()._post_load_data(template_code, company, template_data)
        company = company or self.env.company
        self.env["farm.task.type"].with_company(company)._apply_service_tax()
        company._farm_apply_membership_tax()
        return result
