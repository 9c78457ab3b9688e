# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Farmer portal: intervention requests and interventions
(the review and its signature: portal_review.py).

Lists read with the farmer's own rights (record rules on the commercial partner);
a document opened by id goes through ``_document_check_access`` (rules, or the access
token of the link sent by email) and is then read with sudo, showing only what the
farm may see: never the workers' names. Writes go through sudo after the checks.
"""

import re
import uuid
from datetime import date, timedelta

import psycopg2
import pytz

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.seconde_pousse_base.models.timezone import local_tz

from ..models.farm_intervention_request import MAX_TEXT  # one limit, here and at the model

SUBMISSION_KEY = re.compile(r"^[0-9a-f]{32}$")
MAX_HOURS = 1000.0  # estimated workload of one request
MAX_PERIOD_DAYS = 2 * 366  # how far a wished period may end
REVIEW_VISIBLE_STATES = ("sent", "signed")
INTERVENTION_FILTERS = {
    "upcoming": ("draft", "planned", "in_progress"),
    "done": ("done", "reviewed", "invoiced"),
    "cancelled": ("cancelled",),
}


class FarmCustomerPortal(CustomerPortal):
    def _document_check_access(self, model_name, document_id, access_token=None):
        """A link's token is ASCII: any other can match no document's, and Odoo's
        comparison raises on it (a 500 for a visitor who typed one), so it counts as no
        token at all, refused like a wrong one."""
        if not (isinstance(access_token, str) and access_token.isascii()):
            access_token = None
        return super()._document_check_access(model_name, document_id, access_token)

    # ------------------------------------------------------------
    # Home
    # ------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for key, model in (
            ("request_count", "farm.intervention.request"),
            ("intervention_count", "farm.intervention"),
        ):
            if key in counters:
                Model = request.env[model]
                values[key] = Model.search_count([]) if Model.has_access("read") else 0
        if not counters:  # the home page itself; /my/counters answers counters only
            values["farm_portal_is_farmer"] = bool(self._farm_portal_farm())
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # dates and hours of the farm's work, in the local time zone (the company's first)
        values["farm_tz"] = local_tz(request.env)
        return values

    def _farm_portal_farm(self):
        """The farm of the logged-in user: its commercial partner, when it is a farm."""
        user = request.env.user
        if user._is_public():
            return request.env["res.partner"]
        farm = user.sudo().partner_id.commercial_partner_id
        return farm if farm.is_farm else request.env["res.partner"]

    def _farm_request_form_values(self, form, **values):
        """What the request form shows: the task types, the frequencies, the form's
        values and its errors; the new and the change form both start from it."""
        result = self._prepare_portal_layout_values()
        result.update(
            {
                "page_name": "farm_request_new",
                "farm": self._farm_portal_farm(),
                "task_types": request.env["farm.task.type"].search([]),
                "frequencies": dict(
                    request.env["farm.intervention.request"]
                    ._fields["frequency"]
                    ._description_selection(request.env)
                ),
                "form": form,
                "selected_task_type_ids": [],
                "errors": {},
                "today": fields.Date.context_today(request.env.user),
                "submission_key": "",
                **values,
            }
        )
        return result

    @staticmethod
    def _farm_portal_url(record, access_token, suffix="", query_string=""):
        """Link to a document (a route of it with suffix, a query string starting with
        "&"): by token when the visitor came with one, else the plain one."""
        if access_token:
            return record.get_portal_url(suffix=suffix, query_string=query_string)
        query = f"?{query_string.lstrip('&')}" if query_string else ""
        return f"{record.access_url}{suffix}{query}"

    def _farm_state_labels(self, model):
        return dict(request.env[model]._fields["state"]._description_selection(request.env))

    # ------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------
    def _farm_request_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "id desc"},
            "wished": {"label": _("Wished period"), "order": "date_from desc, id desc"},
            "name": {"label": _("Reference"), "order": "name desc"},
        }

    def _farm_request_filters(self):
        filters = {"all": {"label": _("All"), "domain": []}}
        for state, label in self._farm_state_labels("farm.intervention.request").items():
            filters[state] = {"label": label, "domain": [("state", "=", state)]}
        return filters

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_farm_requests(self, page=1, sortby=None, filterby=None, **kw):
        values = self._farm_list_values(
            "farm.intervention.request",
            "/my/requests",
            self._farm_request_sortings(),
            self._farm_request_filters(),
            page,
            sortby,
            filterby,
            "my_farm_requests_history",
        )
        values.update(
            {
                "farm_requests": values.pop("records"),
                "page_name": "farm_request",
                "is_farmer": bool(self._farm_portal_farm()),
            }
        )
        return request.render("seconde_pousse_farm.portal_my_farm_requests", values)

    def _farm_list_values(self, model, url, sortings, filters, page, sortby, filterby, history):
        """A paged, sorted and filtered portal list of the farm's own records (record
        rules keep it to the user's farm). Keeps the ids for the detail pages' pager."""
        values = self._prepare_portal_layout_values()
        Model = request.env[model]
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = filters[filterby]["domain"]
        count = Model.search_count(domain) if Model.has_access("read") else 0
        pager = portal_pager(
            url=url,
            url_args={"sortby": sortby, "filterby": filterby},
            total=count,
            page=page,
            step=self._items_per_page,
        )
        records = Model
        if count:
            order = sortings[sortby]["order"]
            records = Model.search(
                domain, order=order, limit=self._items_per_page, offset=pager["offset"]
            )
        request.session[history] = records.ids[:100]
        values.update(
            {
                "records": records,
                "default_url": url,
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return values

    @http.route(["/my/requests/<int:request_id>"], type="http", auth="public", website=True)
    def portal_my_farm_request(self, request_id, access_token=None, message=None, **kw):
        try:
            request_sudo = self._document_check_access(
                "farm.intervention.request", request_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = {
            "farm_request": request_sudo,
            "page_name": "farm_request",
            "message": message,
            "farm_can_change": request_sudo.state == "submitted"
            and request_sudo.partner_id == self._farm_portal_farm(),
            "interventions": [
                (intervention, self._farm_portal_url(intervention, access_token))
                for intervention in request_sudo.intervention_ids
            ],
        }
        return self._farm_render_document(
            request_sudo,
            access_token,
            values,
            "my_farm_requests_history",
            "seconde_pousse_farm.portal_farm_request_page",
        )

    def _farm_render_document(
        self, record_sudo, access_token, values, history, template, status=200
    ):
        values = {**self._prepare_portal_layout_values(), **values}
        values = self._get_page_view_values(record_sudo, access_token, values, history, False)
        # the chatter posts with the document's token: the visitor proved access above
        values["token"] = record_sudo._portal_ensure_token()
        return request.render(template, values, status=status)

    @http.route(
        ["/my/requests/new"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_farm_request_new(self, **post):
        farm = self._farm_portal_farm()
        values = self._farm_request_form_values(
            post, submission_key=post.get("submission_key") or uuid.uuid4().hex
        )
        if request.httprequest.method != "POST":
            return request.render("seconde_pousse_farm.portal_farm_request_new", values)
        if not farm:
            return request.render("seconde_pousse_farm.portal_farm_request_new", values, status=403)
        vals, errors = self._farm_parse_request_form(
            post, request.httprequest.form.getlist("task_type_ids")
        )
        if not errors:
            vals.update(
                {
                    "partner_id": farm.id,
                    "contact_id": request.env.user.partner_id.id
                    if request.env.user.partner_id != farm
                    else False,
                    "state": "submitted",
                }
            )
            key = post.get("submission_key")
            key = key if key and SUBMISSION_KEY.match(key) else None
            new_request = self._farm_sent_before(farm, key)
            if not new_request:
                new_request, errors["form"] = self._farm_create_request(vals, key)
            if new_request:
                return request.redirect(f"/my/requests/{new_request.id}?message=created")
        values["errors"] = errors
        values["selected_task_type_ids"] = self._farm_int_list(
            request.httprequest.form.getlist("task_type_ids")
        )
        return request.render("seconde_pousse_farm.portal_farm_request_new", values, status=400)

    @staticmethod
    def _farm_sent_before(farm, key):
        """The request this same form (its well-formed key) already created: a double
        click, a retried post."""
        if not key:
            return None
        Request = request.env["farm.intervention.request"].sudo()
        return Request.search([("submission_key", "=", key), ("partner_id", "=", farm.id)])

    @staticmethod
    def _farm_create_request(vals, key):
        """(the new request, None) or (None, the French message of the refusal)."""
        if key:
            vals["submission_key"] = key
        try:
            with request.env.cr.savepoint():
                new_request = request.env["farm.intervention.request"].sudo().create(vals)
                new_request.flush_recordset()
        except (UserError, ValidationError) as error:
            return None, error.args[0]
        except psycopg2.errors.UniqueViolation:  # the same form, sent at the same moment
            return None, _("This form was already sent: your request is in your list.")
        new_request._notify_coordinator(
            _(
                "New request %(name)s from %(farm)s, on the portal",
                name=new_request.name,
                farm=new_request.partner_id.name,
            )
        )
        return new_request, None

    @staticmethod
    def _farm_strip_bad_bytes(post):
        """A NUL character cannot be stored (PostgreSQL refuses it) nor shown again: remove
        it from the posted values, and tell whether there was one (the form then says so)."""
        bad = [key for key, value in post.items() if isinstance(value, str) and "\x00" in value]
        for key in bad:
            post[key] = post[key].replace("\x00", "")
        return bool(bad)

    @staticmethod
    def _farm_bad_bytes_message():
        return _("The form contains an invalid character (NUL): remove it and send it again.")

    @staticmethod
    def _farm_int_list(raw_values):
        ids = []
        for raw in raw_values:
            try:
                ids.append(int(raw))
            except (TypeError, ValueError):
                continue
        return ids

    def _farm_parse_request_form(self, post, raw_task_type_ids):
        """Validate the posted form: (values to create, {field: French message})."""
        errors, vals = {}, {}
        if self._farm_strip_bad_bytes(post):
            errors["form"] = self._farm_bad_bytes_message()
            return vals, errors
        self._farm_check_texts(post, vals, errors)
        self._farm_check_task_types(raw_task_type_ids, vals, errors)
        self._farm_check_dates(post, vals, errors)
        self._farm_check_hours(post, vals, errors)
        self._farm_check_recurrence(post, vals, errors)
        return vals, errors

    def _farm_check_texts(self, post, vals, errors):
        description = (post.get("description") or "").strip()
        if not description:
            errors["description"] = _("Describe the work you need.")
        elif len(description) > MAX_TEXT:
            errors["description"] = _(
                "The description is too long: %(max)s characters at most.", max=MAX_TEXT
            )
        vals["description"] = description
        equipment = (post.get("farm_equipment") or "").strip()
        if len(equipment) > MAX_TEXT:
            errors["farm_equipment"] = _(
                "The equipment list is too long: %(max)s characters at most.", max=MAX_TEXT
            )
        vals["farm_equipment"] = equipment or False

    def _farm_check_task_types(self, raw_task_type_ids, vals, errors):
        ids = self._farm_int_list(raw_task_type_ids)
        TaskType = request.env["farm.task.type"]
        task_types = TaskType.search([("id", "in", ids)]) if ids else TaskType
        if not task_types or len(task_types) != len(set(ids)) or len(ids) != len(raw_task_type_ids):
            errors["task_type_ids"] = _("Choose at least one kind of work from the list.")
        vals["task_type_ids"] = [fields.Command.set(task_types.ids)]

    def _farm_check_dates(self, post, vals, errors):
        today = fields.Date.context_today(request.env.user)
        date_from = self._farm_parse_date(post.get("date_from"))
        date_to = self._farm_parse_date(post.get("date_to"))
        if not date_from or not date_to:
            errors["dates"] = _("Give the first and the last day of the wished period.")
        elif date_from < today:
            errors["dates"] = _("The wished period cannot start in the past.")
        elif date_to < date_from:
            errors["dates"] = _("The wished period ends before it starts.")
        elif date_to > today + timedelta(days=MAX_PERIOD_DAYS):
            errors["dates"] = _("The wished period cannot end more than two years from now.")
        vals.update(date_from=date_from, date_to=date_to)

    def _farm_check_hours(self, post, vals, errors):
        raw_hours = (post.get("estimated_hours") or "").strip().replace(",", ".")
        try:
            hours = float(raw_hours) if raw_hours else 0.0
        except ValueError:
            hours = -1.0
        if not 0 <= hours <= MAX_HOURS:  # NaN fails too
            errors["estimated_hours"] = _(
                "Give the estimated workload as a number of hours between 0 and %(max)s.",
                max=int(MAX_HOURS),
            )
        vals["estimated_hours"] = hours

    def _farm_check_recurrence(self, post, vals, errors):
        recurrence = post.get("recurrence") or "punctual"
        frequency = post.get("frequency") or False
        Request = request.env["farm.intervention.request"]
        frequencies = Request._fields["frequency"].get_values(request.env)
        if recurrence not in ("punctual", "recurring"):
            errors["recurrence"] = _("Choose a punctual or a recurring intervention.")
        elif recurrence == "recurring" and frequency not in frequencies:
            errors["recurrence"] = _("Choose how often the team should come.")
        vals.update(
            recurrence=recurrence, frequency=frequency if recurrence == "recurring" else False
        )

    @staticmethod
    def _farm_parse_date(value):
        try:
            return date.fromisoformat((value or "").strip())
        except ValueError:
            return None

    # ------------------------------------------------------------
    # Interventions
    # ------------------------------------------------------------
    def _farm_intervention_filters(self):
        return {
            "all": {"label": _("All"), "domain": []},
            "upcoming": {
                "label": _("Upcoming"),
                "domain": [("state", "in", INTERVENTION_FILTERS["upcoming"])],
            },
            "done": {"label": _("Done"), "domain": [("state", "in", INTERVENTION_FILTERS["done"])]},
            "cancelled": {
                "label": _("Cancelled"),
                "domain": [("state", "in", INTERVENTION_FILTERS["cancelled"])],
            },
        }

    def _farm_intervention_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_start desc, id desc"},
            "date_asc": {"label": _("Oldest"), "order": "date_start asc, id asc"},
        }

    @http.route(
        ["/my/interventions", "/my/interventions/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_farm_interventions(self, page=1, sortby=None, filterby=None, **kw):
        values = self._farm_list_values(
            "farm.intervention",
            "/my/interventions",
            self._farm_intervention_sortings(),
            self._farm_intervention_filters(),
            page,
            sortby,
            filterby,
            "my_farm_interventions_history",
        )
        interventions = values.pop("records")
        values.update(
            {
                "interventions": interventions,
                "page_name": "farm_intervention",
                "farm_list_details": self._farm_list_details(interventions, values["farm_tz"]),
            }
        )
        return request.render("seconde_pousse_farm.portal_my_farm_interventions", values)

    @staticmethod
    def _farm_list_details(interventions, tz_name):
        """{id: (hours "HH:MM – HH:MM" in the farm's time zone, the work's names)}, read
        for the whole page at once (the team's names stay hidden)."""
        tz = pytz.timezone(tz_name)

        def hour(moment):
            return pytz.utc.localize(moment).astimezone(tz).strftime("%H:%M")

        details = {}
        for intervention in interventions.sudo():
            names = intervention.line_ids.task_type_id.mapped("name")
            times = f"{hour(intervention.date_start)} – {hour(intervention.date_end)}"
            details[intervention.id] = (times, ", ".join(names))
        return details

    @http.route(
        ["/my/interventions/<int:intervention_id>"], type="http", auth="public", website=True
    )
    def portal_my_farm_intervention(self, intervention_id, access_token=None, **kw):
        try:
            intervention_sudo = self._document_check_access(
                "farm.intervention", intervention_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        review = intervention_sudo.review_ids.filtered(lambda r: r.state in REVIEW_VISIBLE_STATES)[
            :1
        ]
        values = {
            "intervention": intervention_sudo,
            "page_name": "farm_intervention",
            "review": review,
            "review_url": review and self._farm_portal_url(review, access_token),
            "invoice_url": intervention_sudo.invoice_id.state == "posted"
            and self._farm_portal_url(intervention_sudo.invoice_id, access_token),
            "request_url": intervention_sudo.request_id
            and self._farm_portal_url(intervention_sudo.request_id, access_token),
        }
        return self._farm_render_document(
            intervention_sudo,
            access_token,
            values,
            "my_farm_interventions_history",
            "seconde_pousse_farm.portal_farm_intervention_page",
        )
