package org.pftls.ui.flow;

/**
 * The wizard's steps. Which ones a task goes through is declared once, in {@link WizardModel#steps};
 * both front ends (full screen and line mode) walk the same list.
 */
public enum StepKind {
    DETECT("Detect", "What is configured now"),
    TASK("Task", "What do you want to do?"),
    KEY("Key", "Which kind of key?"),
    CLIENT_TLS("Client TLS", "Which TLS for outgoing mail?"),
    HOST_NAMES("Host names", "Names in the certificate"),
    FILES("Files", "Certificate and key to deploy"),
    CSR_KEY("Key", "Which key is the CSR for?"),
    TLSA_HOST("Host name", "Host name of the TLSA records"),
    GENERATE("Generate", "Preparing"),
    REVIEW("Review", "What will change"),
    CONFIRM("Confirm", "Apply the change?"),
    DONE("Done", "What happened and what next");

    private final String title;
    private final String question;

    StepKind(String title, String question) {
        this.title = title;
        this.question = question;
    }

    public String title() {
        return title;
    }

    public String question() {
        return question;
    }
}
