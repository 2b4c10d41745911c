package org.amity.platform;

/** Masking of personal data for logs, audit rows and views that do not need the full value. */
public final class PersonalData {

    private PersonalData() {
    }

    /** {@code 110101199003071234} → {@code 1101**********1234}. */
    public static String maskNationalId(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code +8613800000001} → {@code +86*******0001}: keeps the country code and the last four digits. */
    public static String maskPhone(String e164) {
        if (e164 == null) {
            return null;
        }
        if (e164.length() <= 6) {
            return "*".repeat(e164.length());
        }
        int keepFront = e164.startsWith("+1") ? 2 : 3;
        return e164.substring(0, keepFront) + "*".repeat(e164.length() - keepFront - 4) + e164.substring(e164.length() - 4);
    }

    /** {@code wang.fang@example.com} → {@code w********@example.com}. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 1) {
            return "*".repeat(Math.max(at, 0)) + (at >= 0 ? email.substring(at) : "");
        }
        return email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
    }

    public static String maskContact(String type, String value) {
        return "EMAIL".equals(type) ? maskEmail(value) : maskPhone(value);
    }
}
