# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_install, test_platform, test_timezone, test_workflow_guard
