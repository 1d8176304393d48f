package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import java.util.function.Consumer;

/**
 * A step whose question is one choice from a list (Task, Key, CSR key): the list, a problem line,
 * Back and Next, the help bar, and storing the chosen value in the answers. Subclasses make the
 * list and lay out the body.
 */
abstract class ChoiceView<T> implements StepView {
    protected final DisplayStyle style;
    protected final Panel body = new Panel(new LinearLayout());
    protected final ProblemLabel problem;
    protected final Button back;
    protected final Button next;
    private final Consumer<T> store;
    private final String noChoice;
    private OptionList<T> list;

    /**
     * @param store    where the chosen value goes (an {@code Answers} setter)
     * @param noChoice the problem shown when Next is pressed with nothing chosen
     */
    ChoiceView(DisplayStyle style, Navigator nav, Consumer<T> store, String noChoice) {
        this.style = style;
        this.problem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        this.store = store;
        this.noChoice = noChoice;
    }

    /** Called once by the subclass's constructor, before it lays out the body. */
    protected final OptionList<T> list(OptionList<T> options) {
        this.list = options;
        return options;
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
        return list;
    }

    @Override
    public String help(Interactable focused) {
        if (focused == list) {
            return style.upDown() + ": move  Enter: choose, next  Space: choose  Tab: buttons  Esc: quit";
        }
        return "Enter: " + (focused == back ? "back" : "next") + "   Tab/Left/Right: move   Esc: quit";
    }

    @Override
    public void keepAnswers() {
        if (list.chosen() != null) {
            store.accept(list.chosen());
        }
    }

    @Override
    public boolean commit() {
        if (list.chosen() == null) {
            problem.problem(noChoice);
            return false;
        }
        store.accept(list.chosen());
        return true;
    }
}
