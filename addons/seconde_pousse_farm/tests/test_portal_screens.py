# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .portal_common import FarmPortalCase

PAGE_SHOWN = """
const main = document.querySelector("#wrap, main");
if (!main || !main.innerText.trim()) {
    console.error(`the page ${location.pathname} shows nothing`);
} else if (document.querySelector(".o_error_dialog")) {
    console.error(`the page ${location.pathname} shows an error`);
} else {
    console.log("test successful");
}
"""


@tagged("post_install", "-at_install")
class TestFarmerScreens(FarmPortalCase):
    def test_farmer_opens_every_portal_page(self):
        """Every portal page of a farmer loads in Chromium without a client error."""
        pages = [
            "/my",
            "/my/requests",
            "/my/requests/new",
            self.request_a.access_url,
            "/my/interventions",
            self.intervention_a.access_url,
            self.review_a.access_url,
            "/my/invoices",
        ]
        self.authenticate("farmer_a", "farmer_a")
        for page in pages:
            with self.subTest(page=page):
                self.assertEqual(self.url_open(page).status_code, 200, page)
                self.browser_js(page, PAGE_SHOWN, login="farmer_a", timeout=60)
