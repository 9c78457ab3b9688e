# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The time zone the programme's times are read in: Seconde Pousse works in Provence."""

import pytz

PROGRAMME_TZ = "Europe/Paris"


def local_tz(env, company=None, rule=False):
    """The company's time zone (its address's), else the user's, else Provence's.

    The company's comes first: a job's hours are the farm's local time, whoever reads
    them and wherever they are. ``rule=True`` is for a time that binds everyone, such as
    a canteen's order deadline: the company's or Provence's, never a user's own setting.
    """
    # stored on the company (from its address), read with the company's row: no query
    company_tz = (company or env.company).sudo().tz
    if company_tz:
        return company_tz
    if rule:
        return PROGRAMME_TZ
    # a client's context can hold any text: only a known zone counts
    for tz in (env.context.get("tz"), env.user.tz):
        if isinstance(tz, str) and tz in pytz.all_timezones_set:
            return tz
    return PROGRAMME_TZ
