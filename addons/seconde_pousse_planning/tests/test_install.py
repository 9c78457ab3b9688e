# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.seconde_pousse_base.tests.common import InstallCheckMixin


@tagged("post_install", "-at_install")
class TestInstall(InstallCheckMixin, TransactionCase):
    module = "seconde_pousse_planning"
    version = "18.0.1.1.0"  # 1.1: hours recorded per person and task
