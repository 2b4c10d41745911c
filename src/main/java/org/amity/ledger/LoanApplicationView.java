package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A loan application with its status timeline and document checklist. {@code customerActionRequired} is
 * derived: the application is open and waits on the customer (documents requested, or an item missing or
 * rejected).
 */
public record LoanApplicationView(UUID id, String externalId, UUID customerId, String product, BigDecimal amount,
                                  String currency, ApplicationStatus status, boolean customerActionRequired,
                                  List<TimelineEntry> timeline, List<ChecklistItem> checklist, Instant createdAt,
                                  Instant updatedAt) {

    public enum ApplicationStatus {
        SUBMITTED, DOCUMENTS_REQUIRED, UNDER_REVIEW, APPROVED, REJECTED, DISBURSED;

        public boolean open() {
            return this != REJECTED && this != DISBURSED;
        }
    }

    public enum DocumentState { REQUIRED, RECEIVED, ACCEPTED, REJECTED }

    public record TimelineEntry(ApplicationStatus status, String note, String actor, Instant at) {
    }

    public record ChecklistItem(String type, DocumentState state, String note, Instant updatedAt) {

        public boolean waitsOnCustomer() {
            return state == DocumentState.REQUIRED || state == DocumentState.REJECTED;
        }
    }
}
