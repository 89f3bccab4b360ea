/**
 * Who may do what: roles, the role × route matrix ({@code AccessMatrix}, the one place it is written down),
 * PBKDF2 password hashing, bearer-token sessions, and the login throttle. Enforcement is {@code AccessGate} in the
 * parent package.
 */
package org.skydas.server.auth;
