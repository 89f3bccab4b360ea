import { acknowledge, resolve, type Alert, type Role } from "./api";
import { exists, language, t } from "./i18n";
import { SEVERITY_COLOURS } from "./palette";
import { formatDateTime, formatTime } from "./time";

const ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** An alert kind in the console's language (a kind the catalogue does not know yet is written out as sent). */
export function ruleName(rule: string): string {
  return t(`alerts:rule.${rule}`, { defaultValue: rule.replace(/_/g, " ") });
}

export function severityName(severity: string): string {
  return t(`alerts:severity.${severity}`, { defaultValue: severity });
}

/**
 * What an alert says, in the console's language: its message key from the messages catalogue with its parameters
 * (numbers in the language's format, class and country codes translated by the catalogue). An alert without a key
 * (stored before keys existed), or with a key this console does not know, shows the server's English message.
 */
export function alertText(a: Alert): string {
  if (!a.message_key) return a.message;
  return t(`messages:${a.message_key}`, { replace: a.message_params ?? {}, defaultValue: a.message });
}

/** Whether the alert's text is in the console's language (a key it knows, or English shown in English). */
function translated(a: Alert): boolean {
  return language() === "en" || (!!a.message_key && exists(`messages:${a.message_key}`));
}

/** The alert panel: sorted by severity then time, keyboard-operable, role-aware. */
export class AlertPanel {
  private alerts: Alert[] = [];
  /** How many alerts are open in all (more than listed when the server's page did not hold them all). */
  private total = 0;
  private selected: number | null = null;
  /** Opens an incident report from an alert (set by the page). */
  incidentFrom: ((a: Alert) => void) | null = null;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly count: HTMLElement,
    private readonly details: HTMLElement,
    private readonly role: () => Role | null,
    private readonly changed: () => void,
    private readonly onSelect: (a: Alert) => void,
  ) {
    list.addEventListener("keydown", (e) => this.key(e));
  }

  /** Lists the open ones of `alerts`; `total` is how many are open in all, when more than these. */
  show(alerts: Alert[], total = 0): void {
    this.alerts = alerts
      .filter((a) => a.status !== "resolved")
      .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.raised_at.localeCompare(a.raised_at));
    this.total = Math.max(total, this.alerts.length);
    this.render();
  }

  private canAct(): boolean {
    const r = this.role();
    return r === "operator" || r === "admin";
  }

  /** Draws the list again (e.g. when the time zone changes). */
  render(): void {
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.alertId;
    this.count.textContent = this.total > this.alerts.length
      ? t("alerts:openShown", { shown: this.alerts.length, count: this.total })
      : t("alerts:open", { count: this.alerts.length });
    if (this.alerts.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = t("alerts:empty");
      this.list.replaceChildren(empty);
    } else {
      this.list.replaceChildren(...this.alerts.map((a) => this.item(a)));
    }
    if (focusedId) {
      (this.list.querySelector(`[data-alert-id="${focusedId}"]`) as HTMLElement | null)?.focus();
    }
  }

  private item(a: Alert): HTMLLIElement {
    const li = document.createElement("li");
    li.className = `alert ${a.status}${a.escalated ? " escalated" : ""}`;
    li.dataset.severity = a.severity;
    li.tabIndex = 0;
    li.dataset.testid = "alert-item";
    li.setAttribute("data-testid", "alert-item");
    li.dataset.alertId = String(a.id);
    li.dataset.status = a.status;
    li.setAttribute("aria-selected", String(this.selected === a.id));
    const badge = document.createElement("span");
    badge.className = "severity";
    badge.style.background = SEVERITY_COLOURS[a.severity];
    badge.textContent = severityName(a.severity).toLocaleUpperCase(language());
    const text = document.createElement("span");
    text.className = "text";
    const time = formatTime(a.raised_at);
    // An alert from a coverage gap says so: the sensors there may miss what comes next.
    const where = a.coverage === "gap" ? ` · ${t("alerts:inGap")}` : "";
    // The alert's text where the console has it in its language (an old alert's English text only in English).
    const message = translated(a) ? `: ${alertText(a)}` : "";
    text.textContent = `${ruleName(a.rule)} · ${a.sector ?? "—"}${where} · ${time}${message}`;
    if (a.coverage) {
      li.dataset.coverage = a.coverage;
    }
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = a.status === "acknowledged" ? t("alerts:acknowledgedBy", { user: a.acknowledged_by })
      : a.escalated ? t("alerts:escalated") : t("alerts:status.new");
    li.append(badge, text, state);
    if (this.canAct()) {
      if (a.status === "new") {
        const ack = button(t("alerts:acknowledge"), "ack-button", () => this.ack(a));
        li.append(ack);
      }
      const res = button(t("alerts:resolve"), "resolve-button", () => this.resolveDialog(a));
      li.append(res);
    }
    li.addEventListener("click", () => this.select(a));
    return li;
  }

  /** Draws the list and, when it is on screen, the selected alert's details again (language or zone changed). */
  relabel(): void {
    this.render();
    const a = this.alerts.find((x) => x.id === this.selected);
    if (a && this.details.querySelector(`dl[data-alert-id="${a.id}"]`)) this.describe(a);
  }

  private select(a: Alert): void {
    this.describe(a);
    this.onSelect(a);
  }

  private describe(a: Alert): void {
    this.selected = a.id;
    this.details.replaceChildren();
    const rows: [string, string][] = [
      ["alert", `#${a.id} ${ruleName(a.rule)}`],
      ["severity", severityName(a.severity)],
      ["subject", a.subject],
      ["sector", a.sector ?? "—"],
      ["coverage", t(`alerts:coverage.${a.coverage ?? "none"}`)],
      ["raised", formatDateTime(a.raised_at)],
      ["status", t(`alerts:status.${a.status}`) + (a.acknowledge_note ? ` (“${a.acknowledge_note}”)` : "")],
      ["seen", t("alerts:seen", { count: a.occurrences })],
      ["message", alertText(a)],
    ];
    const dl = document.createElement("dl");
    for (const [field, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = t(`alerts:field.${field}`);
      const dd = document.createElement("dd");
      dd.textContent = v;
      dd.dataset.field = field;
      dl.append(dt, dd);
    }
    dl.dataset.alertId = String(a.id);
    this.details.append(dl);
    if (this.canAct() && this.incidentFrom) {
      const from = this.incidentFrom;
      this.details.append(button(t("incidents:fromAlert"), "incident-button", () => from(a)));
    }
  }

  private async ack(a: Alert): Promise<void> {
    const note = window.prompt(t("alerts:ackPrompt", { id: a.id }), "") ?? "";
    await acknowledge(a.id, note);
    this.changed();
  }

  private async resolveDialog(a: Alert): Promise<void> {
    const reason = window.prompt(t("alerts:resolvePrompt", { id: a.id }), "confirmed");
    if (!reason) return;
    await resolve(a.id, reason.trim(), "");
    this.changed();
  }

  private async key(e: KeyboardEvent): Promise<void> {
    const items = [...this.list.querySelectorAll<HTMLElement>("li.alert")];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)))];
      next?.focus();
      return;
    }
    if (i < 0 || !this.canAct()) return;
    const a = this.alerts.find((x) => String(x.id) === items[i].dataset.alertId);
    if (!a) return;
    if (e.key === "Enter" && a.status === "new") {
      e.preventDefault();
      await acknowledge(a.id, "");
      this.changed();
    } else if (e.key === "r" || e.key === "R" || e.key === "f" || e.key === "F") {
      e.preventDefault();
      await resolve(a.id, e.key.toLowerCase() === "r" ? "confirmed" : "false_alarm", "");
      this.changed();
    }
  }
}

export function button(label: string, testid: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.setAttribute("data-testid", testid);
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}
