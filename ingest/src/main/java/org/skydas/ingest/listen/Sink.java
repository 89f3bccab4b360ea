package org.skydas.ingest.listen;

/** Where a listener hands what it decoded. {@code false} means "full": the listener counts a drop. */
@FunctionalInterface
public interface Sink<T> {
    boolean offer(T message);
}
