# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The farmer changes or cancels a request from the portal while it waits for an
answer; once accepted, only the coordinator changes it."""

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from .portal_membership import FarmMembershipPortal


class FarmRequestChangePortal(FarmMembershipPortal):
    def _farm_own_request(self, request_id):
        """The logged-in farmer's own request (as superuser), or None."""
        try:
            request_sudo = self._document_check_access("farm.intervention.request", request_id)
        except (AccessError, MissingError):
            return None
        farm = self._farm_portal_farm()
        return request_sudo if farm and request_sudo.partner_id == farm else None

    @http.route(
        ["/my/requests/<int:request_id>/cancel"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_farm_request_cancel(self, request_id, reason=None, **kw):
        request_sudo = self._farm_own_request(request_id)
        if not request_sudo:
            return request.redirect("/my")
        try:
            request_sudo._farmer_cancel(reason)
        except UserError as error:
            return self._farm_request_page_error(request_sudo, error.args[0])
        return request.redirect(f"/my/requests/{request_id}?message=cancelled")

    def _farm_request_page_error(self, request_sudo, message):
        values = {
            "farm_request": request_sudo,
            "page_name": "farm_request",
            "change_error": message,
            "farm_can_change": False,
            "interventions": [(i, i.access_url) for i in request_sudo.intervention_ids],
        }
        return self._farm_render_document(
            request_sudo,
            None,
            values,
            "my_farm_requests_history",
            "seconde_pousse_farm.portal_farm_request_page",
            status=400,
        )

    @http.route(
        ["/my/requests/<int:request_id>/edit"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_farm_request_edit(self, request_id, **post):
        request_sudo = self._farm_own_request(request_id)
        if not request_sudo:
            return request.redirect("/my")
        if request_sudo.state != "submitted":
            return self._farm_request_page_error(
                request_sudo, self._farm_closed_message(request_sudo)
            )
        values = self._farm_edit_values(request_sudo, post)
        if request.httprequest.method != "POST":
            return request.render("seconde_pousse_farm.portal_farm_request_new", values)
        vals, errors = self._farm_parse_request_form(
            post, request.httprequest.form.getlist("task_type_ids")
        )
        if not (post.get("change_reason") or "").strip():
            errors["change_reason"] = _("Say what changes and why: the coordinator reads it.")
        if not errors:
            try:
                with request.env.cr.savepoint():
                    request_sudo._farmer_change(vals, post["change_reason"])
            except (UserError, ValidationError) as error:
                errors["form"] = error.args[0]
            else:
                return request.redirect(f"/my/requests/{request_id}?message=changed")
        values["errors"] = errors
        values["selected_task_type_ids"] = self._farm_int_list(
            request.httprequest.form.getlist("task_type_ids")
        )
        return request.render("seconde_pousse_farm.portal_farm_request_new", values, status=400)

    def _farm_closed_message(self, request_sudo):
        try:
            request_sudo._farmer_check_open()
        except UserError as error:
            return error.args[0]
        return ""

    def _farm_edit_values(self, request_sudo, post):
        """The request form, filled with the request (or what was just posted)."""
        form = post or {
            "description": request_sudo.description,
            "farm_equipment": request_sudo.farm_equipment or "",
            "date_from": str(request_sudo.date_from),
            "date_to": str(request_sudo.date_to),
            "estimated_hours": request_sudo.estimated_hours,
            "recurrence": request_sudo.recurrence,
            "frequency": request_sudo.frequency or "",
        }
        return self._farm_request_form_values(
            form,
            farm_request=request_sudo,
            form_action=f"/my/requests/{request_sudo.id}/edit",
            selected_task_type_ids=request_sudo.task_type_ids.ids,
        )
