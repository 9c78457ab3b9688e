# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The programme's time zone: Seconde Pousse works in Provence."""

PROGRAMME_TZ = "Europe/Paris"


def local_tz(env):
    """The time zone to show times in: the request's, else the user's, else Provence's."""
    return env.context.get("tz") or env.user.tz or PROGRAMME_TZ
