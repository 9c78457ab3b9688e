# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The days of a recurring request's visits: its frequency on its weekday, within its
season (say June to September), skipping French public holidays, the days the
company's working calendar closes and the farm's own closed periods. Generated on a
rolling horizon by a scheduled job, a few weeks ahead, never a whole series at once."""

from datetime import date, datetime, time, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HORIZON_WEEKS = 8


def french_public_holidays(year):
    """The eleven public holidays of metropolitan France."""
    easter_day = easter(year)
    return {
        date(year, 1, 1),
        easter_day + timedelta(days=1),  # lundi de Pâques
        date(year, 5, 1),
        date(year, 5, 8),
        easter_day + timedelta(days=39),  # Ascension
        easter_day + timedelta(days=50),  # lundi de Pentecôte
        date(year, 7, 14),
        date(year, 8, 15),
        date(year, 11, 1),
        date(year, 11, 11),
        date(year, 12, 25),
    }


def in_season(day, first_month, last_month):
    """Whether day falls in the months first_month..last_month (which may wrap over
    the new year, as November to February)."""
    if not first_month or not last_month:
        return True
    first, last, month = int(first_month), int(last_month), day.month
    return first <= month <= last if first <= last else month >= first or month <= last


def first_on_weekday(day, weekday):
    """The first day on or after day that falls on weekday (0 is Monday)."""
    if weekday in (False, None, ""):
        return day
    return day + timedelta(days=(int(weekday) - day.weekday()) % 7)


def candidate_days(start, end, step, weekday):
    """Every step from the first weekday on or after start, until end."""
    day = first_on_weekday(start, weekday)
    while day <= end:
        yield day
        day = day + step if isinstance(step, relativedelta) else day + timedelta(days=step)


def float_to_time(hours):
    hours = max(0.0, min(hours or 0.0, 23.99))
    minutes = round(hours * 60)
    return time(minutes // 60, minutes % 60)


def local_start(day, hours):
    return datetime.combine(day, float_to_time(hours))
