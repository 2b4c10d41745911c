package org.amity.assistant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanApplicationView;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanService.LoanStanding;
import org.amity.platform.web.DisplayFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers built from the customer's own ledger data at the moment of asking: delinquency as computed by the ledger
 * (never a stored flag), the schedule's next unpaid instalment, the application's status and checklist.
 */
@Component
class LedgerAnswers {

    private final LoanService loans;
    private final LoanApplicationService applications;
    private final MessageSource messages;
    private final DisplayFormat fmt;

    LedgerAnswers(LoanService loans, LoanApplicationService applications, MessageSource messages, DisplayFormat fmt) {
        this.loans = loans;
        this.applications = applications;
        this.messages = messages;
        this.fmt = fmt;
    }

    /** Each loan's delinquency and next unpaid instalment as of {@code now}, read in one round trip. */
    List<LoanStanding> loansOf(UUID customerId, Instant now) {
        return loans.standingsOf(customerId, now);
    }

    /** The customer's loan numbers (how to pay needs nothing else of the ledger). */
    List<String> loanNumbersOf(UUID customerId) {
        return loans.loanNumbersOf(customerId);
    }

    String status(List<LoanStanding> states, ReplyLanguage lang) {
        if (states.isEmpty()) {
            return text(lang, "assistant.noLoans");
        }
        StringBuilder out = new StringBuilder();
        for (LoanStanding s : states) {
            Delinquency d = s.delinquency();
            String label = label(states, s, lang);
            String nextDate = s.nextInstalment().map(i -> i.dueDate().toString()).orElse("");
            String nextAmount = s.nextInstalment().map(i -> money(i.remaining(), s.currency(), lang)).orElse("");
            String key = "assistant.status." + (d.overdue() ? "overdue" : "current") + (s.nextInstalment().isPresent() ? ".next" : ".done");
            out.append(text(lang, key, label, nextDate, nextAmount, d.daysPastDue(), money(d.overdueAmount(), d.currency(), lang),
                    d.oldestUnpaidDueDate() == null ? "" : d.oldestUnpaidDueDate().toString()));
            if (d.overdue() && !d.beyondGrace()) {
                out.append(text(lang, "assistant.status.grace", d.graceDays()));
            }
            out.append(lang.chinese() ? "" : " ");
        }
        out.append(text(lang, "assistant.asOf", fmt.at(states.get(0).delinquency().asOf()), fmt.bankZone()));
        return out.toString().strip();
    }

    String nextPayment(List<LoanStanding> states, ReplyLanguage lang) {
        if (states.isEmpty()) {
            return text(lang, "assistant.noLoans");
        }
        StringBuilder out = new StringBuilder();
        for (LoanStanding s : states) {
            String label = label(states, s, lang);
            if (s.nextInstalment().isPresent()) {
                out.append(text(lang, "assistant.next.due", label, s.nextInstalment().get().dueDate().toString(),
                        money(s.nextInstalment().get().remaining(), s.currency(), lang)));
            } else {
                out.append(text(lang, "assistant.next.none", label));
            }
            if (s.delinquency().overdue()) {
                out.append(text(lang, "assistant.next.alsoOverdue", money(s.delinquency().overdueAmount(), s.delinquency().currency(), lang),
                        s.delinquency().daysPastDue()));
            }
            out.append(lang.chinese() ? "" : " ");
        }
        return out.toString().strip();
    }

    /** The same sentences the overview page shows under each loan, so the assistant and the page never disagree. */
    String overdueExplanation(List<LoanStanding> states, ReplyLanguage lang) {
        if (states.isEmpty()) {
            return text(lang, "assistant.noLoans");
        }
        StringBuilder out = new StringBuilder();
        for (LoanStanding s : states) {
            Delinquency d = s.delinquency();
            String kind = d.oldestUnpaidDueDate() == null ? "none" : !d.overdue() ? "dueToday" : d.beyondGrace() ? "overdue" : "grace";
            if (states.size() > 1) {
                out.append(s.externalId()).append(lang.chinese() ? "：" : ": ");
            }
            out.append(text(lang, "delinquency.explain." + kind, fmt.at(d.asOf()), fmt.bankZone(),
                    d.oldestUnpaidDueDate() == null ? "" : d.oldestUnpaidDueDate().toString(), d.daysPastDue(),
                    d.businessDate().toString(), d.bucket(), fmt.money(d.overdueAmount()), d.currency(), d.graceDays()));
            out.append(lang.chinese() ? "" : " ");
        }
        out.append(text(lang, "delinquency.explain.how"));
        return out.toString().strip();
    }

    List<LoanApplicationView> applicationsOf(UUID customerId) {
        return applications.applicationsOf(customerId);
    }

    String applicationProgress(List<LoanApplicationView> apps, ReplyLanguage lang) {
        if (apps.isEmpty()) {
            return text(lang, "assistant.application.none");
        }
        StringBuilder out = new StringBuilder();
        for (LoanApplicationView a : apps) {
            out.append(text(lang, "assistant.application.status", a.externalId(), a.product(),
                    money(a.amount(), a.currency(), lang), text(lang, "application.status." + a.status().name()),
                    a.updatedAt() == null ? "" : fmt.at(a.updatedAt())));
            if (a.customerActionRequired()) {
                List<String> missing = a.checklist().stream().filter(LoanApplicationView.ChecklistItem::waitsOnCustomer)
                        .map(i -> documentName(i.type(), lang) + (i.state() == LoanApplicationView.DocumentState.REJECTED
                                ? text(lang, "assistant.application.rejectedSuffix") : "")).toList();
                out.append(missing.isEmpty() ? text(lang, "assistant.application.waitsOnYou")
                        : text(lang, "assistant.application.missing", String.join(lang.chinese() ? "、" : ", ", missing)));
            } else if (a.status().open()) {
                out.append(text(lang, "assistant.application.nothingNeeded"));
            }
            out.append(lang.chinese() ? "" : " ");
        }
        return out.toString().strip();
    }

    String documentName(String type, ReplyLanguage lang) {
        return messages.getMessage("assistant.document." + type, null, type, lang.messages);
    }

    String money(BigDecimal amount, String currency, ReplyLanguage lang) {
        if (lang.chinese() && "CNY".equals(currency)) {
            return fmt.money(amount) + " 元";
        }
        return fmt.money(amount) + " " + currency;
    }

    private String label(List<LoanStanding> states, LoanStanding s, ReplyLanguage lang) {
        if (states.size() == 1) {
            return "";
        }
        return lang.chinese() ? "（" + s.externalId() + "）" : " " + s.externalId();
    }

    String text(ReplyLanguage lang, String key, Object... args) {
        return messages.getMessage(key, args, lang.messages);
    }
}
