package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.WizardModel;

/**
 * Step 4, Host names: one name per line, prefilled with myhostname; lines are added, edited and
 * removed by typing, and every line is checked as it is typed.
 */
final class HostNamesView implements StepView {
    private static final int BOX_ROWS = 6;

    private final WizardModel model;
    private final Answers answers;
    private final Panel body = new Panel(new LinearLayout());
    private final TextBox names;
    private final ProblemLabel problem;
    private final Button back;
    private final Button next;

    HostNamesView(WizardModel model, Answers answers, String purpose, DisplayStyle style, Navigator nav) {
        this.model = model;
        this.answers = answers;
        this.problem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        this.names = new TextBox(new TerminalSize(Dimensions.TEXT_WIDTH - 12, BOX_ROWS),
                String.join("\n", answers.hostNames()), TextBox.Style.MULTI_LINE) {
            @Override
            public synchronized Result handleKeyStroke(KeyStroke key) {
                if (key.getKeyType() == KeyType.Tab) {
                    next.takeFocus(); // the first Tab goes to Next, the button one presses after typing
                    return Result.HANDLED;
                }
                if (key.getKeyType() == KeyType.Character && (key.isCtrlDown() || key.isAltDown())) {
                    return Result.HANDLED; // never insert the letter of a control key
                }
                return super.handleKeyStroke(key);
            }
        };
        body.addComponent(new Label(TextWrap.block(style.text(purpose + " One name per line. Enter starts a"
                + " new line; delete a line to remove a name."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(names);
        body.addComponent(problem);
        names.setTextChangeListener((text, byUser) -> check());
        int last = Math.max(0, names.getLineCount() - 1);
        names.setCaretPosition(last, names.getLine(last).length());
        check();
    }

    /** The non-blank lines, trimmed. */
    private List<String> typed() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.getLineCount(); i++) {
            String line = names.getLine(i).trim();
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /** Inline validation: the first bad line, else the whole list (duplicates, none at all). */
    private Optional<String> check() {
        List<String> list = typed();
        for (int i = 0; i < list.size(); i++) {
            Optional<String> p = model.hostNameProblem(list.get(i));
            if (p.isPresent()) {
                String shown = "name " + (i + 1) + " (" + list.get(i) + "): " + p.get();
                problem.problem(shown);
                return Optional.of(shown);
            }
        }
        Optional<String> p = model.hostNamesProblem(list);
        if (p.isPresent()) {
            problem.problem(p.get());
        } else {
            problem.fine(list.size() + (list.size() == 1 ? " name" : " names") + "; CommonName " + list.get(0));
        }
        return p;
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return List.of(back, next);
    }

    @Override
    public Interactable initialFocus() {
        return names;
    }

    @Override
    public String help(Interactable focused) {
        if (focused == names) {
            return "Type the names   Enter: new line   Tab: to Next   Esc: quit";
        }
        return "Enter: " + (focused == back ? "back" : "next") + "   Tab: to the names   Shift-Tab/Left/Right: move"
                + "   Esc: quit";
    }

    @Override
    public void keepAnswers() {
        answers.hostNames(typed());
    }

    @Override
    public boolean commit() {
        if (check().isPresent()) {
            return false;
        }
        answers.hostNames(typed());
        return true;
    }
}
