# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import (
    test_assignment,
    test_booking,
    test_concurrency,
    test_confidential_fields,
    test_hostile_clients,
    test_install,
    test_query_count,
    test_roster,
    test_screens,
    test_team_builder,
    test_timeline_ui,
    test_views,
)
