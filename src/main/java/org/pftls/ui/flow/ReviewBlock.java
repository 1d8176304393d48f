package org.pftls.ui.flow;

import java.util.List;

/**
 * One piece of a Review section, of a kind every renderer knows how to show. A new section is
 * made of these blocks in {@link ReviewBuilder}; the full-screen and the line-mode wizard show it
 * without any change of their own. The kinds cover what the Review shows now and what is coming:
 * rows of label and value (a certificate), preformatted lines (a diff, a CSR, DNS records),
 * marked items (notes, findings with their severity), a tree (a certificate chain) and a checklist
 * (main.cf changes the operator may leave out).
 */
public sealed interface ReviewBlock {

    /** Label/value rows, the labels aligned: {@code Subject:   CN=mx.example.org}. */
    record Rows(List<Row> rows) implements ReviewBlock {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /** One row; a long value may be split over several lines by the renderer. */
    record Row(String label, String value) { }

    /** A sentence or two of prose, wrapped to the width. */
    record Text(String text) implements ReviewBlock { }

    /**
     * Lines shown as they are (spacing kept, never joined): a unified diff, a PEM block, DNS
     * records, a command line. Lines wider than the screen are folded, not cut.
     */
    record Lines(Style style, List<String> lines) implements ReviewBlock {
        /**
         * What the lines are, so that a renderer may mark them (diff colours) or keep them copyable
         * (a PEM block is shown flush left, as the command line prints it).
         */
        public enum Style { PLAIN, DIFF, COPYABLE, PEM }

        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** Items, each marked with how serious it is: notes, warnings, findings with their fix. */
    record Marked(List<Item> items) implements ReviewBlock {
        public Marked {
            items = List.copyOf(items);
        }
    }

    /** One marked item. */
    record Item(Mark mark, String text) { }

    /** How an item is marked: in words (and colour where allowed), never by colour alone. */
    enum Mark {
        PROBLEM("PROBLEM"), WARNING("warning"), NOTE("note"), OK("ok");

        private final String word;

        Mark(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A tree: each node a title, its rows and its children (a certificate chain, leaf first). */
    record Tree(List<Node> roots) implements ReviewBlock {
        public Tree {
            roots = List.copyOf(roots);
        }
    }

    /** One node of a {@link Tree}. */
    record Node(String title, List<Row> rows, List<Node> children) {
        public Node {
            rows = List.copyOf(rows);
            children = List.copyOf(children);
        }
    }

    /**
     * Entries the operator may untick (e.g. main.cf changes of a merge): offered entries have a
     * check box; entries that are not offered (kept values) are shown without one. What the
     * operator unticked is kept in {@link Answers#unticked(String)} under the checklist's key.
     */
    record Checklist(String key, List<Entry> entries) implements ReviewBlock {
        public Checklist {
            entries = List.copyOf(entries);
        }

        /** The entries that have a check box, in order. */
        public List<Entry> offered() {
            return entries.stream().filter(Entry::offered).toList();
        }
    }

    /** One checklist entry: its id (kept in the answers), what it says, and whether it can be unticked. */
    record Entry(String id, String text, String detail, boolean offered) { }
}
