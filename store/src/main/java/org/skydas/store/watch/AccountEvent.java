package org.skydas.store.watch;

/**
 * One entry of the append-only account audit: who ({@code actor}: a user name, or {@code cli:OSUSER} for
 * the command line) did what ({@code action}, e.g. {@code user_added}, {@code login_failed},
 * {@code login_throttled}) to which account ({@code subject}), from where ({@code address}, may be null),
 * with a short {@code detail} (never a password). {@code sequence} is 0 until stored.
 */
public record AccountEvent(long sequence, double time, String actor, String action, String subject, String address,
                           String detail) {

    public AccountEvent {
        if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an account event needs an actor and an action");
        }
    }
}
