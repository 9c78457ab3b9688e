# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_canteen_order,
    test_harvest,
    test_hostile_clients,
    test_install,
    test_produce,
)
