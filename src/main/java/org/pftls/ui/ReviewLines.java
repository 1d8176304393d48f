package org.pftls.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pftls.engine.UntrustedText;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.ReviewDocument;
import org.pftls.ui.flow.ReviewSection;

/**
 * The Review document as plain text lines, the way both wizards show it: each section's heading,
 * then its blocks indented by two spaces. Every kind of {@link ReviewBlock} has its layout here,
 * so a new section appears in both wizards as soon as {@code ReviewBuilder} makes it. Prose is
 * wrapped to the width; preformatted lines are left as they are (the screen folds them).
 */
public final class ReviewLines {
    private static final String INDENT = "  ";

    private final int width;
    private final boolean unicode;

    /**
     * @param width   the width to wrap prose and long values to
     * @param unicode whether tree branches may be drawn with box characters
     */
    public ReviewLines(int width, boolean unicode) {
        this.width = width;
        this.unicode = unicode;
    }

    /**
     * The document's lines.
     *
     * @param unticked per checklist key, the entry ids the operator unticked
     */
    public List<String> render(ReviewDocument document, java.util.function.Function<String, Set<String>> unticked) {
        List<String> out = new ArrayList<>();
        for (ReviewSection section : document.sections()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add(section.heading());
            for (ReviewBlock block : section.blocks()) {
                block(block, INDENT, out, unticked);
            }
        }
        out.replaceAll(UntrustedText::escape); // certificate fields, file names, main.cf: no terminal controls
        return out;
    }

    private void block(ReviewBlock block, String indent, List<String> out,
                       java.util.function.Function<String, Set<String>> unticked) {
        if (block instanceof ReviewBlock.Rows rows) {
            rows(rows.rows(), indent, out);
        } else if (block instanceof ReviewBlock.Text text) {
            out.addAll(TextWrap.wrap(text.text(), indent, indent, width, false));
        } else if (block instanceof ReviewBlock.Lines lines) {
            String margin = lines.style() == ReviewBlock.Lines.Style.PEM ? "" : indent;
            lines.lines().forEach(l -> out.add(margin + l));
        } else if (block instanceof ReviewBlock.Marked marked) {
            for (ReviewBlock.Item item : marked.items()) {
                String mark = switch (item.mark()) {
                    case PROBLEM, WARNING -> "! " + item.mark().word() + ": ";
                    case NOTE -> "- ";
                    case OK -> "ok: ";
                };
                out.addAll(TextWrap.wrap(item.text(), indent + mark, indent + " ".repeat(mark.length()), width, false));
            }
        } else if (block instanceof ReviewBlock.Tree tree) {
            for (ReviewBlock.Node node : tree.roots()) {
                node(node, indent, true, out);
            }
        } else if (block instanceof ReviewBlock.Checklist list) {
            checklist(list, indent, unticked.apply(list.key()), out);
        }
    }

    private void rows(List<ReviewBlock.Row> rows, String indent, List<String> out) {
        int labelWidth = 0;
        for (ReviewBlock.Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length() + 1);
        }
        for (ReviewBlock.Row r : rows) {
            String head = indent + pad(r.label() + ":", labelWidth + 2);
            String value = r.value();
            if (head.length() + value.length() <= width || value.length() <= 16) {
                out.add(head + value);
                continue;
            }
            // Too long for one line (a fingerprint): split at ':' or blanks, under the value's column.
            int room = Math.max(16, width - head.length());
            String continuation = " ".repeat(head.length());
            String first = head;
            while (value.length() > room) {
                int cut = Math.max(value.lastIndexOf(':', room - 1) + 1, value.lastIndexOf(' ', room - 1) + 1);
                if (cut <= 0) {
                    cut = room;
                }
                out.add(first + value.substring(0, cut).stripTrailing());
                value = value.substring(cut).stripLeading();
                first = continuation;
            }
            out.add(first + value);
        }
    }

    private void node(ReviewBlock.Node node, String indent, boolean root, List<String> out) {
        String branch = root ? "" : unicode ? "\u2514\u2500 " : "`- ";
        out.add(indent + branch + node.title());
        String below = indent + (root ? "" : "   ");
        rows(node.rows(), below + INDENT, out);
        for (ReviewBlock.Node child : node.children()) {
            node(child, below + INDENT, false, out);
        }
    }

    private void checklist(ReviewBlock.Checklist list, String indent, Set<String> unticked, List<String> out) {
        int n = 0;
        for (ReviewBlock.Entry e : list.entries()) {
            String detail = e.detail().isEmpty() ? "" : "  (" + e.detail() + ")";
            if (e.offered()) {
                n++;
                String box = unticked.contains(e.id()) ? "[ ] " : "[x] ";
                String head = indent + box + n + ") ";
                out.addAll(TextWrap.wrap(e.text() + detail, head, " ".repeat(head.length()), width, false));
            } else {
                String head = indent + "        ";
                out.addAll(TextWrap.wrap(e.text() + detail, head, head, width, false));
            }
        }
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
