package org.amity.assistant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintSubmitted;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPreferences;
import org.amity.contact.ContactPurpose;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanApplicationView;
import org.amity.ledger.LoanService;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One message in, one reply out. Recognition below the confidence threshold never leads to an action: the assistant
 * asks what was meant or offers a person. Anything that changes something (opting out of calls, filing a complaint,
 * requesting a callback) is proposed first, explained, and runs only when the next message is a "yes"; then it is
 * audited. Every answer about money or status is computed from the ledger at that moment.
 */
@Service
public class AssistantService {

    public static final int MAX_TEXT = 500;

    private static final Set<String> YES = Set.of("yes", "y", "ok", "okay", "sure", "confirm", "yes please", "do it", "go ahead",
            "确认", "确定", "是", "是的", "好", "好的", "可以", "同意", "对", "嗯", "行");
    private static final Set<String> NO = Set.of("no", "n", "cancel", "no thanks", "don't", "stop", "never mind",
            "取消", "不", "不要", "不用", "算了", "否", "不是");

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+$");

    private final IntentRecognizer recognizer;
    private final Conversations conversations;
    private final LedgerAnswers answers;
    private final ContactPreferenceService preferences;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final String hotline;
    private final Duration confirmWithin;

    AssistantService(IntentRecognizer recognizer, Conversations conversations, LedgerAnswers answers,
                     ContactPreferenceService preferences, CustomerService customers, ApplicationEventPublisher events,
                     AuditTrail audit, BusinessClock clock, @Value("${amity.assistant.hotline:95500}") String hotline,
                     @Value("${amity.assistant.confirm-within:PT10M}") Duration confirmWithin) {
        this.recognizer = recognizer;
        this.conversations = conversations;
        this.answers = answers;
        this.preferences = preferences;
        this.customers = customers;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.hotline = hotline;
        this.confirmWithin = confirmWithin;
    }

    public double threshold() {
        return recognizer.threshold();
    }

    /** Recognition only, for staff testing the examples; changes nothing. */
    public IntentRecognizer.Recognition classify(String text) {
        return recognizer.recognise(requireText(text));
    }

    /**
     * Answers the customer's message in the conversation of {@code sessionKey}.
     *
     * @param channel how the customer reached the assistant: {@code PORTAL} (web) or {@code APP} (API), used for a
     *                complaint filed from here
     */
    @Transactional
    public AssistantReply reply(UUID customerId, String sessionKey, String text, String language, ComplaintChannel channel) {
        String said = requireText(text);
        ReplyLanguage lang = ReplyLanguage.of(language, said);
        Instant now = clock.instant();
        Conversations.Conversation conversation = conversations.lockOrStart(customerId, sessionKey, now);
        int n = conversation.turns() + 1;
        Turn turn = new Turn(conversation, n, said, lang, now, channel);

        String folded = TRAILING_PUNCTUATION.matcher(recognizer.normalise(said)).replaceAll("").strip();
        if (conversation.hasPending(now) && YES.contains(folded)) {
            return turn.finish(intentOf(conversation.pending()), 1.0, null, run(turn), null);
        }
        if (conversation.hasPending(now) && NO.contains(folded)) {
            return turn.finish(intentOf(conversation.pending()), 1.0, null,
                    new Answer(text(lang, "assistant.cancelled"), List.of()), null);
        }
        if (YES.contains(folded) || NO.contains(folded)) {
            // a bare "yes" with nothing (or nothing still valid) to confirm is never taken as consent to anything
            return turn.finish(Intent.UNKNOWN, 1.0, null, new Answer(text(lang, conversation.pending() == null
                    ? "assistant.nothingPending" : "assistant.pendingExpired"), menu(lang)), null);
        }
        IntentRecognizer.Recognition r = recognizer.recognise(said);
        if (!r.confident()) {
            return turn.finish(Intent.UNKNOWN, r.confidence(), r.intent(), clarify(r, lang), null);
        }
        return switch (r.intent()) {
            case GREETING -> turn.finish(r, new Answer(greeting(customerId, lang), menu(lang)), null);
            case UNKNOWN -> turn.finish(r, new Answer(text(lang, "assistant.outOfScope", hotline),
                    withHuman(menu(lang), lang)), null);
            case ACCOUNT_STATUS -> turn.finish(r, new Answer(answers.status(answers.loansOf(customerId, now), lang),
                    List.of(AssistantAction.link("OVERVIEW", text(lang, "assistant.link.overview"), "/portal"),
                            AssistantAction.suggest(Intent.DISPUTE_OVERDUE, text(lang, "assistant.intent.DISPUTE_OVERDUE"),
                                    text(lang, "assistant.sample.DISPUTE_OVERDUE")))), null);
            case NEXT_PAYMENT -> turn.finish(r, new Answer(answers.nextPayment(answers.loansOf(customerId, now), lang),
                    List.of(AssistantAction.suggest(Intent.HOW_TO_PAY, text(lang, "assistant.intent.HOW_TO_PAY"),
                            text(lang, "assistant.sample.HOW_TO_PAY")))), null);
            case HOW_TO_PAY -> turn.finish(r, howToPay(customerId, lang), null);
            case APPLICATION_PROGRESS -> turn.finish(r, progress(customerId, lang), null);
            case CHANGE_PREFERENCES -> turn.finish(r, new Answer(text(lang, "assistant.preferences"),
                    List.of(AssistantAction.link("PREFERENCES", text(lang, "assistant.link.preferences"), "/portal/preferences"))), null);
            case REQUEST_NEGOTIATION -> turn.finish(r, new Answer(text(lang, "assistant.negotiation"),
                    List.of(AssistantAction.link("HARDSHIP", text(lang, "assistant.link.hardship"), "/portal/hardship"),
                            AssistantAction.call(text(lang, "assistant.link.hotline", hotline), hotline))), null);
            case DISPUTE_OVERDUE -> turn.finish(r, dispute(customerId, now, lang), PendingAction.FILE_COMPLAINT);
            case STOP_CONTACT -> stopContact(turn, r, customerId);
            case FILE_COMPLAINT -> turn.finish(r, new Answer(text(lang, "assistant.complaint.propose", quote(said)),
                    confirmOrCancel(PendingAction.FILE_COMPLAINT, lang)), PendingAction.FILE_COMPLAINT);
            case HUMAN_AGENT -> turn.finish(r, new Answer(text(lang, "assistant.human.propose", hotline),
                    withCall(confirmOrCancel(PendingAction.CALLBACK, lang), lang)), PendingAction.CALLBACK);
        };
    }

