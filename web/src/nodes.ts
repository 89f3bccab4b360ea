import * as api from "./api";
import { button } from "./alerts";
import { t } from "./i18n";
import { formatTime } from "./time";

const HEALTH_CLASS: Record<string, string> = { ok: "ok", warning: "warning", error: "error", goodbye: "error" };

/**
 * The SAPIENT nodes reporting to this server: name, kind, health, last status, position, and each node's recent
 * tasks with the node's answer. Operators (and only they, as the server enforces) may task a sensor node: look at a
 * place, change its mode, set its detection threshold; each task is an explicit click, confirmed, and audited by the
 * server. Nodes registered as effectors are listed but never offered tasks.
 */
export class NodePanel {
  private nodes: api.SapientNode[] = [];
  private lastSync = 0;

  constructor(
    private readonly list: HTMLElement,
    private readonly role: () => api.Role | null,
  ) {}

  /** Asks the server again, at most every 5 s (called from the page's refresh). */
  async refresh(force = false): Promise<void> {
    const r = this.role();
    if (r !== "operator" && r !== "admin" && r !== "planner" && r !== "auditor") return;
    if (!force && Date.now() - this.lastSync < 5000) return;
    this.lastSync = Date.now();
    try {
      this.nodes = await api.sapientNodes();
    } catch {
      return; // the next refresh tries again
    }
    this.render();
  }

  private canTask(): boolean {
    return this.role() === "operator";
  }

  render(): void {
    if (this.nodes.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = t("nodes:empty");
      this.list.replaceChildren(empty);
      return;
    }
    this.list.replaceChildren(...this.nodes.map((n) => this.item(n)));
  }

  private item(n: api.SapientNode): HTMLLIElement {
    const li = document.createElement("li");
    li.className = `node ${HEALTH_CLASS[n.health] ?? "unknown"}${n.connected ? "" : " disconnected"}`;
    li.setAttribute("data-testid", "sapient-node");
    li.dataset.nodeId = n.node_id;
    const title = document.createElement("strong");
    title.textContent = n.name;
    const kinds = n.types.map((k) => t(`nodes:type.${k}`, { defaultValue: k.replace(/_/g, " ") })).join(", ");
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = [
      kinds,
      t(`nodes:health.${n.health}`, { defaultValue: n.health }),
      n.connected ? t("nodes:connected") : t("nodes:disconnected"),
      n.status ? t("nodes:statusAt", { time: formatTime(n.status.at), mode: n.status.mode ?? "—" }) : t("nodes:noStatus"),
    ].join(" · ");
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = n.position
      ? t("nodes:position", { lat: n.position.lat.toFixed(5), lon: n.position.lon.toFixed(5) })
      : t("nodes:noPosition");
    li.append(title, " ", state, document.createElement("br"), where);
    if (n.alerts > 0) li.append(" · ", t("nodes:alerts", { count: n.alerts }));
    if (n.effector) {
      const warn = document.createElement("p");
      warn.className = "hint";
      warn.textContent = t("nodes:effector");
      li.append(warn);
    } else if (this.canTask() && n.connected) {
      li.append(this.taskControls(n));
    }
    if (n.tasks.length > 0) {
      const tasks = document.createElement("ol");
      tasks.className = "tasks";
      for (const task of n.tasks.slice(0, 3)) {
        const ti = document.createElement("li");
        ti.setAttribute("data-testid", "sapient-task");
        ti.dataset.status = task.status;
        ti.textContent = t("nodes:task", {
          time: formatTime(task.sent_at), summary: task.summary, user: task.requested_by,
          status: t(`nodes:taskStatus.${task.status}`, { defaultValue: task.status }),
        }) + (task.reasons.length ? ` (${task.reasons.join("; ")})` : "");
        tasks.append(ti);
      }
      li.append(tasks);
    }
    return li;
  }

  private taskControls(n: api.SapientNode): HTMLElement {
    const box = document.createElement("div");
    box.className = "task-controls";
    const mode = document.createElement("select");
    mode.setAttribute("aria-label", t("nodes:mode"));
    for (const m of n.modes) mode.append(new Option(m, m));
    const level = document.createElement("select");
    level.setAttribute("aria-label", t("nodes:threshold"));
    for (const l of ["low", "medium", "high"] as const) level.append(new Option(t(`nodes:level.${l}`), l));
    box.append(
      mode, button(t("nodes:setMode"), "task-mode", () => void this.send(n, { command: "mode_change", mode: mode.value })),
      level, button(t("nodes:setThreshold"), "task-threshold",
        () => void this.send(n, { command: "detection_threshold", level: level.value as "low" | "medium" | "high" })),
      button(t("nodes:lookAt"), "task-look-at", () => {
        const at = window.prompt(t("nodes:lookAtPrompt"), "");
        const m = at?.match(/^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/);
        if (!m) return;
        void this.send(n, { command: "look_at", lat: Number(m[1]), lon: Number(m[2]) });
      }),
    );
    return box;
  }

  /** One explicit, confirmed task; the server audits it and refuses what may not be sent. */
  private async send(n: api.SapientNode, task: api.SapientTaskRequest): Promise<void> {
    if (!window.confirm(t("nodes:confirm", { node: n.name }))) return;
    try {
      await api.taskSapientNode(n.node_id, task);
    } catch (e) {
      window.alert(e instanceof api.ApiError ? e.message : t("noAnswer"));
    }
    await this.refresh(true);
  }
}
