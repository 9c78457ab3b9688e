# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farm's membership on the portal: its status and dates on the home page, the
history of its years, and its certificate as a PDF, for the farm's own people only."""

from odoo import http
from odoo.http import request

from .portal import FarmCustomerPortal


class FarmMembershipPortal(FarmCustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            values["farm_membership"] = self._farm_portal_farm()
        return values

    @http.route(["/my/membership"], type="http", auth="user", website=True)
    def portal_farm_membership(self, **kw):
        farm = self._farm_portal_farm()
        if not farm:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "farm_membership",
                "farm_membership": farm,
                "membership_years": farm._farm_membership_history(),
            }
        )
        return request.render("seconde_pousse_farm.portal_my_farm_membership", values)

    @http.route(["/my/membership/certificate"], type="http", auth="user", website=True)
    def portal_farm_membership_certificate(self, **kw):
        farm = self._farm_portal_farm()
        if not farm or farm.farm_membership_status != "member":
            return request.redirect("/my")
        pdf, __ = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "seconde_pousse_farm.action_report_farm_membership_certificate", farm.ids
            )
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", 'inline; filename="attestation-adhesion.pdf"'),
            ],
        )
