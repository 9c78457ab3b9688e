# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The review on the portal: the farmer reads it, gives an assessment (ratings and a
comment, a plain form under Odoo's CSRF check), then signs it with Odoo's own signature
form (``portal.signature_form``) and its JSON accept route, as ``sale``'s quotations are.
"""

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from ..models.farm_intervention_request import MAX_TEXT  # one limit for the portal's texts
from ..models.farm_intervention_review import drawn_signature_png
from .portal import REVIEW_VISIBLE_STATES, FarmCustomerPortal

MAX_NAME = 100  # characters of a signer's name
MAX_SIGNATURE_CHARS = 1024 * 1024  # base64 characters of a drawn signature
RATING_FIELDS = ("rating_quality", "rating_punctuality", "rating_relationship")


class FarmReviewPortal(FarmCustomerPortal):
    def _farm_review_check_access(self, review_id, access_token):
        review_sudo = self._document_check_access(
            "farm.intervention.review", review_id, access_token
        )
        if review_sudo.state not in REVIEW_VISIBLE_STATES:
            raise AccessError(_("This review is not ready yet."))
        return review_sudo

    @http.route(["/my/reviews/<int:review_id>"], type="http", auth="public", website=True)
    def portal_my_farm_review(
        self,
        review_id,
        access_token=None,
        report_type=None,
        download=False,
        message=None,
        sign=None,
        **kw,
    ):
        try:
            review_sudo = self._farm_review_check_access(review_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text") and review_sudo.state == "signed":
            return self._show_report(
                review_sudo,
                report_type,
                "seconde_pousse_farm.action_report_farm_intervention_review",
                download=download,
            )
        open_sign = bool(sign) and review_sudo.state != "signed"
        return self._farm_render_review(
            review_sudo, access_token, message=message, open_sign=open_sign
        )

    def _farm_render_review(
        self,
        review_sudo,
        access_token,
        message=None,
        errors=None,
        form=None,
        status=200,
        open_sign=False,
    ):
        form = form or {}
        values = {
            "review": review_sudo,
            "intervention": review_sudo.intervention_id,
            "intervention_url": self._farm_portal_url(review_sudo.intervention_id, access_token),
            "page_name": "farm_review",
            "message": message,
            "open_sign": open_sign,  # back from "Sign the review": the modal opens
            "errors": errors or {},
            "form": form,
            "ratings": [
                {
                    "name": name,
                    "label": review_sudo._fields[name].get_description(request.env)["string"],
                    "value": form.get(name) or review_sudo[name],
                    "options": review_sudo._fields[name]._description_selection(request.env),
                }
                for name in RATING_FIELDS
            ],
            "assess_url": f"/my/reviews/{review_sudo.id}/assess",
            "accept_url": self._farm_portal_url(review_sudo, access_token, "/accept"),
            "default_signer": "" if request.env.user._is_public() else request.env.user.name,
            "pdf_url": self._farm_portal_url(
                review_sudo, access_token, query_string="&report_type=pdf&download=true"
            ),
        }
        return self._farm_render_document(
            review_sudo,
            access_token,
            values,
            "my_farm_reviews_history",
            "seconde_pousse_farm.portal_farm_review_page",
            status=status,
        )

    # ------------------------------------------------------------
    # The assessment: ratings and comment, before the signature
    # ------------------------------------------------------------
    @http.route(
        ["/my/reviews/<int:review_id>/assess"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_farm_review_assess(self, review_id, access_token=None, **post):
        try:
            review_sudo = self._farm_review_check_access(review_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        bad_bytes = self._farm_strip_bad_bytes(post)
        form = {key: post.get(key) or "" for key in ("farmer_comment", *RATING_FIELDS)}
        errors = {}
        if review_sudo.state == "signed":
            errors["form"] = _("This review is already signed.")
        elif bad_bytes:
            errors["form"] = self._farm_bad_bytes_message()
        else:
            comment = form["farmer_comment"].strip()
            if len(comment) > MAX_TEXT:
                errors["farmer_comment"] = _(
                    "The comment is too long: %(max)s characters at most.", max=MAX_TEXT
                )
            values = self._farm_parse_ratings(review_sudo, post, errors)
            if not errors:
                values["farmer_comment"] = comment or False
                review_sudo.write(values)
                query = "&message=assessed" + ("&sign=1" if post.get("then_sign") else "")
                url = self._farm_portal_url(review_sudo, access_token, query_string=query)
                return request.redirect(f"{url}#farm_review_sign")
        return self._farm_render_review(
            review_sudo, access_token, errors=errors, form=form, status=400
        )

    @staticmethod
    def _farm_parse_ratings(review_sudo, post, errors):
        """The farmer's ratings posted with the assessment; unknown values are errors."""
        ratings = {}
        for name in RATING_FIELDS:
            value = post.get(name)
            if not value:
                continue
            if value in review_sudo._fields[name].get_values(request.env):
                ratings[name] = value
            else:
                errors[name] = _("Choose a rating from the list.")
        return ratings

    # ------------------------------------------------------------
    # The signature: Odoo's signature form posts here, as to sale's /accept
    # ------------------------------------------------------------
    @http.route(["/my/reviews/<int:review_id>/accept"], type="json", auth="public", website=True)
    def portal_farm_review_accept(
        self, review_id, access_token=None, name=None, signature=None, **kw
    ):
        # the signature form sends the token in the URL's query string, as for sale
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            review_sudo = self._farm_review_check_access(review_id, access_token)
        except (AccessError, MissingError):
            return {"force_refresh": True, "redirect_url": "/my"}
        if review_sudo.state == "signed":  # refused before the drawing is decoded
            return {"error": _("This review is already signed.")}
        signer_name = (name if isinstance(name, str) else "").replace("\x00", "").strip()
        signature = self._farm_decode_signature(signature)
        errors = self._farm_signature_errors(signer_name, signature)
        error = " ".join(errors.values()) or self._farm_review_sign(
            review_sudo, signer_name, signature
        )
        if error:
            return {"error": error}
        url = self._farm_portal_url(review_sudo, access_token, query_string="&message=signed")
        return {"force_refresh": True, "redirect_url": url}

    @staticmethod
    def _farm_review_sign(review_sudo, signer_name, signature):
        """Sign with sudo, all or nothing: returns the business error, if any."""
        try:
            with request.env.cr.savepoint():
                review_sudo._sign(signer_name, signature)
        except (UserError, ValidationError) as error:
            return error.args[0]
        return None

    @staticmethod
    def _farm_signature_errors(signer_name, signature):
        errors = {}
        if not signer_name:
            errors["signer_name"] = _("Give your name.")
        elif len(signer_name) > MAX_NAME:
            errors["signer_name"] = _(
                "The name is too long: %(max)s characters at most.", max=MAX_NAME
            )
        if not signature:
            errors["signature"] = _("Draw your signature in the frame.")
        return errors

    @staticmethod
    def _farm_decode_signature(value):
        """The drawn signature as base64 PNG, or None when missing, blank or not a PNG: the
        review's own rule (drawn_signature_png), which signing applies again."""
        if not isinstance(value, str) or len(value) > MAX_SIGNATURE_CHARS:
            return None
        return drawn_signature_png(value)
