package org.amity.identity;

/** A user's password was replaced: credentials checked before must be checked again. */
record PasswordChanged(String username) {
}
