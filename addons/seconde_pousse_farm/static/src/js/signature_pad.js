/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * Signature pad of the review sign-off form: draws with a finger, a pen or the mouse
 * on a canvas and keeps the drawing, as a PNG data URL, in the hidden "signature" input.
 */
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.FarmSignaturePad = publicWidget.Widget.extend({
    selector: ".o_farm_signature_pad",

    start() {
        this.canvas = this.el.querySelector("canvas");
        this.input = this.el.querySelector("input[name='signature']");
        this.context = this.canvas.getContext("2d");
        this.drawing = false;
        this._resize();
        this._onDown = this._onDown.bind(this);
        this._onMove = this._onMove.bind(this);
        this._onUp = this._onUp.bind(this);
        this._clear = this._clear.bind(this);
        this.canvas.addEventListener("pointerdown", this._onDown);
        this.canvas.addEventListener("pointermove", this._onMove);
        this.canvas.addEventListener("pointerup", this._onUp);
        this.canvas.addEventListener("pointerleave", this._onUp);
        this.el.querySelector(".o_farm_signature_clear").addEventListener("click", this._clear);
        return this._super(...arguments);
    },

    destroy() {
        if (this.canvas) {
            this.canvas.removeEventListener("pointerdown", this._onDown);
            this.canvas.removeEventListener("pointermove", this._onMove);
            this.canvas.removeEventListener("pointerup", this._onUp);
            this.canvas.removeEventListener("pointerleave", this._onUp);
        }
        this._super(...arguments);
    },

    _resize() {
        const rect = this.canvas.getBoundingClientRect();
        this.size = `${rect.width}x${rect.height}`;
        const ratio = window.devicePixelRatio || 1;
        this.canvas.width = Math.max(Math.round(rect.width * ratio), 1);
        this.canvas.height = Math.max(Math.round(rect.height * ratio), 1);
        this.context.scale(ratio, ratio);
        this.context.lineWidth = 2;
        this.context.lineCap = "round";
        this.context.lineJoin = "round";
        this.context.strokeStyle = "#1a1a50";
    },

    _point(ev) {
        const rect = this.canvas.getBoundingClientRect();
        return { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
    },

    _onDown(ev) {
        ev.preventDefault();
        const rect = this.canvas.getBoundingClientRect();
        if (`${rect.width}x${rect.height}` !== this.size) {
            // the frame changed size (phone turned): start again on a canvas of the new size
            this._resize();
            this.input.value = "";
        }
        this.drawing = true;
        const { x, y } = this._point(ev);
        this.context.beginPath();
        this.context.moveTo(x, y);
        this.context.lineTo(x + 0.1, y + 0.1);
        this.context.stroke();
    },

    _onMove(ev) {
        if (!this.drawing) {
            return;
        }
        ev.preventDefault();
        const { x, y } = this._point(ev);
        this.context.lineTo(x, y);
        this.context.stroke();
    },

    _onUp() {
        if (!this.drawing) {
            return;
        }
        this.drawing = false;
        this.input.value = this.canvas.toDataURL("image/png");
    },

    _clear() {
        this._resize(); // resizing a canvas also wipes it
        this.input.value = "";
    },
});

export default publicWidget.registry.FarmSignaturePad;