    /** What was said in this session so far (latest {@code limit} turns), for the chat page. */
    public List<TranscriptLine> transcript(UUID customerId, String sessionKey, int limit) {
        return conversations.transcript(customerId, sessionKey, limit).stream()
                .map(t -> new TranscriptLine(t.n(), t.text(), t.reply(), t.at())).toList();
    }

    public record TranscriptLine(int turn, String text, String reply, Instant at) {
    }

    /** Open callback requests for agents, oldest first. */
    public List<CallbackRequest> openCallbacks(int limit) {
        return conversations.openCallbacks(Math.max(1, Math.min(limit, 500)));
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    record Answer(String text, List<AssistantAction> actions) {
    }

    private String greeting(UUID customerId, ReplyLanguage lang) {
        String name = customers.nameOf(customerId).orElse("");
        return text(lang, "assistant.greeting", name);
    }

    private Answer howToPay(UUID customerId, ReplyLanguage lang) {
        List<String> loanNumbers = answers.loanNumbersOf(customerId);
        return new Answer(text(lang, "assistant.howToPay", loanNumbers.isEmpty() ? "—" : String.join(", ", loanNumbers)),
                List.of(AssistantAction.suggest(Intent.NEXT_PAYMENT, text(lang, "assistant.intent.NEXT_PAYMENT"),
                        text(lang, "assistant.sample.NEXT_PAYMENT"))));
    }

    private Answer progress(UUID customerId, ReplyLanguage lang) {
        List<LoanApplicationView> apps = answers.applicationsOf(customerId);
        List<AssistantAction> actions = new ArrayList<>();
        actions.add(AssistantAction.link("APPLICATIONS", text(lang, apps.stream().anyMatch(LoanApplicationView::customerActionRequired)
                ? "assistant.link.upload" : "assistant.link.applications"), "/portal/applications"));
        return new Answer(answers.applicationProgress(apps, lang), actions);
    }

    private Answer dispute(UUID customerId, Instant now, ReplyLanguage lang) {
        List<LoanService.LoanStanding> states = answers.loansOf(customerId, now);
        List<AssistantAction> actions = new ArrayList<>();
        states.stream().filter(s -> s.delinquency().overdue()).findFirst().ifPresent(s -> actions.add(
                AssistantAction.link("PAYMENT_CLAIM", text(lang, "assistant.link.claim"), "/portal#claim-" + s.externalId())));
        actions.addAll(confirmOrCancel(PendingAction.FILE_COMPLAINT, lang));
        return new Answer(answers.overdueExplanation(states, lang) + (lang.chinese() ? "" : " ")
                + text(lang, "assistant.dispute.offer"), actions);
    }

    private AssistantReply stopContact(Turn turn, IntentRecognizer.Recognition r, UUID customerId) {
        ReplyLanguage lang = turn.lang;
        if (preferences.optedOut(customerId, ContactChannel.VOICE, ContactPurpose.COLLECTION)) {
            return turn.finish(r, new Answer(text(lang, "assistant.stop.already"),
                    List.of(AssistantAction.link("PREFERENCES", text(lang, "assistant.link.preferences"), "/portal/preferences"))), null);
        }
        return turn.finish(r, new Answer(text(lang, "assistant.stop.propose"),
                confirmOrCancel(PendingAction.OPT_OUT_VOICE_COLLECTION, lang)), PendingAction.OPT_OUT_VOICE_COLLECTION);
    }

    private Answer clarify(IntentRecognizer.Recognition r, ReplyLanguage lang) {
        List<AssistantAction> actions = new ArrayList<>();
        List<Intent> candidates = new ArrayList<>();
        if (r.intent() != Intent.UNKNOWN) {
            candidates.add(r.intent());
        }
        r.runnersUp().stream().filter(i -> i != Intent.GREETING && !candidates.contains(i)).forEach(candidates::add);
        candidates.stream().limit(3).forEach(i -> actions.add(AssistantAction.suggest(i, text(lang, "assistant.intent." + i.name()),
                text(lang, "assistant.sample." + i.name()))));
        return new Answer(text(lang, candidates.isEmpty() ? "assistant.clarify.none" : "assistant.clarify", hotline),
                withHuman(actions, lang));
    }

    private List<AssistantAction> menu(ReplyLanguage lang) {
        return List.of(Intent.ACCOUNT_STATUS, Intent.NEXT_PAYMENT, Intent.APPLICATION_PROGRESS, Intent.HOW_TO_PAY).stream()
                .map(i -> AssistantAction.suggest(i, text(lang, "assistant.intent." + i.name()), text(lang, "assistant.sample." + i.name())))
                .toList();
    }

    private List<AssistantAction> withHuman(List<AssistantAction> actions, ReplyLanguage lang) {
        List<AssistantAction> out = new ArrayList<>(actions);
        out.add(AssistantAction.suggest(Intent.HUMAN_AGENT, text(lang, "assistant.intent.HUMAN_AGENT"), text(lang, "assistant.sample.HUMAN_AGENT")));
        return out;
    }

    private List<AssistantAction> withCall(List<AssistantAction> actions, ReplyLanguage lang) {
        List<AssistantAction> out = new ArrayList<>(actions);
        out.add(AssistantAction.call(text(lang, "assistant.link.hotline", hotline), hotline));
        return out;
    }

    private List<AssistantAction> confirmOrCancel(PendingAction action, ReplyLanguage lang) {
        return List.of(AssistantAction.confirm(action, text(lang, "assistant.confirm.label"), text(lang, "assistant.confirm.say")),
                AssistantAction.cancel(action, text(lang, "assistant.cancel.label"), text(lang, "assistant.cancel.say")));
    }

    // ---- confirmed actions ---------------------------------------------------------------------------------------

    private Answer run(Turn turn) {
        Conversations.Conversation c = turn.conversation;
        ReplyLanguage lang = turn.lang;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("action", c.pending().name());
        after.put("proposedAtTurn", c.pendingTurn());
        after.put("confirmedAtTurn", turn.n);
        Answer answer = switch (c.pending()) {
            case OPT_OUT_VOICE_COLLECTION -> {
                ContactPreferences current = preferences.of(c.customerId());
                if (!current.optedOut(ContactChannel.VOICE, ContactPurpose.COLLECTION)) {
                    List<ContactPreferences.OptOut> optOuts = new ArrayList<>(current.optOuts());
                    optOuts.add(new ContactPreferences.OptOut(ContactChannel.VOICE, ContactPurpose.COLLECTION));
                    preferences.replace(c.customerId(), new ContactPreferences(optOuts, current.marketingOptIns(),
                            current.preferredChannel(), current.inconvenientTimes(), current.language(), current.preferredTimes()));
                }
                yield new Answer(text(lang, "assistant.stop.done"), List.of(AssistantAction.done(c.pending(), text(lang, "assistant.done.label")),
                        AssistantAction.link("PREFERENCES", text(lang, "assistant.link.preferences"), "/portal/preferences")));
            }
            case FILE_COMPLAINT -> {
                String source = "assistant:" + c.id() + ":" + c.pendingTurn();
                events.publishEvent(new ComplaintSubmitted(c.customerId(), null, turn.channel, c.pendingText(), turn.now, source));
                after.put("source", source);
                after.put("channel", turn.channel.name());
                yield new Answer(text(lang, "assistant.complaint.done"), List.of(
                        AssistantAction.done(c.pending(), text(lang, "assistant.done.label")),
                        AssistantAction.link("COMPLAINTS", text(lang, "assistant.link.complaints"), "/portal/complaints")));
            }
            case CALLBACK -> {
                String phone = customers.contactPoints(c.customerId()).stream()
                        .filter(p -> p.type() == CustomerView.ContactType.PHONE && p.owner() == CustomerView.ContactOwner.SELF)
                        .map(p -> PersonalData.maskContact("PHONE", p.value())).findFirst().orElse("—");
                if (!conversations.hasOpenCallback(c.customerId())) {
                    after.put("callbackRequest", conversations.requestCallback(c, turn.n, lang, turn.now).toString());
                }
                yield new Answer(text(lang, "assistant.human.done", phone, hotline), List.of(
                        AssistantAction.done(c.pending(), text(lang, "assistant.done.label")),
                        AssistantAction.call(text(lang, "assistant.link.hotline", hotline), hotline)));
            }
        };
        audit.record("ASSISTANT_ACTION_CONFIRMED", "AssistantConversation", c.id().toString(),
                Map.of("proposed", c.pending().name()), after);
        return answer;
    }

    private static Intent intentOf(PendingAction action) {
        return switch (action) {
            case OPT_OUT_VOICE_COLLECTION -> Intent.STOP_CONTACT;
            case FILE_COMPLAINT -> Intent.FILE_COMPLAINT;
            case CALLBACK -> Intent.HUMAN_AGENT;
        };
    }

    /** One turn of a conversation: writes the customer's words, the recognition and the reply, and what now waits. */
    private final class Turn {
        final Conversations.Conversation conversation;
        final int n;
        final String said;
        final ReplyLanguage lang;
        final Instant now;
        final ComplaintChannel channel;

        Turn(Conversations.Conversation conversation, int n, String said, ReplyLanguage lang, Instant now, ComplaintChannel channel) {
            this.conversation = conversation;
            this.n = n;
            this.said = said;
            this.lang = lang;
            this.now = now;
            this.channel = channel == null ? ComplaintChannel.APP : channel;
        }

        AssistantReply finish(IntentRecognizer.Recognition r, Answer answer, PendingAction proposes) {
            return finish(r.intent(), r.confidence(), r.intent(), answer, proposes);
        }

        AssistantReply finish(Intent intent, double confidence, Intent guess, Answer answer, PendingAction proposes) {
            String reply = lang.render(answer.text());
            List<AssistantAction> actions = answer.actions().stream().map(a -> new AssistantAction(a.type(), a.name(),
                    lang.render(a.label()), a.href(), a.say() == null ? null : lang.render(a.say()))).toList();
            String ran = actions.stream().filter(a -> a.type().equals("DONE")).map(AssistantAction::name).findFirst().orElse(null);
            conversations.recordTurn(conversation, n, said, lang, intent, confidence, reply, ran, proposes,
                    proposes == null ? null : n, proposes == null ? null : said,
                    proposes == null ? null : now.plus(confirmWithin), now);
            return new AssistantReply(intent, confidence, guess == null ? intent : guess, reply, actions, lang.tag,
                    conversation.id(), n, proposes);
        }
    }

    private String text(ReplyLanguage lang, String key, Object... args) {
        return answers.text(lang, key, args);
    }

    private static String quote(String said) {
        return said.length() > 120 ? said.substring(0, 117) + "…" : said;
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest("TEXT_REQUIRED", "text", "Say something: text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("TEXT_TOO_LONG", "text", "A message is at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
