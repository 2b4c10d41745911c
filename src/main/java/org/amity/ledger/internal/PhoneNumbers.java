package org.amity.ledger.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.amity.platform.ApiProblem;

/** Normalises phone numbers to E.164 with libphonenumber, explaining why a number is refused. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param defaultRegion the customer's address country, used when the number has no {@code +} prefix
     * @param field         the request field, for the error
     */
    public static String toE164(String raw, String defaultRegion, String field) {
        return UTIL.format(parse(raw, defaultRegion, field), PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** The number as libphonenumber parsed it, refused as {@link #toE164} refuses it. */
    public static Phonenumber.PhoneNumber parse(String raw, String defaultRegion, String field) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("INVALID_PHONE", field, "A phone number is required");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(raw.trim(), defaultRegion);
        } catch (NumberParseException e) {
            String why = switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "its country code is missing or unknown (write it as +86…, +1…, +44…)";
                case NOT_A_NUMBER -> "it is not a phone number";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "it is too short";
                case TOO_LONG -> "it is too long";
            };
            throw ApiProblem.badRequest("INVALID_PHONE", field, "'" + raw + "' is not a usable phone number: " + why);
        }
        if (!UTIL.isValidNumber(number)) {
            String region = UTIL.getRegionCodeForNumber(number);
            PhoneNumberUtil.ValidationResult length = UTIL.isPossibleNumberWithReason(number);
            String why = length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    ? "its length is wrong (" + length.name().toLowerCase().replace('_', ' ') + ")"
                    : "no such number range exists" + (region == null ? "" : " in " + region);
            throw ApiProblem.badRequest("INVALID_PHONE", field, "'" + raw + "' is not a valid phone number: " + why);
        }
        return number;
    }
}
