package org.pftls.cli.json;

import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.ports.MessageSink;

/**
 * With {@code --json}: the messages of the run (what would otherwise go to stderr), kept in order for
 * the JSON object. Plain data: no JSON library is touched here.
 */
public final class JsonMessages implements MessageSink {
    /** One message: its level and its text (without the {@code pftls: } prefix). */
    public record Message(Level level, String text) { }

    private final List<Message> messages = new ArrayList<>();

    @Override
    public void message(Level level, String text) {
        messages.add(new Message(level, text));
    }

    /** The messages so far, oldest first. */
    public List<Message> list() {
        return List.copyOf(messages);
    }
}
