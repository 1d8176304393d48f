package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.RadioBoxList;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pftls.ui.flow.Option;

/**
 * A radio list of a question's options. Options that do not apply stay in the list, marked, and
 * cannot be chosen (choosing one shows why instead). Space chooses; Enter chooses and goes on;
 * moving the cursor tells the step which option is under it, so it can explain it.
 *
 * @param <T> the option's value type
 */
final class OptionList<T> extends RadioBoxList<OptionList.Item<T>> {
    /** One row: the option and how it is shown. */
    record Item<T>(Option<T> option, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Consumer<Option<T>> onCursor;
    private final Consumer<Option<T>> onRefused;
    private final Runnable onEnter;

    OptionList(List<Option<T>> options, Function<Option<T>, String> text, T checked,
               Consumer<Option<T>> onCursor, Consumer<Option<T>> onRefused, Runnable onEnter) {
        super(new TerminalSize(Dimensions.TEXT_WIDTH - 2, options.size()));
        this.onCursor = onCursor;
        this.onRefused = onRefused;
        this.onEnter = onEnter;
        int checkedIndex = -1;
        for (int i = 0; i < options.size(); i++) {
            Option<T> o = options.get(i);
            addItem(new Item<>(o, text.apply(o)));
            if (checkedIndex < 0 && o.available() && Objects.equals(o.value(), checked)) {
                checkedIndex = i;
            }
        }
        if (checkedIndex < 0) {
            checkedIndex = firstAvailable(options);
        }
        if (checkedIndex >= 0) {
            setCheckedItemIndex(checkedIndex);
            setSelectedIndex(checkedIndex);
        }
    }

    private static <T> int firstAvailable(List<Option<T>> options) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).available()) {
                return i;
            }
        }
        return -1;
    }

    /** The chosen option's value, or null when nothing is chosen. */
    T chosen() {
        Item<T> item = getCheckedItem();
        return item == null ? null : item.option().value();
    }

    /** The option under the cursor. */
    Option<T> underCursor() {
        Item<T> item = getSelectedItem();
        return item == null ? null : item.option();
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        boolean enter = key.getKeyType() == KeyType.Enter;
        boolean space = key.getKeyType() == KeyType.Character && key.getCharacter() == ' ' && !key.isCtrlDown()
                && !key.isAltDown();
        if ((enter || space) && getSelectedItem() != null) {
            Option<T> o = getSelectedItem().option();
            if (!o.available()) {
                onRefused.accept(o);
                return Result.HANDLED;
            }
            setCheckedItemIndex(getSelectedIndex());
            if (enter) {
                onEnter.run();
            }
            return Result.HANDLED;
        }
        Result r = super.handleKeyStroke(key);
        if (getSelectedItem() != null) {
            onCursor.accept(getSelectedItem().option());
        }
        return r;
    }
}
