# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farm's rules pinned at their edges: the membership renewed on the 30th day before
its end (not the 31st), and the movable public holidays of several years (lundi de
Pâques, Ascension, lundi de Pentecôte) skipped by recurring visits."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.farm_recurrence import french_public_holidays
from .common import FarmCase
from .test_membership import MembershipSteps

# signed on 10 March 2026: a member until 9 March 2027
END = date(2027, 3, 9)
DAY_31_BEFORE, DAY_30_BEFORE, DAY_29_BEFORE = date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)

ONE_DAY = timedelta(days=1)

# the movable holidays as the French calendars print them (not computed from Easter here)
MOVABLE_HOLIDAYS = {
    # year: (lundi de Pâques, Ascension, lundi de Pentecôte)
    2024: (date(2024, 4, 1), date(2024, 5, 9), date(2024, 5, 20)),
    2025: (date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9)),
    2026: (date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)),
    2027: (date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17)),
    2028: (date(2028, 4, 17), date(2028, 5, 25), date(2028, 6, 5)),
    2038: (date(2038, 4, 26), date(2038, 6, 3), date(2038, 6, 14)),
}


@tagged("post_install", "-at_install")
class TestRenewalNoticeEdge(MembershipSteps, FarmCase):
    """RENEWAL_NOTICE_DAYS = 30: the daily job renews a year ending within 30 days."""

    def setUp(self):
        super().setUp()
        self.sign_on(date(2026, 3, 10))
        self.assertEqual(self.status(date(2026, 3, 10))[2], END)

    def assertRenewed(self):
        self.assertEqual(
            [(date_from, date_to) for date_from, date_to, __ in self.years()],
            [(date(2026, 3, 10), END), (date(2027, 3, 10), date(2028, 3, 9))],
        )

    def test_the_31st_day_before_the_end_renews_nothing(self):
        self.cron_on(DAY_31_BEFORE)
        self.assertEqual(len(self.farm.member_lines), 1)
        self.assertFalse(self.farm.activity_ids)

    def test_the_30th_day_before_the_end_renews_the_year(self):
        self.cron_on(DAY_30_BEFORE)
        self.assertRenewed()
        self.assertEqual(self.farm.activity_ids.date_deadline, END)

    def test_the_29th_day_before_the_end_renews_the_year(self):
        self.cron_on(DAY_29_BEFORE)
        self.assertRenewed()

    def test_the_31st_then_the_30th_day_renew_once(self):
        for day in (DAY_31_BEFORE, DAY_30_BEFORE, DAY_29_BEFORE):
            self.cron_on(day)
            self.assertEqual(len(self.farm.member_lines), 1 if day == DAY_31_BEFORE else 2)


@tagged("post_install", "-at_install")
class TestPublicHolidays(FarmCase):
    def test_the_movable_holidays_of_several_years(self):
        for year, (easter_monday, ascension, whit_monday) in MOVABLE_HOLIDAYS.items():
            with self.subTest(year=year):
                holidays = french_public_holidays(year)
                self.assertEqual(len(holidays), 11)
                self.assertLessEqual({easter_monday, ascension, whit_monday}, holidays)
                self.assertEqual((easter_monday.weekday(), whit_monday.weekday()), (0, 0))
                self.assertEqual(ascension.weekday(), 3)  # a Thursday
                # neither Easter Sunday nor Pentecost Sunday (taken for the Monday)
                self.assertFalse({easter_monday - ONE_DAY, whit_monday - ONE_DAY} & holidays)

    def test_the_fixed_holidays(self):
        self.assertLessEqual(
            {date(2027, m, d) for m, d in ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15))},
            french_public_holidays(2027),
        )
        self.assertLessEqual(
            {date(2027, m, d) for m, d in ((11, 1), (11, 11), (12, 25))},
            french_public_holidays(2027),
        )

    @freeze_time("2026-05-01")
    def series(self, weekday):
        request = self.make_request(
            recurrence="recurring",
            frequency="weekly",
            date_from=date(2026, 5, 4),
            date_to=date(2026, 6, 12),
            weekday=weekday,
        )
        request.action_accept()
        request.action_create_interventions()
        return sorted(request.intervention_ids.mapped(lambda i: i.date_start.date()))

    def test_mondays_skip_whit_monday_and_thursdays_skip_ascension(self):
        self.assertEqual(
            self.series("0"),
            [date(2026, 5, d) for d in (4, 11, 18)] + [date(2026, 6, 1), date(2026, 6, 8)],
        )
        self.assertEqual(
            self.series("3"),
            [date(2026, 5, d) for d in (7, 21, 28)] + [date(2026, 6, 4), date(2026, 6, 11)],
        )
