package org.amity.contact.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;

/**
 * A parsed contact policy: a jurisdiction preset (CN, US_REG_F, UK_FCA) with the bank's house rules merged on top.
 * Every rule carries the {@code source} it implements, which is copied into each reason it gives. Regulatory
 * parameters live here, never in the policy classes. The YAML format is in docs/contact-policy.md.
 *
 * @param version e.g. {@code US_REG_F@2026.1+house@2026.1} once merged; decisions record it
 * @param countries the address countries this preset is chosen for
 * @param jurisdiction whose holiday calendar applies
 */
public record ContactPolicy(String id, String version, List<String> countries, String jurisdiction,
                            AccountRules account, Sourced destination, ConsentRules consent, Sourced inconvenientTimes,
                            ContactHours contactHours, HolidayRule holidays, Map<HoldType, HoldRule> holds,
                            List<FrequencyCap> caps, List<Cooldown> cooldowns, List<ContactChannel> alternatives) {

    public ContactPolicy {
        countries = List.copyOf(countries);
        holds = holds.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(holds));
        caps = List.copyOf(caps);
        cooldowns = List.copyOf(cooldowns);
        alternatives = List.copyOf(alternatives);
    }

    /** A rule with nothing to configure but its source. */
    public record Sourced(String source) {
    }

    /**
     * @param graceDays the least grace before collection contact; a loan's own longer grace wins
     * @param reminderDays how many days before a due date a reminder may be sent
     */
    public record AccountRules(int graceDays, int reminderDays, String source) {
    }

    public record ConsentRules(boolean marketingRequiresOptIn, String source) {
    }

    /** Contact only from {@code from} (inclusive) to {@code to} (exclusive), local time, on these channels. */
    public record ContactHours(LocalTime from, LocalTime to, Set<ContactChannel> channels, String source) {
        public ContactHours {
            channels = enumSet(channels, ContactChannel.class);
        }
    }

    /** No contact for these purposes on a public holiday of the policy's jurisdiction. */
    public record HolidayRule(Set<ContactPurpose> purposes, String source) {
        public HolidayRule {
            purposes = enumSet(purposes, ContactPurpose.class);
        }
    }

    /** The purposes an active hold of one type blocks. */
    public record HoldRule(Set<ContactPurpose> blocks, String source) {
        public HoldRule {
            blocks = enumSet(blocks, ContactPurpose.class);
        }
    }

    /** Whose attempts a cap or cooldown counts: all of the person's, or only those about the same debt. */
    public enum Scope { PERSON, DEBT }

    /**
     * At most {@code max} counted attempts in a window: either {@code localDays} calendar days at the customer's
     * location (today and the days before it) or a {@code rolling} duration ending now.
     *
     * @param channels the channels counted and limited; empty = all
     * @param purposes the purposes counted and limited; empty = all
     * @param ignoredOutcomes outcomes that do not count, e.g. calls that did not connect (12 CFR 1006.14(b)(3))
     */
    public record FrequencyCap(ReasonCode code, Scope scope, Set<ContactChannel> channels,
                               Set<ContactPurpose> purposes, int max, int localDays, Duration rolling,
                               Set<ContactOutcome> ignoredOutcomes, String source) {
        public FrequencyCap {
            channels = enumSet(channels, ContactChannel.class);
            purposes = enumSet(purposes, ContactPurpose.class);
            ignoredOutcomes = enumSet(ignoredOutcomes, ContactOutcome.class);
        }

        boolean limits(ContactChannel channel, ContactPurpose purpose) {
            return (channels.isEmpty() || channels.contains(channel)) && (purposes.isEmpty() || purposes.contains(purpose));
        }
    }

    /**
     * No contact on these channels for {@code localDays} local dates after an attempt with one of the
     * {@code after} outcomes, the day of that attempt counting as day 1 (12 CFR 1006.14(b)(2)(i)(B)).
     */
    public record Cooldown(ReasonCode code, Set<ContactOutcome> after, Scope scope, Set<ContactChannel> channels,
                           Set<ContactPurpose> purposes, int localDays, String source) {
        public Cooldown {
            after = enumSet(after, ContactOutcome.class);
            channels = enumSet(channels, ContactChannel.class);
            purposes = enumSet(purposes, ContactPurpose.class);
        }

        boolean limits(ContactChannel channel, ContactPurpose purpose) {
            return (channels.isEmpty() || channels.contains(channel)) && (purposes.isEmpty() || purposes.contains(purpose));
        }
    }

    /**
     * This preset with the bank's house rules on top. House rules only ever tighten: the longer grace, the shorter
     * reminder window, the narrower contact hours, more holiday purposes, more purposes blocked per hold, and every
     * cap and cooldown of both.
     */
    public ContactPolicy withHouseRules(ContactPolicy house) {
        AccountRules a = house.account == null ? account : new AccountRules(
                Math.max(account.graceDays, house.account.graceDays),
                Math.min(account.reminderDays, house.account.reminderDays), join(account.source, house.account.source));
        ConsentRules c = house.consent == null ? consent : new ConsentRules(
                consent.marketingRequiresOptIn || house.consent.marketingRequiresOptIn, join(consent.source, house.consent.source));
        ContactHours h = contactHours;
        if (house.contactHours != null) {
            Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
            channels.addAll(contactHours.channels);
            channels.addAll(house.contactHours.channels);
            h = new ContactHours(max(contactHours.from, house.contactHours.from), min(contactHours.to, house.contactHours.to),
                    channels, join(contactHours.source, house.contactHours.source));
        }
        HolidayRule hol = holidays;
        if (house.holidays != null) {
            Set<ContactPurpose> purposes = EnumSet.noneOf(ContactPurpose.class);
            purposes.addAll(house.holidays.purposes);
            if (holidays != null) {
                purposes.addAll(holidays.purposes);
            }
            hol = new HolidayRule(purposes, holidays == null ? house.holidays.source : join(holidays.source, house.holidays.source));
        }
        Map<HoldType, HoldRule> mergedHolds = new EnumMap<>(HoldType.class);
        mergedHolds.putAll(holds);
        house.holds.forEach((type, rule) -> mergedHolds.merge(type, rule, (p, q) -> {
            Set<ContactPurpose> blocks = EnumSet.noneOf(ContactPurpose.class);
            blocks.addAll(p.blocks);
            blocks.addAll(q.blocks);
            return new HoldRule(blocks, join(p.source, q.source));
        }));
        List<FrequencyCap> allCaps = new ArrayList<>(caps);
        allCaps.addAll(house.caps);
        List<Cooldown> allCooldowns = new ArrayList<>(cooldowns);
        allCooldowns.addAll(house.cooldowns);
        return new ContactPolicy(id, id + "@" + version + "+" + house.id + "@" + house.version, countries, jurisdiction,
                a, house.destination == null ? destination : house.destination, c,
                house.inconvenientTimes == null ? inconvenientTimes : house.inconvenientTimes, h, hol, mergedHolds,
                allCaps, allCooldowns, house.alternatives.isEmpty() ? alternatives : house.alternatives);
    }

    /** Read-only enum sets: membership is a bit test on the hot path. */
    private static <E extends Enum<E>> Set<E> enumSet(Set<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return java.util.Collections.unmodifiableSet(set);
    }

    private static String join(String a, String b) {
        return a.equals(b) ? a : a + "; " + b;
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
