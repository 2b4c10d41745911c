package org.amity.messaging.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report as plain sentences in the reader's language: "1,204 collection calls not made because the customer is
 * not overdue" / "因客户未逾期，未拨打 1,204 通催收电话".
 */
@Component
public class PlanSentences {

    private final MessageSource messages;

    PlanSentences(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> of(PlanReport report, Locale locale) {
        List<String> sentences = new ArrayList<>();
        if (report == null) {
            return sentences;
        }
        for (PlanReport.Line l : report.lines()) {
            String purpose = messages.getMessage("plan.purpose." + l.purpose(), null, l.purpose().name(), locale);
            String key = "plan.sentence." + l.result().name().toLowerCase(Locale.ROOT) + "." + l.channel();
            Object[] args = l.result() == PlanReport.Result.BLOCKED
                    ? new Object[] {l.count(), purpose, messages.getMessage("plan.because." + l.reason(), null, l.reason(), locale)}
                    : new Object[] {l.count(), purpose};
            sentences.add(messages.getMessage(key, args, l.count() + " " + l.purpose() + " " + l.channel() + " " + l.result()
                    + (l.reason() == null ? "" : " " + l.reason()), locale));
        }
        return sentences;
    }
}
