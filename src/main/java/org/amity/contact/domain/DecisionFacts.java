package org.amity.contact.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;

/**
 * Everything a decision reads about the customer, as the caller loaded it for one request. Immutable; the engine
 * never fetches anything itself.
 *
 * @param language the customer's language tag ("zh-CN" or "en"); reason messages are rendered in it
 * @param zones candidate time zones of the customer's location, address zone first, then the phone number's zones.
 *        Where they differ, contact is allowed only at times that are fine in every one of them.
 * @param loan the state of the loan the request is about at the request instant; null when it names no loan
 */
public record DecisionFacts(String language, List<ZoneId> zones, List<ContactPoint> contactPoints, LoanState loan,
                            boolean applicationsNeedingAction, Preferences preferences, List<Hold> holds,
                            List<Attempt> attempts, HolidayCalendar holidays) {

    public DecisionFacts {
        Objects.requireNonNull(language, "language");
        if (zones == null || zones.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate zone is needed");
        }
        zones = List.copyOf(zones);
        contactPoints = List.copyOf(contactPoints);
        preferences = preferences == null ? Preferences.NONE : preferences;
        holds = List.copyOf(holds);
        attempts = List.copyOf(attempts);
        holidays = holidays == null ? HolidayCalendar.EMPTY : holidays;
    }

    /** The zone local dates are counted in when one zone is needed: the address zone. */
    public ZoneId primaryZone() {
        return zones.get(0);
    }

    public enum PointType { PHONE, EMAIL }

    public enum Owner { SELF, OTHER }

    /** A phone number (E.164) or email address on the customer's record, and whose it is. */
    public record ContactPoint(PointType type, String value, boolean verified, Owner owner) {
        public ContactPoint {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(owner, "owner");
        }
    }

    /**
     * @param daysPastDue at the request instant (0 when nothing is overdue)
     * @param nextUnpaidDueDate the earliest due date with an unpaid balance; null when nothing is unpaid
     */
    public record LoanState(UUID loanId, int daysPastDue, int graceDays, boolean openPaymentClaim,
                            LocalDate nextUnpaidDueDate) {
    }

    /** A channel (null = every channel) the customer will not be contacted on for a purpose (null = every purpose). */
    public record OptOut(ContactChannel channel, ContactPurpose purpose) {
        boolean covers(ContactChannel c, ContactPurpose p) {
            return (channel == null || channel == c) && (purpose == null || purpose == p);
        }
    }

    /**
     * A period the customer said is inconvenient, in their local time, e.g. working hours on weekdays. When
     * {@code from} is after {@code to} the period runs over midnight (22:00–07:00).
     */
    public record InconvenientTime(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        public InconvenientTime {
            days = Set.copyOf(days);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("an inconvenient period needs from != to");
            }
        }

        boolean contains(DayOfWeek day, LocalTime time) {
            if (!days.contains(day)) {
                return false;
            }
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        }
    }

    public record Preferences(Set<OptOut> optOuts, Set<ContactChannel> marketingOptIns,
                              List<InconvenientTime> inconvenientTimes) {
        public static final Preferences NONE = new Preferences(Set.of(), Set.of(), List.of());

        public Preferences {
            optOuts = Set.copyOf(optOuts);
            marketingOptIns = Set.copyOf(marketingOptIns);
            inconvenientTimes = List.copyOf(inconvenientTimes);
        }
    }

    /**
     * A pause on contact for the customer, or only for one loan when {@code loanId} is set.
     *
     * @param until exclusive; null while the hold is open-ended
     */
    public record Hold(HoldType type, UUID loanId, Instant from, Instant until) {
        public Hold {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
        }

        boolean activeAt(Instant at) {
            return !at.isBefore(from) && (until == null || at.isBefore(until));
        }

        boolean appliesTo(UUID requestLoan) {
            return loanId == null || loanId.equals(requestLoan);
        }
    }

    /** A contact already made or under way; {@code outcome} is null while it is pending. */
    public record Attempt(Instant at, ContactChannel channel, ContactPurpose purpose, UUID loanId, ContactOutcome outcome) {
        public Attempt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(purpose, "purpose");
        }
    }
}
