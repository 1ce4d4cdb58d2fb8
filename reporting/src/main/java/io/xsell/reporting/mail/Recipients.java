package io.xsell.reporting.mail;

import com.sanctionco.jmail.JMail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a list of recipient addresses before anything is scheduled to be sent to them. */
public final class Recipients {
    /** Most recipients of one schedule: a summary is for a team, not a mailing list. */
    public static final int MAX = 50;

    private Recipients() {
    }

    /** One problem with the list: {@code index} is the position in it, or -1 for the list as a whole. */
    public record Problem(int index, String message) {
    }

    public static List<Problem> check(List<String> addresses) {
        List<Problem> problems = new ArrayList<>();
        if (addresses == null || addresses.isEmpty()) {
            problems.add(new Problem(-1, "at least one recipient is required"));
            return problems;
        }
        if (addresses.size() > MAX) {
            problems.add(new Problem(-1, "at most " + MAX + " recipients, was " + addresses.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            if (address == null || address.isBlank()) {
                problems.add(new Problem(i, "is empty"));
            } else if (!JMail.strictValidator().isValid(address)) {
                problems.add(new Problem(i, "'" + address + "' is not a valid email address"));
            } else if (!seen.add(address.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new Problem(i, "'" + address + "' is listed twice"));
            }
        }
        return problems;
    }
}
