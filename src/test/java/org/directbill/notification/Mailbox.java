package org.directbill.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An SMTP server for a test (GreenMail) on a port fixed per test class, that can go down and up again. */
public final class Mailbox {

    private final int port;
    private @Nullable GreenMail server;

    public Mailbox() {
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    public void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received since the server last came up, addressed to {@code recipient}. */
    public List<MimeMessage> to(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        if (server == null) {
            return found;
        }
        for (MimeMessage message : server.getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    public boolean waitFor(int count, long millis) {
        return server != null && server.waitForIncomingEmail(millis, count);
    }

    /** The part of this type (text/plain, text/html), searched through the multiparts. */
    public static @Nullable String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            MimeMultipart parts = (MimeMultipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String found = part(parts.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** French separates thousands with a (narrow) no-break space: compared as a plain space. */
    public static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
