package io.xsell.reporting.mail;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail set-ups for the mail tests. */
final class GreenMailSetups {
    private GreenMailSetups() {
    }

    /** {@code setup} with 30 s to start: GreenMail's 2 s limit is too short on a busy 2-core machine. */
    static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }
}
