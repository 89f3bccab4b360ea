package org.skydas.watch.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.gov.dstl.sapientmsg.bsiflex335v2.TaskAck;

/**
 * The tasks operators sent to SAPIENT nodes and what each node answered ({@code TaskAck}): the operators' view of
 * their tasking (the audit log holds the durable record). Bounded: the newest {@link #CAPACITY} tasks. Thread-safe.
 */
public final class SapientTaskBook {

    /** Tasks kept in memory. */
    public static final int CAPACITY = 2_000;

    /**
     * One task: who asked for what, when it went out, and the node's latest answer ({@code status} {@code sent} until
     * one comes: then {@code accepted}, {@code rejected}, {@code completed} or {@code failed}, with its reasons).
     */
    public record Task(String taskId, String nodeId, String command, String summary, String actor, long sentAtMillis,
                       String status, List<String> reasons, long answeredAtMillis) {

        public Task {
            reasons = List.copyOf(reasons);
        }

        Task answered(String status, List<String> reasons, long at) {
            return new Task(taskId, nodeId, command, summary, actor, sentAtMillis, status, reasons, at);
        }
    }

    private final Map<String, Task> byId = new LinkedHashMap<>();
    private final Deque<String> order = new ArrayDeque<>();

    /** Records a task as sent. */
    public synchronized void sent(Task t) {
        if (byId.put(t.taskId(), t) == null) {
            order.addLast(t.taskId());
        }
        while (order.size() > CAPACITY) {
            byId.remove(order.removeFirst());
        }
    }

    /**
     * The node {@code nodeId} answered: the task with its new status, or null when no task of that id was sent to that
     * node (an answer to something Skydas did not ask, or forgotten: the caller records it as such).
     */
    public synchronized Task answered(String nodeId, TaskAck ack, long atMillis) {
        Task t = byId.get(ack.getTaskId());
        if (t == null || !t.nodeId().equals(nodeId)) {
            return null;
        }
        Task a = t.answered(statusName(ack.getTaskStatus()), ack.getReasonList(), atMillis);
        byId.put(a.taskId(), a);
        return a;
    }

    /** {@code accepted}, {@code rejected}, {@code completed}, {@code failed} (or {@code unspecified}). */
    public static String statusName(TaskAck.TaskStatus s) {
        return switch (s) {
            case TASK_STATUS_ACCEPTED -> "accepted";
            case TASK_STATUS_REJECTED -> "rejected";
            case TASK_STATUS_COMPLETED -> "completed";
            case TASK_STATUS_FAILED -> "failed";
            default -> "unspecified";
        };
    }

    public synchronized Task get(String taskId) {
        return byId.get(taskId);
    }

    /** The newest {@code limit} tasks sent to {@code nodeId}, newest first. */
    public synchronized List<Task> ofNode(String nodeId, int limit) {
        List<Task> out = new ArrayList<>();
        for (var it = order.descendingIterator(); it.hasNext() && out.size() < limit;) {
            Task t = byId.get(it.next());
            if (t != null && t.nodeId().equals(nodeId)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "SapientTaskBook[%d tasks]", byId.size());
    }
}
