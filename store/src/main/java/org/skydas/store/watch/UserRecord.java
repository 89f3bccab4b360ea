package org.skydas.store.watch;

/**
 * A local user as stored: the password only as a KDF hash string
 * ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, base64); a disabled user cannot log in.
 */
public record UserRecord(String username, String role, String passwordHash, boolean disabled) {

    public UserRecord(String username, String role, String passwordHash) {
        this(username, role, passwordHash, false);
    }
}
