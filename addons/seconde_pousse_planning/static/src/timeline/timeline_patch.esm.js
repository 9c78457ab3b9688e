/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The planning timeline, readable at a glance: it opens on this week, or on the next one
 * at the weekend (the week to plan); previous and next move by the window shown; the
 * team's colours have a legend.
 */
import { serializeDateTime } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { useDebounced } from "@web/core/utils/timing";
import { TimelineModel } from "@web_timeline/views/timeline/timeline_model.esm";
import { TimelineRenderer } from "@web_timeline/views/timeline/timeline_renderer.esm";

const { DateTime } = luxon;
const TEAM_MODEL = "farm.intervention.assignment";
const SP_MODELS = [TEAM_MODEL, "farm.intervention.booking"];

export function weekToShow(now = DateTime.now()) {
    const week = now.weekday >= 6 ? now.plus({ weeks: 1 }) : now;
    return { start: week.startOf("week"), end: week.endOf("week") };
}

patch(TimelineRenderer.prototype, {
    _computeMode() {
        super._computeMode();
        if (this.mode.data === "week") {
            const { start, end } = weekToShow();
            this.options.start = start.toJSDate();
            this.options.end = end.toJSDate();
        }
    },

    init_timeline() {
        if (SP_MODELS.includes(this.model.model_name)) {
            // farm work happens by day: nights hidden, the day's jobs wide enough to read
            this.options.hiddenDates = [
                { start: "2020-01-01 20:00:00", end: "2020-01-02 06:00:00", repeat: "daily" },
            ];
        }
        const result = super.init_timeline();
        if (this.spReload) {
            this.timeline.on("rangechanged", () => this.spReload());
        }
        return result;
    },

    setup() {
        super.setup(...arguments);
        if (SP_MODELS.includes(this.model.model_name)) {
            // a new window loads its own slots, with a margin of one window on each side
            // cancelled if the view closes first
            this.spReload = useDebounced(() => {
                const { start, end } = this.timeline.getWindow();
                this.model.spWindow = { start: DateTime.fromJSDate(start), end: DateTime.fromJSDate(end) };
                this.model.load(this.model.spSearchParams);
            }, 300);
        }
    },

    _onShift(direction) {
        if (!this.timeline) {
            return;
        }
        const { start, end } = this.timeline.getWindow();
        const span = (end - start) * direction;
        this.timeline.setWindow(new Date(start.getTime() + span), new Date(end.getTime() + span));
    },

    get spLegend() {
        if (this.model.model_name !== TEAM_MODEL) {
            return [];
        }
        return [
            { label: _t("Supervisor"), color: "#c0504d" },
            { label: _t("Worker"), color: "#4f81bd" },
            { label: _t("Done, hours recorded"), color: "#9bbb59" },
        ];
    },
});


patch(TimelineRenderer.prototype, {
    /** Leave and contract ends, behind each person's line of the team timeline. */
    async on_data_loaded(records, adjust_window) {
        await super.on_data_loaded(records, adjust_window);
        if (this.model.model_name !== TEAM_MODEL || this.model.last_group_bys[0] !== "employee_id") {
            return;
        }
        const employeeIds = [...new Set(records.map((r) => r.employee_id && r.employee_id[0]))];
        const items = await this.model.orm.call(TEAM_MODEL, "timeline_unavailability", [
            employeeIds.filter(Boolean),
        ]);
        const parse = (value) => luxon.DateTime.fromSQL(value, { zone: "utc" }).toJSDate();
        this.timeline.itemsData.add(
            items.map((item) => ({
                id: item.id,
                group: item.group,
                start: parse(item.start),
                end: parse(item.end),
                type: "background",
                content: item.label,
                className: `o_sp_unavailable o_sp_${item.kind}`,
            }))
        );
    },

    on_timeline_double_click(e) {
        if (typeof e.item === "string" && e.item.startsWith("sp-")) {
            return;
        }
        return super.on_timeline_double_click(e);
    },
});

patch(TimelineModel.prototype, {
    /** Only the slots of the window shown (and one window each side): the same cost
     * whatever the years of history. */
    async load(searchParams) {
        if (!SP_MODELS.includes(this.model_name)) {
            return super.load(searchParams);
        }
        this.spSearchParams = searchParams;
        const { start, end } = this.spWindow || weekToShow();
        const span = end.diff(start);
        const domain = [
            ...(searchParams.domain || []),
            ["date_end", ">=", serializeDateTime(start.minus(span))],
            ["date_start", "<=", serializeDateTime(end.plus(span))],
        ];
        return super.load({ ...searchParams, domain });
    },
});
