# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PlanningCase


@tagged("post_install", "-at_install")
class TestBooking(PlanningCase):
    def _count(self, **domain):
        self.env.invalidate_all(flush=False)
        Booking = self.env["farm.intervention.booking"].with_context(active_test=False)
        return Booking.search_count([(key, "=", value) for key, value in domain.items()])

    def test_vehicle_booked_twice_at_once_is_refused(self):
        self.book(self.van)
        other = self.make_intervention(day=2, start_hour=11, end_hour=14)
        with self.assertRaisesRegex(ValidationError, "AA-123-BB est déjà planifié"):
            self.book(self.van, intervention=other)
        self.assertEqual(self._count(vehicle_id=self.van.id), 1)

    def test_equipment_booked_twice_at_once_is_refused(self):
        booking = self.book(self.trimmer)
        self.assertEqual(booking.resource_type, "equipment")
        other = self.make_intervention(day=2, start_hour=8, end_hour=9)
        with self.assertRaisesRegex(ValidationError, "Débroussailleuse test est déjà planifié"):
            self.book(self.trimmer, intervention=other)
        self.assertEqual(self._count(equipment_id=self.trimmer.id), 1)

    def test_database_refuses_overlap_even_without_the_orm(self):
        booking = self.book(self.trimmer)
        with (
            self.assertRaises(psycopg2.errors.ExclusionViolation) as caught,
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                """INSERT INTO farm_intervention_booking
                       (intervention_id, equipment_id, resource_type, provider, state, active,
                        date_start, date_end)
                   VALUES (%s, %s, 'equipment', 'seconde_pousse', 'reserved', TRUE,
                           '2026-03-02 11:00', '2026-03-02 13:00')""",
                [booking.intervention_id.id, self.trimmer.id],
            )
        self.assertIn("farm_intervention_booking_equipment_overlap", str(caught.exception))

    def test_archived_vehicle_is_refused(self):
        old = self.make_vehicle("ZZ-999-ZZ", seats=5)
        old.active = False
        with self.assertRaisesRegex(ValidationError, "ZZ-999-ZZ est archivé"):
            self.book(old)
        self.assertEqual(self._count(vehicle_id=old.id), 0)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "AA-123-BB : la fin"):
            self.book(
                self.van,
                date_start=datetime(2026, 3, 2, 12, 0),
                date_end=datetime(2026, 3, 2, 7, 0),
            )
        self.assertEqual(self._count(vehicle_id=self.van.id), 0)

    def test_not_enough_seats_is_refused(self):
        self.assign(self.sup_employee, role="supervisor")
        self.assign(self.amina)
        self.book(self.van)  # 3 seats, 2 people
        self.assign(self.bruno)
        with self.assertRaisesRegex(ValidationError, "AA-123-BB : 3 places pour 4 personnes"):
            self.assign(self.chloe)
        self.assertEqual(len(self.intervention.assignment_ids), 3)
        # a second vehicle adds seats
        second = self.book(self.make_vehicle("EE-111-FF", seats=2))
        self.assign(self.chloe)
        # and cannot be removed while the team needs it
        with self.assertRaisesRegex(ValidationError, "3 places pour 4 personnes"):
            second.unlink()
        with self.assertRaisesRegex(ValidationError, "3 places pour 4 personnes"):
            second.active = False
        self.env.invalidate_all(flush=False)
        self.assertTrue(second.exists() and second.active)

    def test_nobody_holding_the_licence_is_refused(self):
        self.assign(self.amina)
        with self.assertRaisesRegex(
            ValidationError,
            r"Personne dans l'équipe .* n'a le permis .*\(C\) nécessaire pour conduire .*CC-456-DD",
        ):
            self.book(self.truck)
        self.assertEqual(self._count(vehicle_id=self.truck.id), 0)
        self.assign(self.sup_employee, role="supervisor")  # holds B
        self.book(self.van)

    def test_plan_checks_licence(self):
        self.intervention.write({"state": "draft"})
        self.book(self.van)  # team still empty: checked when the intervention is planned
        self.assign(self.amina)
        with self.assertRaisesRegex(ValidationError, "permis"):
            self.intervention.action_plan()

    def test_vehicle_under_maintenance_is_refused(self):
        self.env["fleet.vehicle.log.services"].create(
            {
                "vehicle_id": self.van.id,
                "state": "running",
                "date": date(2026, 2, 27),
                "service_type_id": self.env["fleet.service.type"]
                .create({"name": "Garage", "category": "service"})
                .id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "AA-123-BB est en maintenance"):
            self.book(self.van)
        self.assertEqual(self._count(vehicle_id=self.van.id), 0)

    def test_equipment_under_repair_is_refused(self):
        request = self.env["maintenance.request"].create(
            {
                "name": "Lame cassée",
                "equipment_id": self.trimmer.id,
                "request_date": date(2026, 2, 20),
            }
        )
        with self.assertRaisesRegex(ValidationError, "Débroussailleuse test est en maintenance"):
            self.book(self.trimmer)
        done_stage = self.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        request.stage_id = done_stage
        self.book(self.trimmer)

    def test_a_booking_goes_out_and_back_only_through_its_buttons(self):
        refused = "ne changent que par ses boutons"
        bookings = self.env(user=self.supervisor_user)["farm.intervention.booking"]
        vals = {
            "intervention_id": self.intervention.id,
            "equipment_id": self.trimmer.id,
            "date_start": self.intervention.date_start,
            "date_end": self.intervention.date_end,
        }
        for state in ("checked_out", "returned"):
            with self.assertRaisesRegex(UserError, refused):
                bookings.create(dict(vals, state=state))
            with self.assertRaisesRegex(UserError, refused):
                bookings.with_context(default_state=state).create(dict(vals))
        self.assertEqual(self._count(equipment_id=self.trimmer.id), 0)
        booking = self.book(self.trimmer)
        self.assertEqual(booking.state, "reserved")
        with self.assertRaisesRegex(UserError, refused):
            booking.write({"state": "returned", "condition": "good"})
        with self.assertRaisesRegex(AccessError, "farm.intervention.booking"):
            booking.with_user(self.counsellor).action_check_out()
        self.assertEqual(booking.state, "reserved")
        booking.action_check_out()  # as the supervisor who booked it
        self.assertEqual(booking.state, "checked_out")
        with self.assertRaisesRegex(UserError, "impossible de le sortir"):
            booking.action_check_out()
        booking.write({"condition": "good"})
        booking.action_return()
        self.assertEqual(booking.state, "returned")

    def test_return_damaged_equipment_opens_a_maintenance_request(self):
        booking = self.book(self.trimmer)
        booking.action_check_out()
        with self.assertRaises(UserError) as caught:
            booking.action_return()  # condition missing
        self.assertIn("Indiquez l'état de Débroussailleuse test au retour", str(caught.exception))
        booking.write({"condition": "damaged", "condition_note": "Lame tordue"})
        booking.action_return()
        self.assertEqual(booking.state, "returned")
        request = booking.maintenance_request_id
        self.assertEqual(request.equipment_id, self.trimmer)
        self.assertEqual(request.maintenance_type, "corrective")
        self.assertIn("Lame tordue", str(request.description))
        # a damaged vehicle opens a service on it
        van_booking = self.book(self.van, intervention=self.make_intervention(day=3))
        van_booking.action_check_out()
        van_booking.write({"condition": "damaged"})
        van_booking.action_return()
        self.assertEqual(van_booking.sudo().service_log_id.vehicle_id, self.van)

    def test_good_return_opens_nothing(self):
        booking = self.book(self.trimmer)
        booking.action_check_out()
        booking.write({"condition": "good"})
        booking.action_return()
        self.assertFalse(booking.maintenance_request_id)

    def test_provider_follows_the_lender(self):
        self.assertEqual(self.book(self.van).provider, "seconde_pousse")
        tractor = self.make_vehicle("TR-000-AC", seats=1, lender_partner_id=self.farm.id)
        self.assertEqual(self.book(tractor).provider, "farm")
