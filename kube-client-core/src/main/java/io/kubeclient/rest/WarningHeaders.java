package io.kubeclient.rest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code Warning} header values (RFC 7234 section 5.5) with apimachinery's rules: several
 * warnings per value separated by commas, a malformed entry ends the parsing of its value only.
 */
final class WarningHeaders {

    private WarningHeaders() {}

    /** Every well-formed warning in {@code values}, in order. Malformed entries are dropped. */
    static List<WarningHeader> parse(List<String> values) {
        List<WarningHeader> result = new ArrayList<>();
        for (String value : values) {
            String rest = value;
            while (!rest.isEmpty()) {
                Parsed p = parseOne(rest);
                if (p == null) {
                    break;
                }
                result.add(p.warning);
                rest = p.remainder;
            }
        }
        return result;
    }

    private record Parsed(WarningHeader warning, String remainder) {}

    private static Parsed parseOne(String header) {
        header = trimLeftSpaces(header);
        String[] parts = header.split(" ", 3);
        if (parts.length != 3) {
            return null;
        }
        String code = parts[0];
        String agent = parts[1];
        String textDateRemainder = parts[2];
        if (code.length() != 3 || !isDigits(code)) {
            return null;
        }
        if (agent.isEmpty() || hasControl(agent) || textDateRemainder.isEmpty()) {
            return null;
        }
        if (textDateRemainder.charAt(0) != '"') {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean escaping = false;
        int close = -1;
        for (int i = 1; i < textDateRemainder.length(); i++) {
            char c = textDateRemainder.charAt(i);
            if (c == '"' && !escaping) {
                close = i;
                break;
            }
            if (c == '\\' && !escaping) {
                escaping = true;
                continue;
            }
            text.append(c);
            escaping = false;
        }
        if (close < 0) {
            return null;
        }
        String decoded = decodeEncodedWords(text.toString());
        if (hasControl(decoded)) {
            return null;
        }
        String remainder = trimLeftSpaces(textDateRemainder.substring(close + 1));
        if (!remainder.isEmpty() && remainder.charAt(0) == '"') {
            int endDate = remainder.indexOf('"', 1);
            if (endDate < 0) {
                return null;
            }
            remainder = trimLeftSpaces(remainder.substring(endDate + 1));
        }
        if (!remainder.isEmpty()) {
            if (remainder.charAt(0) != ',') {
                return null;
            }
            remainder = trimLeftSpaces(remainder.substring(1));
        }
        return new Parsed(new WarningHeader(Integer.parseInt(code), agent, decoded), remainder);
    }

    private static String trimLeftSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(Character::isISOControl);
    }

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    /** Decodes RFC 2047 encoded-words; leaves the text as it is when any word cannot be decoded. */
    static String decodeEncodedWords(String text) {
        if (!text.contains("=?")) {
            return text;
        }
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        boolean previousWasWord = false;
        try {
            while (m.find()) {
                String between = text.substring(last, m.start());
                // Whitespace between two adjacent encoded-words is not part of the text.
                if (!(previousWasWord && between.isBlank())) {
                    sb.append(between);
                }
                Charset charset = Charset.forName(m.group(1));
                String payload = m.group(3);
                byte[] bytes = m.group(2).equalsIgnoreCase("b")
                        ? Base64.getDecoder().decode(payload)
                        : decodeQ(payload);
                sb.append(new String(bytes, charset));
                last = m.end();
                previousWasWord = true;
            }
        } catch (IllegalArgumentException e) {
            return text;
        }
        sb.append(text.substring(last));
        return sb.toString();
    }

    private static byte[] decodeQ(String payload) {
        byte[] in = payload.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '_') {
                out[n++] = ' ';
            } else if (b == '=') {
                if (i + 2 >= in.length) {
                    throw new IllegalArgumentException("truncated escape");
                }
                out[n++] = (byte) Integer.parseInt(payload.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = b;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
