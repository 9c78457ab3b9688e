/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * What the supervisor records in "Ma journée" waits on the phone (localStorage) until the
 * server has answered it: a dropped signal loses nothing. Each operation carries a key the
 * server records with it, so sending it again never applies it twice.
 */
import { browser } from "@web/core/browser/browser";

const PREFIX = "seconde_pousse.my_day";

export function newKey() {
    const random = Math.random().toString(36).slice(2, 12);
    return `${Date.now().toString(36)}-${random}-${Math.random().toString(36).slice(2, 8)}`;
}

export class OperationQueue {
    constructor(userId) {
        this.storageKey = `${PREFIX}.queue.${userId}`;
        this.dataKey = `${PREFIX}.day.${userId}`;
    }

    get pending() {
        try {
            return JSON.parse(browser.localStorage.getItem(this.storageKey) || "[]");
        } catch {
            return [];
        }
    }

    set pending(operations) {
        browser.localStorage.setItem(this.storageKey, JSON.stringify(operations));
    }

    push(operation) {
        const queued = { key: newKey(), ...operation };
        this.pending = [...this.pending, queued];
        return queued;
    }

    /** Drop the operations the server answered (whatever the answer). */
    acknowledge(keys) {
        const answered = new Set(keys);
        this.pending = this.pending.filter((operation) => !answered.has(operation.key));
    }

    saveDay(day) {
        browser.localStorage.setItem(this.dataKey, JSON.stringify(day));
    }

    lastDay() {
        try {
            return JSON.parse(browser.localStorage.getItem(this.dataKey) || "null");
        } catch {
            return null;
        }
    }
}
