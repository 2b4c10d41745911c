package org.amity.assistant;

/**
 * Something the customer can do next with a reply: say a suggested sentence ({@code SUGGEST}), confirm or cancel a
 * proposed action ({@code CONFIRM}/{@code CANCEL}, whose {@code say} is the word to send), follow a link
 * ({@code LINK}), phone the hotline ({@code CALL}); {@code DONE} reports an action that has just run.
 *
 * @param name the action or intent concerned, e.g. {@code OPT_OUT_VOICE_COLLECTION}, {@code NEXT_PAYMENT}
 */
public record AssistantAction(String type, String name, String label, String href, String say) {

    static AssistantAction suggest(Intent intent, String label, String say) {
        return new AssistantAction("SUGGEST", intent.name(), label, null, say);
    }

    static AssistantAction link(String name, String label, String href) {
        return new AssistantAction("LINK", name, label, href, null);
    }

    static AssistantAction confirm(PendingAction action, String label, String say) {
        return new AssistantAction("CONFIRM", action.name(), label, null, say);
    }

    static AssistantAction cancel(PendingAction action, String label, String say) {
        return new AssistantAction("CANCEL", action.name(), label, null, say);
    }

    static AssistantAction call(String label, String number) {
        return new AssistantAction("CALL", "HOTLINE", label, "tel:" + number.replaceAll("[^0-9+]", ""), null);
    }

    static AssistantAction done(PendingAction action, String label) {
        return new AssistantAction("DONE", action.name(), label, null, null);
    }
}
