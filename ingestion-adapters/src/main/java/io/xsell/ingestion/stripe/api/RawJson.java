package io.xsell.ingestion.stripe.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Stripe list page into its objects' JSON text without building a tree: objects are
 * stored as Stripe sent them, so parsing each page into a tree and writing every object back out
 * would only cost CPU. A scanner of JSON structure (strings, escapes, nesting), not a validator:
 * the page is JSON from Stripe's API.
 */
final class RawJson {
    private RawJson() {
    }

    /** The top-level members of {@code object} text: each value's start and end offsets, by key. */
    static Member member(String json, String key) {
        int depth = 0;
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = stringEnd(json, i);
                if (depth == 1 && json.startsWith("\"" + key + "\"", i) && end == i + key.length() + 1) {
                    int colon = skipSpace(json, end + 1);
                    if (colon < n && json.charAt(colon) == ':') {
                        int start = skipSpace(json, colon + 1);
                        return new Member(start, valueEnd(json, start));
                    }
                }
                i = end + 1;
            } else {
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                i++;
            }
        }
        return null;
    }

    /** The elements of the array value at {@code [start, end)}, each as text. */
    static List<String> elements(String json, Member array) {
        List<String> elements = new ArrayList<>();
        int i = skipSpace(json, array.start() + 1);
        while (i < array.end() - 1) {
            char c = json.charAt(i);
            if (c == ',') {
                i = skipSpace(json, i + 1);
                continue;
            }
            if (c == ']') {
                break;
            }
            int end = valueEnd(json, i);
            elements.add(json.substring(i, end));
            i = skipSpace(json, end);
        }
        return elements;
    }

    /** A top-level string member's value; null when absent or not a string. */
    static String string(String json, String key) {
        Member member = member(json, key);
        if (member == null || json.charAt(member.start()) != '"') {
            return null;
        }
        return json.substring(member.start() + 1, member.end() - 1);
    }

    record Member(int start, int end) {
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset of a string's closing quote. */
    private static int stringEnd(String json, int open) {
        int i = open + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i;
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string in Stripe's answer");
    }

    /** Offset just past the value starting at {@code start}. */
    private static int valueEnd(String json, int start) {
        char first = json.charAt(start);
        if (first == '"') {
            return stringEnd(json, start) + 1;
        }
        if (first != '{' && first != '[') {
            int i = start;
            while (i < json.length() && ",}] \n\r\t".indexOf(json.charAt(i)) < 0) {
                i++;
            }
            return i;
        }
        int depth = 0;
        int i = start;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                i = stringEnd(json, i) + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced JSON in Stripe's answer");
    }
}
