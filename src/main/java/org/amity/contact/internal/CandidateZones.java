package org.amity.contact.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the customer may be: the zone of their address and every zone their phone number may be in. Contact is
 * allowed only at times inside the window in every candidate zone (12 CFR 1006.6(b)(1)(i): "if the debt collector
 * has no information to the contrary, ... convenient ... at all of the locations"). A number whose zone
 * libphonenumber cannot tell adds nothing.
 */
public final class CandidateZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private CandidateZones() {
    }

    public static Set<ZoneId> of(String addressZone, String phoneE164) {
        Phonenumber.PhoneNumber phone = null;
        if (phoneE164 != null) {
            try {
                phone = PHONES.parse(phoneE164, null);
            } catch (NumberParseException e) {
                // stored numbers are validated E.164; an unparsable one cannot narrow anything
            }
        }
        return ofNumber(addressZone, phone);
    }

    /** The same, for a number already parsed (parsing is most of the cost). */
    public static Set<ZoneId> ofNumber(String addressZone, Phonenumber.PhoneNumber phone) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        if (addressZone != null) {
            zones.add(ZoneId.of(addressZone));
        }
        if (phone != null) {
            for (String zone : ZONES.getTimeZonesForNumber(phone)) {
                if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zone)) {
                    addIfKnown(zones, zone);
                }
            }
        }
        return zones;
    }

    /** The same, for the zones of a number found earlier ({@link #ofNumber} without an address zone). */
    public static Set<ZoneId> ofZones(String addressZone, Set<ZoneId> phoneZones) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        if (addressZone != null) {
            zones.add(ZoneId.of(addressZone));
        }
        zones.addAll(phoneZones);
        return zones;
    }

    private static void addIfKnown(Set<ZoneId> zones, String zone) {
        try {
            zones.add(ZoneId.of(zone));
        } catch (DateTimeException e) {
            // libphonenumber may name a zone this JDK does not know; the address zone still applies
        }
    }
}
