package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;

/** Shared facts for the contact rule tests: one customer, one loan, bundled presets. */
final class Fixtures {

    static final PolicyLibrary LIBRARY = PolicyLibrary.bundled("UK_FCA");
    static final ContactPolicy US = LIBRARY.preset("US_REG_F");
    static final ContactPolicy CN = LIBRARY.preset("CN");
    static final ContactPolicy UK = LIBRARY.preset("UK_FCA");
    static final HolidayCalendar HOLIDAYS = HolidayCalendar.bundled();

    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID LOAN = UUID.fromString("00000000-0000-0000-0000-0000000010a1");
    static final UUID OTHER_LOAN = UUID.fromString("00000000-0000-0000-0000-0000000010a2");
    static final String PHONE = "+12125550100";
    static final String EMAIL = "mei@example.com";

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Fixtures() {
    }

    /** A local date-time like "2026-03-09T10:00" in the zone, as an instant. */
    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static Instant ny(String dateTime) {
        return local(dateTime, NEW_YORK);
    }

    static ContactRequest request(ContactPurpose purpose, ContactChannel channel, Instant at) {
        String destination = channel == ContactChannel.EMAIL ? EMAIL : channel.usesPhone() ? PHONE : null;
        return new ContactRequest(CUSTOMER, LOAN, purpose, channel, destination, at);
    }

    static DecisionFacts.Attempt call(Instant at, ContactOutcome outcome) {
        return new DecisionFacts.Attempt(at, ContactChannel.VOICE, ContactPurpose.COLLECTION, LOAN, outcome);
    }

    static Facts facts() {
        return new Facts();
    }

    /** A customer in New York with a verified phone and email, a loan 30 days past due, no holds, no history. */
    static final class Facts {
        String language = "en";
        List<ZoneId> zones = List.of(NEW_YORK);
        List<DecisionFacts.ContactPoint> points = List.of(
                new DecisionFacts.ContactPoint(DecisionFacts.PointType.PHONE, PHONE, true, DecisionFacts.Owner.SELF),
                new DecisionFacts.ContactPoint(DecisionFacts.PointType.EMAIL, EMAIL, true, DecisionFacts.Owner.SELF));
        DecisionFacts.LoanState loan = new DecisionFacts.LoanState(LOAN, 30, 0, false, LocalDate.of(2026, 2, 7));
        boolean applicationsNeedingAction;
        DecisionFacts.Preferences preferences = DecisionFacts.Preferences.NONE;
        List<DecisionFacts.Hold> holds = new ArrayList<>();
        List<DecisionFacts.Attempt> attempts = new ArrayList<>();

        Facts language(String value) { language = value; return this; }
        Facts zones(ZoneId... value) { zones = List.of(value); return this; }
        Facts points(DecisionFacts.ContactPoint... value) { points = List.of(value); return this; }
        Facts loan(DecisionFacts.LoanState value) { loan = value; return this; }
        Facts applicationsNeedingAction(boolean value) { applicationsNeedingAction = value; return this; }
        Facts preferences(DecisionFacts.Preferences value) { preferences = value; return this; }
        Facts optOut(ContactChannel channel, ContactPurpose purpose) {
            preferences = new DecisionFacts.Preferences(Set.of(new DecisionFacts.OptOut(channel, purpose)),
                    preferences.marketingOptIns(), preferences.inconvenientTimes());
            return this;
        }
        Facts inconvenient(DecisionFacts.InconvenientTime... times) {
            preferences = new DecisionFacts.Preferences(preferences.optOuts(), preferences.marketingOptIns(), List.of(times));
            return this;
        }
        Facts hold(HoldType type, UUID loanId, Instant from, Instant until) {
            holds.add(new DecisionFacts.Hold(type, loanId, from, until));
            return this;
        }
        Facts attempt(DecisionFacts.Attempt attempt) { attempts.add(attempt); return this; }

        DecisionFacts build() {
            return new DecisionFacts(language, zones, points, loan, applicationsNeedingAction, preferences, holds,
                    attempts, HOLIDAYS);
        }
    }

    static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }
}
