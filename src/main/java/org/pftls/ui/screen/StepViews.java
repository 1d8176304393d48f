package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.flow.WizardModel;

/** Makes the screen of each step from the flow: what the step shows, asks and offers. */
final class StepViews {
    private final WindowBasedTextGUI gui;
    private final WizardFlow flow;
    private final DisplayStyle style;
    private final WizardWindow window;
    private final FilePicker picker;

    private final Jobs jobs;

    StepViews(WindowBasedTextGUI gui, WizardFlow flow, DisplayStyle style, WizardWindow window, Jobs jobs) {
        this.gui = gui;
        this.flow = flow;
        this.style = style;
        this.window = window;
        this.picker = new FilePicker(gui, flow.model(), style);
        this.jobs = jobs;
    }

    StepView create(StepKind step) {
        WizardModel model = flow.model();
        Answers answers = flow.answers();
        return switch (step) {
            case DETECT -> new DetectView(model.detectLines(), style, window);
            case TASK -> ExplainedChoiceView.task(model.taskOptions(), flow.task(), answers, style, window);
            case KEY -> new KeyView(model.keyOptions(answers.task()), model.defaultKeyChoice(answers.task()),
                    model.chainFilesOffer(answers.task()), answers, style, window);
            case CLIENT_TLS -> ExplainedChoiceView.clientTls(model.clientTlsOptions(), answers, style, window);
            case HOST_NAMES -> new HostNamesView(model, answers, model.hostNamesPurpose(answers.task()), style, window);
            case FILES -> new FilesView(model, picker, answers, style, window);
            case CSR_KEY -> new CsrKeyView(model.csrKeyOptions(), answers, style, window);
            case TLSA_HOST -> new TlsaHostView(model, answers, style, window);
            case GENERATE -> new GenerateView(flow.progressText(), style, window);
            case REVIEW -> new ReviewView(gui, flow, style, window);
            case CONFIRM -> new ConfirmView(flow, style, window, window::apply);
            case DONE -> new DoneView(flow, jobs, window::next, style);
        };
    }
}
