package org.directbill.notification.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.directbill.notification.domain.ArgumentFormat;
import org.directbill.notification.domain.Notice;
import org.directbill.notification.domain.NoticeWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A notice in a reader's language: its subject and body from the messages {@code
 * notice.<KIND>.subject} and {@code .body}, arguments written the reader's way; as an email, the body
 * in plain text and in HTML ({@code templates/notification/email.html}) with the link made absolute.
 * A kind without words gets generic ones, so that nothing published is lost.
 */
@Component
public class NoticeRenderer {

    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final NotificationSettings settings;

    NoticeRenderer(MessageSource messages, ITemplateEngine templates, NotificationSettings settings) {
        this.messages = messages;
        this.templates = templates;
        this.settings = settings;
    }

    /** What a reader reads in the app and in an email's subject and first lines. */
    public record Words(String subject, String body) {}

    /** The email: subject, plain text and HTML. */
    public record Email(String subject, String text, String html) {}

    public Words words(Notice notice, Locale locale) {
        List<String> arguments = ArgumentFormat.all(notice.arguments(), locale, this::resolve);
        Object[] values = arguments.toArray();
        String subject = messages.getMessage(NoticeWords.subjectKey(notice.kind()), values, null, locale);
        String body = messages.getMessage(NoticeWords.bodyKey(notice.kind()), values, null, locale);
        if (subject == null || body == null) {
            return new Words(
                    messages.getMessage(NoticeWords.FALLBACK_SUBJECT, new Object[] {notice.kind()}, locale),
                    messages.getMessage(
                            NoticeWords.FALLBACK_BODY,
                            new Object[] {notice.kind(), arguments.isEmpty() ? "—" : String.join(" · ", arguments)},
                            locale));
        }
        return new Words(subject, body);
    }

    public Email email(Notice notice, Locale locale) {
        Words words = words(notice, locale);
        String link = notice.link() == null ? null : settings.absolute(notice.link());
        String footer = messages.getMessage("notification.email.footer", null, locale);
        StringBuilder text = new StringBuilder(words.body()).append("\n\n");
        if (link != null) {
            text.append(messages.getMessage("notification.email.open", null, locale))
                    .append(": ")
                    .append(link)
                    .append("\n\n");
        }
        text.append("-- \n").append(footer).append('\n');
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", words.subject());
        context.setVariable("paragraphs", paragraphs(words.body()));
        context.setVariable("link", link);
        context.setVariable("footer", footer);
        return new Email(words.subject(), text.toString(), templates.process("notification/email", context));
    }

    private static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\n+"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private String resolve(String code, List<Object> arguments, Locale locale) {
        return messages.getMessage(code, arguments.toArray(), code, locale);
    }
}
