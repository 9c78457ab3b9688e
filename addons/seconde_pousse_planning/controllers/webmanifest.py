# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _
from odoo.http import request

from odoo.addons.seconde_pousse_base.models.roles import SUPERVISOR
from odoo.addons.web.controllers.webmanifest import WebManifest

MY_DAY_URL = "/odoo/ma-journee"
ICON = "/seconde_pousse_planning/static/description/icon.svg"


class SecondePousseWebManifest(WebManifest):
    """ "Ma journée" as a shortcut of Odoo's web app for supervisors, and its own icon when
    installed alone (Odoo's scoped app)."""

    def _get_shortcuts(self):
        shortcuts = super()._get_shortcuts()
        if not request.env.user._is_public() and request.env.user.has_group(SUPERVISOR):
            shortcuts.insert(
                0,
                {
                    "name": _("My day"),
                    "url": MY_DAY_URL,
                    "description": _("Roll-call, hours, equipment and signature in the field"),
                    "icons": [{"sizes": "any", "src": ICON, "type": "image/svg+xml"}],
                },
            )
        return shortcuts

    def _get_scoped_app_name(self, app_id):
        if app_id == "seconde_pousse_planning":
            return _("My day")
        return super()._get_scoped_app_name(app_id)
